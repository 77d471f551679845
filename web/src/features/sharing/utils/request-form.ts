// The "ask for core" form as pure data: what the reader typed, the faults the form can see before
// asking (the server checks every sharing rule again), and the body sent to POST /api/requests.
import type { MessageKey, MessageParams } from '../../../lib/i18n.js';
import type { NewRequest } from '../api/create-request.js';
import type { Cut } from '../api/get-requests.js';
import { readNumber } from './numbers.js';
import { kindsFor, modesFor, type Purpose, type RequestKind, type SharingMode } from './sharing-rules.js';

export interface FormProblem {
  key: MessageKey;
  params?: MessageParams;
}

/** One sample as typed: depths in metres and the share of the cross-section. */
export interface SampleRow {
  depth_from: string;
  depth_to: string;
  fraction: string;
}

/** A quarter core: what most sampling asks for, and well within the usual one-third-remaining rule. */
export const DEFAULT_FRACTION = '0.25';

export const emptySample = (): SampleRow => ({ depth_from: '', depth_to: '', fraction: DEFAULT_FRACTION });

export const sampleRowsOf = (cuts: readonly Cut[]): SampleRow[] =>
  cuts.map((c) => ({
    depth_from: String(c.depth_from),
    depth_to: String(c.depth_to),
    fraction: String(c.fraction),
  }));

export type SamplesReading = { ok: true; samples: Cut[] } | { ok: false; problem: FormProblem };

/** The typed samples as cuts, or the first fault (row numbers counted from 1, as shown). */
export function readSamples(rows: readonly SampleRow[], totalDepth?: number | null): SamplesReading {
  if (rows.length === 0) return { ok: false, problem: { key: 'samples.required' } };
  const samples: Cut[] = [];
  for (const [i, row] of rows.entries()) {
    const n = i + 1;
    const from = readNumber(row.depth_from);
    const to = readNumber(row.depth_to);
    const fraction = readNumber(row.fraction);
    if (from === null || to === null || Number.isNaN(from) || Number.isNaN(to))
      return { ok: false, problem: { key: 'samples.depthsNeeded', params: { n } } };
    if (from < 0 || to <= from) return { ok: false, problem: { key: 'samples.order', params: { n } } };
    if (totalDepth != null && to > totalDepth + 1e-9)
      return { ok: false, problem: { key: 'samples.tooDeep', params: { n, depth: totalDepth } } };
    if (fraction === null || Number.isNaN(fraction) || fraction <= 0 || fraction > 1)
      return { ok: false, problem: { key: 'samples.fractionInvalid', params: { n } } };
    samples.push({ depth_from: from, depth_to: to, fraction });
  }
  return { ok: true, samples };
}

export type DepthReading =
  { ok: true; depth_from: number | null; depth_to: number | null } | { ok: false; problem: FormProblem };

/** An optional depth range: both ends or neither (the whole hole), running downward. */
export function readDepthRange(fromText: string, toText: string, totalDepth?: number | null): DepthReading {
  const from = readNumber(fromText);
  const to = readNumber(toText);
  if (from === null && to === null) return { ok: true, depth_from: null, depth_to: null };
  if (from === null || to === null) return { ok: false, problem: { key: 'ask.depthBoth' } };
  if (Number.isNaN(from) || Number.isNaN(to) || from < 0 || to <= from)
    return { ok: false, problem: { key: 'ask.depthOrder' } };
  if (totalDepth != null && to > totalDepth + 1e-9)
    return { ok: false, problem: { key: 'ask.depthTooDeep', params: { depth: totalDepth } } };
  return { ok: true, depth_from: from, depth_to: to };
}

export interface AskForm {
  kind: RequestKind;
  mode: SharingMode | '';
  purpose: Purpose;
  international: boolean;
  depth_from: string;
  depth_to: string;
  samples: SampleRow[];
  title: string;
  description: string;
  /** '' lets the server choose among the reader's organisations. */
  organisation: string;
}

export type AskField = 'mode' | 'depth' | 'samples' | 'title';

export const TITLE_MAX = 200;

/** A fresh form for the modes on offer: the first kind they serve, under its first offered mode. */
export function initialAskForm(offered: readonly SharingMode[]): AskForm {
  const kind = kindsFor(offered).includes('sampling') ? 'sampling' : (kindsFor(offered)[0] ?? 'viewing');
  return {
    kind,
    mode: modesFor(kind, offered)[0] ?? '',
    purpose: 'research',
    international: false,
    depth_from: '',
    depth_to: '',
    samples: kind === 'sampling' ? [emptySample()] : [],
    title: '',
    description: '',
    organisation: '',
  };
}

/** A new kind keeps the mode if it still fits, else takes the first that does; samples come and go. */
export function withKind(form: AskForm, kind: RequestKind, offered: readonly SharingMode[]): AskForm {
  const modes = modesFor(kind, offered);
  const mode = form.mode !== '' && modes.includes(form.mode) ? form.mode : (modes[0] ?? '');
  const samples = kind === 'sampling' ? (form.samples.length ? form.samples : [emptySample()]) : [];
  return { ...form, kind, mode, samples };
}

export type AskReading =
  { ok: true; body: NewRequest } | { ok: false; problems: Partial<Record<AskField, FormProblem>> };

/** The body for POST /api/requests, or the faults to show beside their fields. */
export function readAskForm(form: AskForm, borehole: string, totalDepth?: number | null): AskReading {
  const problems: Partial<Record<AskField, FormProblem>> = {};
  if (form.mode === '') problems.mode = { key: 'ask.modeRequired' };
  const title = form.title.trim();
  if (!title) problems.title = { key: 'auth.required' };
  else if (title.length > TITLE_MAX) problems.title = { key: 'ask.titleTooLong', params: { max: TITLE_MAX } };
  const depth = readDepthRange(form.depth_from, form.depth_to, totalDepth);
  if (!depth.ok) problems.depth = depth.problem;
  let samples: Cut[] | undefined;
  if (form.kind === 'sampling') {
    const read = readSamples(form.samples, totalDepth);
    if (read.ok) samples = read.samples;
    else problems.samples = read.problem;
  }
  if (Object.keys(problems).length > 0 || form.mode === '' || !depth.ok) return { ok: false, problems };
  const description = form.description.trim();
  return {
    ok: true,
    body: {
      borehole,
      kind: form.kind,
      mode: form.mode,
      purpose: form.purpose,
      ...(form.international && { international: true }),
      ...(depth.depth_from !== null && { depth_from: depth.depth_from, depth_to: depth.depth_to }),
      ...(samples && { samples }),
      title,
      ...(description && { description }),
      ...(form.organisation && { organisation: form.organisation }),
    },
  };
}
