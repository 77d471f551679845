// Why the server said no, in the reader's language: every rule a request breaks, not just the first
// (a 422 lists them all), each in Chinese where the server wrote it, else in a Chinese sentence
// carrying the English. A step taken on a stale page (409 conflict) says to reload.
import { ApiError } from '../../../lib/api-client.js';
import { translate, type Lang } from '../../../lib/i18n.js';
import { problemMessage } from '../../account/utils/auth-problems.js';

/** True when the request changed since the page read it (someone else took a step meanwhile). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.problem.code === 'conflict';
}

export function refusalMessages(error: unknown, lang: Lang): string[] {
  if (isStale(error)) return [translate(lang, 'request.stale')];
  if (!(error instanceof ApiError)) return [problemMessage(error, lang)];
  const listed = (error.problem.errors ?? []).map((p) => {
    if (lang === 'en') return p.message;
    return p.message_zh ?? translate(lang, 'auth.serverEnglish', { message: p.message });
  });
  const unique = [...new Set(listed.filter((m) => m.trim() !== ''))];
  return unique.length > 0 ? unique : [problemMessage(error, lang)];
}

/** The rule ids a refusal names (`mode_not_offered`, `reason_required`, …), for tests and styling. */
export function refusalRules(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).flatMap((p) => (p.rule ? [p.rule] : []));
}
