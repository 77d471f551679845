import type { Lang } from '../../../lib/i18n.js';

/** The name in the reader's language, falling back to the other one, then to the code. */
export function custodianName(
  c: { code: string; name_zh: string | null; name_en: string | null },
  lang: Lang,
) {
  return (lang === 'zh' ? c.name_zh || c.name_en : c.name_en || c.name_zh) || c.code;
}
