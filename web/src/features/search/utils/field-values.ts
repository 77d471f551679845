import type { Lang } from '../../../lib/i18n.js';
import type { SearchFieldValue } from '../api/get-search-fields.js';

/**
 * Every word that means a value, the reader's language first, then the code unless it is already
 * one of them: 西藏 · 西藏自治区 · Tibet · 540000.
 */
export function valueWords(value: SearchFieldValue, lang: Lang): string[] {
  const [first, second] = lang === 'zh' ? [value.zh, value.en] : [value.en, value.zh];
  return [...new Set([...first, ...second, value.code])];
}
