// Credit records as the pages show them. The kinds are copied from src/domain/sharing/credit.ts
// (the web app may not import server code); test/web/returns-helpers.test.ts keeps them in step.
import { formatNumber } from '../../../lib/format.js';
import type { Lang } from '../../../lib/i18n.js';

export const CREDIT_EVENT_KINDS = [
  'data_returned_on_time',
  'loan_returned_on_time',
  'citation',
  'loan_overdue',
  'data_overdue',
  'loan_damaged',
] as const;

/** Points with their sign, as a ledger shows them: "+2", "−4", "0". */
export function signedPoints(points: number, lang: Lang): string {
  const text = formatNumber(Math.abs(points), lang, 1);
  if (points > 0) return `+${text}`;
  if (points < 0) return `−${text}`;
  return text;
}
