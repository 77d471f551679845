// The "return results" form's rules, before the upload goes out (the server checks them all again):
// what kinds of result come back, which embargo each takes by default, a title, a DOI for a paper
// and a file for everything else, of a type and size the server accepts. Kept in step with
// src/services/sharing/return.service.ts, src/services/sharing/upload-types.ts and
// src/domain/sharing/embargo.ts; test/web/returns-helpers.test.ts compares them.
import { EMBARGO_KINDS, type EmbargoKind } from '../../../../../src/domain/sharing/embargo.js';
import type { MessageKey, MessageParams } from '../../../lib/i18n.js';

/** The states in which results can come back: once the core was shared, and after. */
export const STATES_WITH_RESULTS: readonly string[] = ['fulfilled', 'returned', 'results_returned', 'closed'];

export const RETURN_KINDS = ['assay', 'spectra', 'images', 'report', 'publication'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export { EMBARGO_KINDS, type EmbargoKind };

export const MAX_RETURN_BYTES = 50 * 1024 * 1024;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media types the server accepts, by the file name's extension. */
export const MEDIA_TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  xlsx: XLSX,
};

const ACCEPTED_TYPES = new Set(Object.values(MEDIA_TYPE_BY_EXTENSION));
const ASSAY_TYPES = ['text/csv', 'text/plain', XLSX];

/** The file picker's `accept`: tables for assays, any accepted type for the rest. */
export function acceptFor(kind: ReturnKind): string {
  const types = kind === 'assay' ? ASSAY_TYPES : [...ACCEPTED_TYPES];
  const extensions = Object.entries(MEDIA_TYPE_BY_EXTENSION)
    .filter(([, type]) => types.includes(type))
    .map(([extension]) => `.${extension}`);
  return [...extensions, ...types].join(',');
}

/**
 * The media type to send a file as. Browsers guess from the name, and some guess wrong (Windows
 * calls a .csv `application/vnd.ms-excel`), so a known extension decides; the server checks the
 * bytes either way, so a disguised file is still refused.
 */
export function mediaTypeOf(file: { name: string; type: string }): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const byName = extension ? MEDIA_TYPE_BY_EXTENSION[extension] : undefined;
  return byName ?? (file.type || 'application/octet-stream');
}

/** Data waits two years by default, reports and interpretations five (the custodian's policy decides). */
export const defaultEmbargo = (kind: ReturnKind): EmbargoKind => (kind === 'report' ? 'report' : 'raw');

const DOI = /^10\.\d{4,9}\/\S+$/;

/** A DOI as typed or pasted (`https://doi.org/10.…`, `doi:10.…`) reduced to `10.…`. */
export function normaliseDoi(text: string): string {
  return text
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
}

export const doiUrl = (doi: string): string => `https://doi.org/${normaliseDoi(doi)}`;

export interface ReturnFormValues {
  kind: ReturnKind;
  title: string;
  embargo: EmbargoKind;
  doi: string;
}

export const initialReturnForm = (): ReturnFormValues => ({
  kind: 'assay',
  title: '',
  embargo: defaultEmbargo('assay'),
  doi: '',
});

/** A new kind takes its default embargo, unless the reader already chose one for this kind's class. */
export function withReturnKind(values: ReturnFormValues, kind: ReturnKind): ReturnFormValues {
  const chose = values.embargo !== defaultEmbargo(values.kind);
  return { ...values, kind, embargo: chose ? values.embargo : defaultEmbargo(kind) };
}

export type ReturnField = 'title' | 'doi' | 'file';

export interface ReturnProblem {
  key: MessageKey;
  params?: MessageParams;
}

/** What the picked file is, as far as the form needs to know. */
export interface PickedFile {
  name: string;
  type: string;
  size: number;
}

export interface ReturnUpload {
  query: { kind: ReturnKind; title: string; doi?: string; embargo?: EmbargoKind; file_name?: string };
  /** The media type to send the file as; none for a publication (it sends no file). */
  type: string | null;
}

export type ReturnReading =
  { ok: true; upload: ReturnUpload } | { ok: false; problems: Partial<Record<ReturnField, ReturnProblem>> };

export function readReturnForm(values: ReturnFormValues, file: PickedFile | null): ReturnReading {
  const problems: Partial<Record<ReturnField, ReturnProblem>> = {};
  const title = values.title.trim();
  if (!title) problems.title = { key: 'returns.titleRequired' };
  else if (title.length > 300) problems.title = { key: 'returns.titleTooLong' };
  const publication = values.kind === 'publication';
  const doi = normaliseDoi(values.doi);
  if (publication && !DOI.test(doi)) problems.doi = { key: 'returns.doiInvalid' };
  let type: string | null = null;
  if (!publication) {
    if (!file) problems.file = { key: 'returns.fileRequired' };
    else {
      type = mediaTypeOf(file);
      if (file.size === 0) problems.file = { key: 'returns.fileEmpty' };
      else if (file.size > MAX_RETURN_BYTES) problems.file = { key: 'returns.fileTooLarge' };
      else if (!ACCEPTED_TYPES.has(type)) problems.file = { key: 'returns.fileType' };
      else if (values.kind === 'assay' && !ASSAY_TYPES.includes(type))
        problems.file = { key: 'returns.assayType' };
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    upload: {
      query: publication
        ? { kind: values.kind, title, doi }
        : { kind: values.kind, title, embargo: values.embargo, file_name: file!.name },
      type,
    },
  };
}
