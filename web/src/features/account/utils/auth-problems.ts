// What the server said went wrong, in the reader's language: `message_zh` in Chinese, `message` in
// English, per field where it named one, plus the sign-in refusals the form explains itself.
import { ApiError, type ProblemField } from '../../../lib/api-client.js';
import { translate, type Lang } from '../../../lib/i18n.js';

function messageIn(problem: ProblemField, lang: Lang): string {
  return (lang === 'zh' ? problem.message_zh : undefined) ?? problem.message;
}

/**
 * One sentence for a failed request: the first listed problem's message, else the detail. In
 * Chinese, an answer the server wrote only in English is wrapped in a Chinese sentence; a request
 * that never reached the server says so.
 */
export function problemMessage(error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError)) return translate(lang, 'auth.network');
  const first = error.problem.errors?.[0];
  if (first && (lang === 'en' || first.message_zh)) return messageIn(first, lang);
  const english = first?.message ?? error.message;
  return lang === 'zh' ? translate(lang, 'auth.serverEnglish', { message: english }) : english;
}

/**
 * The messages of a 400 keyed by the form field they are about. Validation answers name fields as
 * JSON paths (`body/email`); the services as plain names (`email`): both become `email`.
 */
export function fieldProblems(error: unknown, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError) || error.status !== 400) return out;
  for (const problem of error.problem.errors ?? []) {
    const field = problem.field?.replace(/^body\//, '');
    if (field && !(field in out)) out[field] = messageIn(problem, lang);
  }
  return out;
}

/** Whole minutes to wait, rounded up and at least one; null when the server did not say. */
export function retryMinutes(seconds: number | null | undefined): number | null {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return null;
  return Math.max(1, Math.ceil(seconds / 60));
}

export type SignInFault =
  | { kind: 'not-verified'; message: string }
  | { kind: 'locked' | 'rate-limited'; message: string; minutes: number | null }
  | { kind: 'other'; message: string };

/** Why a sign-in was refused, with what the form should say; waits come from Retry-After. */
export function signInFault(error: unknown, lang: Lang): SignInFault {
  const message = problemMessage(error, lang);
  if (!(error instanceof ApiError)) return { kind: 'other', message };
  const code = error.problem.code;
  if (error.status === 403 && code === 'email_not_verified') return { kind: 'not-verified', message };
  if (error.status === 429) {
    const kind = code === 'account_locked' ? 'locked' : 'rate-limited';
    const minutes = retryMinutes(error.retryAfterSeconds);
    return {
      kind,
      minutes,
      message:
        minutes === null
          ? message
          : translate(lang, kind === 'locked' ? 'signIn.locked' : 'signIn.rateLimited', { minutes }),
    };
  }
  return { kind: 'other', message };
}
