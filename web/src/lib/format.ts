// Number and value formatting shared by the pages; locale-aware through the language code.
import { translate, type Lang } from './i18n.js';

const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-GB');

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return '';
  // Rounding first, then `|| 0`, so -0.3 shown without decimals prints "0", not "-0".
  const f = 10 ** digits;
  return (Math.round(value * f) / f || 0).toLocaleString(locale(lang), {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
}

export function formatCount(value: number | null | undefined, lang: Lang): string {
  return formatNumber(value, lang, 0);
}

/** Recovery and remaining fractions arrive as 0–1 (or already as percent above 1). */
export function formatPercent(value: number | null | undefined, lang: Lang): string {
  if (value == null || !Number.isFinite(value)) return '';
  const percent = value <= 1 ? value * 100 : value;
  return `${formatNumber(percent, lang, 1)}%`;
}

export function formatMetres(value: number | null | undefined, lang: Lang, digits = 2): string {
  const text = formatNumber(value, lang, digits);
  return text ? `${text} ${translate(lang, 'common.metres')}` : '';
}

export function formatDateRange(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  if (start && end && start !== end) return `${start} – ${end}`;
  return start ?? end ?? '';
}

/** An ISO timestamp as a local date and time ("2026年11月27日 08:30", "27 Nov 2026, 08:30"). */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale(lang), { dateStyle: 'medium', timeStyle: 'short' });
}
