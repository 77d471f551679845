// What each step of a request must carry (src/domain/sharing/request-workflow.ts): a reason for
// every way out, a due date when a loan or lease is handed over, the samples cut when sampling is
// fulfilled, the material's condition when a return is confirmed; a granted permit may name its
// document number (许可文号), which the agreement quotes. Pure, so the rules are tested.
import type { TransitionInput } from '../api/transition-request.js';
import { readSamples, type FormProblem, type SampleRow } from './request-form.js';
import { RETURNABLE_KINDS } from './sharing-rules.js';

export type ActionInput = 'reason' | 'permit_reference' | 'due_date' | 'samples' | 'condition';

const NEEDS_REASON = ['reject', 'refuse_consent', 'refuse_permit', 'withdraw', 'expire'];

/** Steps that end or refuse a request: shown apart from the steps that move it on. */
export const NEGATIVE_ACTIONS: readonly string[] = NEEDS_REASON;

export function actionInputs(action: string, kind: string): ActionInput[] {
  const inputs: ActionInput[] = [];
  if (NEEDS_REASON.includes(action)) inputs.push('reason');
  if (action === 'grant_permit') inputs.push('permit_reference');
  if (action === 'fulfil' && (RETURNABLE_KINDS as readonly string[]).includes(kind)) inputs.push('due_date');
  if (action === 'fulfil' && kind === 'sampling') inputs.push('samples');
  if (action === 'confirm_return') inputs.push('condition');
  return inputs;
}

export interface ActionValues {
  reason: string;
  /** Optional: sent as the step's reason. */
  permit_reference: string;
  due_date: string;
  samples: SampleRow[];
  condition: '' | 'intact' | 'damaged';
}

export type TransitionReading =
  { ok: true; body: TransitionInput } | { ok: false; problems: Partial<Record<ActionInput, FormProblem>> };

/** Today as YYYY-MM-DD in the reader's time zone: a due date must come after it. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The body for one step, acting as `party` on the version the page shows, or the faults to show
 * beside the step's inputs. `today` is YYYY-MM-DD.
 */
export function readTransition(
  action: string,
  party: string,
  request: { kind: string; version: number; total_depth?: number | null },
  values: ActionValues,
  today: string,
): TransitionReading {
  const problems: Partial<Record<ActionInput, FormProblem>> = {};
  const body: TransitionInput = { action, as: party, version: request.version };
  for (const input of actionInputs(action, request.kind)) {
    switch (input) {
      case 'reason': {
        const reason = values.reason.trim();
        if (!reason) problems.reason = { key: 'action.reasonRequired' };
        else body.reason = reason;
        break;
      }
      case 'permit_reference': {
        const reference = values.permit_reference.trim();
        if (reference) body.reason = reference;
        break;
      }
      case 'due_date':
        if (!ISO_DATE.test(values.due_date)) problems.due_date = { key: 'action.dueRequired' };
        else if (values.due_date <= today) problems.due_date = { key: 'action.dueFuture' };
        else body.due_date = values.due_date;
        break;
      case 'samples': {
        const read = readSamples(values.samples, request.total_depth);
        if (read.ok) body.samples = read.samples;
        else problems.samples = read.problem;
        break;
      }
      case 'condition':
        if (values.condition === '') problems.condition = { key: 'action.conditionRequired' };
        else body.condition = values.condition;
        break;
    }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}
