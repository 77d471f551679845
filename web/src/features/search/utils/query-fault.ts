// What the server says is wrong with a query, and the query cut into the parts before, at and after
// the fault, so the page can underline exactly what the server pointed at.
import { ApiError, type ProblemField } from '../../../lib/api-client.js';
import type { Lang } from '../../../lib/i18n.js';
import { isAreaParam, type AreaParam } from './search-area.js';
import { splitsPair } from './highlight-ranges.js';

export interface QueryFault {
  message: string;
  /** UTF-16 offset of the part at fault in the query; null when the server did not say where. */
  position: number | null;
  length: number;
}

/** The fault in `q` that a 400 answer reports, in the reader's language; null for other errors. */
export function queryFaultOf(error: unknown, lang: Lang): QueryFault | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const problem = error.problem.errors?.find((e) => e.field === 'q');
  if (!problem) return null;
  return {
    message: messageIn(problem, lang),
    position: offset(problem.position),
    length: offset(problem.length) ?? 0,
  };
}

/** The server's words in the reader's language where it wrote them, else as written. */
function messageIn(problem: ProblemField, lang: Lang): string {
  return (lang === 'zh' ? problem.message_zh : undefined) ?? problem.message;
}

export interface AreaFault {
  /** Which shape the server rejected: the map view, a drawn polygon or a radius. */
  field: AreaParam;
  message: string;
}

/** What a 400 says is wrong with the map area of a search; null for other errors. */
export function areaFaultOf(error: unknown, lang: Lang): AreaFault | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const problem = error.problem.errors?.find((e) => isAreaParam(e.field));
  if (!problem || !isAreaParam(problem.field)) return null;
  return { field: problem.field, message: messageIn(problem, lang) };
}

function offset(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) ? Math.max(0, value) : null;
}

/** True when a 400 blames the page cursor (an old or hand-edited link), not the query. */
export function isStaleCursor(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    (error.problem.errors ?? []).some((e) => e.field === 'cursor')
  );
}

export interface FaultSegments {
  before: string;
  /** Empty when the fault is a gap (something missing at that point). */
  fault: string;
  after: string;
}

/**
 * Cuts `text` at the fault. Offsets outside the text are clamped (the server may point just past
 * the end, where something is missing), and a cut never halves a character.
 */
export function splitAtFault(text: string, position: number, length: number): FaultSegments {
  let start = Math.min(Math.max(0, position), text.length);
  let end = Math.min(Math.max(start, start + length), text.length);
  if (splitsPair(text, start)) start -= 1;
  if (splitsPair(text, end)) end += 1;
  return { before: text.slice(0, start), fault: text.slice(start, end), after: text.slice(end) };
}
