// Credit records as the pages show them; the kinds are the domain's (src/domain/sharing/credit.ts).
import { CREDIT_EVENT_KINDS } from '../../../../../src/domain/sharing/credit.js';
import { formatNumber } from '../../../lib/format.js';
import type { Lang } from '../../../lib/i18n.js';

export { CREDIT_EVENT_KINDS };

/** Points with their sign, as a ledger shows them: "+2", "−4", "0". */
export function signedPoints(points: number, lang: Lang): string {
  const text = formatNumber(Math.abs(points), lang, 1);
  if (points > 0) return `+${text}`;
  if (points < 0) return `−${text}`;
  return text;
}
