// Reading one cell: placeholders, numbers, dates and lists as real tables write them. Each parser
// returns the value, or a string saying what is wrong (the caller names file, line and field).

/** Values that mean "no value" in exported tables. */
const PLACEHOLDERS = new Set(['', '-', '--', '—', 'na', 'n/a', 'null', 'none', 'nan', '#n/a', '无', '空']);
const PLACEHOLDER_NUMBER = /^-(999|9999)(\.0*)?$/;

/** First characters of the placeholders, in either case: most cells are ruled out by their first character. */
const PLACEHOLDER_FIRST = new Set(
  [...PLACEHOLDERS, '-999']
    .filter((p) => p.length > 0)
    .flatMap((p) => [p.charCodeAt(0), p.toUpperCase().charCodeAt(0)]),
);

/** Trimmed text, or null for an empty cell or a placeholder (`-`, `NA`, `N/A`, `null`, `-999`, `-9999` …). */
export function cellValue(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const value = raw.trim();
  if (value.length === 0) return null;
  // This runs for every cell of a 2 GB file: the cheapest tests first.
  if (!PLACEHOLDER_FIRST.has(value.charCodeAt(0))) return value;
  // Every placeholder is short: long values skip the lookups.
  if (value.length > 4) return value.charCodeAt(0) === 45 && PLACEHOLDER_NUMBER.test(value) ? null : value;
  if (PLACEHOLDERS.has(value.toLowerCase()) || PLACEHOLDER_NUMBER.test(value)) return null;
  return value;
}

export type Parsed<T> = T | { error: string };

export function isError<T>(value: Parsed<T>): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A finite decimal number; `1,234.5` and full-width digits are accepted. */
export function parseNumber(text: string): Parsed<number> {
  let s = text;
  if (!NUMBER.test(s)) {
    s = text.normalize('NFKC').replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
    if (!NUMBER.test(s)) return { error: `${JSON.stringify(text)} is not a number` };
  }
  return Number(s);
}

/** Degrees written as 91°07′30″, 91°07'30", 91度07分30秒, 91:07:30 or 91°07.5′ (with N/S/E/W), or a plain decimal. */
export function parseDegrees(text: string): Parsed<number> {
  const plain = parseNumber(text);
  if (!isError(plain)) return plain;
  const s = text
    .normalize('NFKC') // ″ becomes ′′ here
    .trim()
    .replace(/′′|''|″|"|秒/g, 's')
    .replace(/[′'分]/g, 'm')
    .replace(/[°度]/g, 'd')
    .replace(
      /^([+-]?\d{1,3}):(\d{1,2}(?:\.\d+)?)(?::(\d{1,2}(?:\.\d+)?))?/,
      (_, d, m, sec) => `${d}d${m}m${sec ?? ''}`,
    );
  const m =
    /^([+-])?(\d{1,3})d\s*(?:(\d{1,2}(?:\.\d+)?)m\s*(?:(\d{1,2}(?:\.\d+)?)s?)?)?\s*([NSEW东西南北])?$/i.exec(
      s,
    );
  if (!m) return { error: `${JSON.stringify(text)} is not a number or degrees-minutes-seconds` };
  const minutes = Number(m[3] ?? 0);
  const seconds = Number(m[4] ?? 0);
  if (minutes >= 60 || seconds >= 60) return { error: `${JSON.stringify(text)} has minutes or seconds ≥ 60` };
  const negative = m[1] === '-' || /[SW西南]/i.test(m[5] ?? '');
  const value = Number(m[2]) + minutes / 60 + seconds / 3600;
  return negative ? -value : value;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all the table knows) from
 * 2021-07-28, 2021/7/28, 2021.07.28, 20210728, 2021年7月28日 or an ISO date-time.
 */
export function parseDate(text: string): Parsed<string> {
  if (isIsoDate(text)) return text;
  const s = text.normalize('NFKC').trim();
  const m =
    /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?(?:[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?月?$/.exec(
      s,
    ) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s) ??
    /^(\d{4})年?$/.exec(s);
  if (!m) return { error: `${JSON.stringify(text)} is not a date (write YYYY-MM-DD)` };
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return { error: `year ${year} is not plausible` };
  if (m[2] === undefined) return String(year);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { error: `${JSON.stringify(text)} has no month ${month}` };
  const mm = String(month).padStart(2, '0');
  if (m[3] === undefined) return `${year}-${mm}`;
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const max = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > max) return { error: `${JSON.stringify(text)} has no day ${day}` };
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** True for a valid YYYY-MM-DD as written, the form most tables use: checked without normalising or a regular expression. */
function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!);
}

/** The decimal number written in text[from, to), or -1 when a character there is not an ASCII digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** A fraction 0–1 from `0.95`, `95%` or `95` (taken as percent when above 1). */
export function parseFraction(text: string): Parsed<number> {
  const percent = text.trim().endsWith('%');
  const n = parseNumber(percent ? text.trim().slice(0, -1) : text);
  if (isError(n)) return n;
  const value = percent || n > 1 ? n / 100 : n;
  if (value < 0 || value > 1)
    return { error: `${JSON.stringify(text)} is not a fraction 0–1 or a percentage 0–100` };
  return value;
}

/** A year such as 2019 or 2019年. */
export function parseYear(text: string): Parsed<number> {
  const m = /^(\d{4})年?(度)?$/.exec(text.normalize('NFKC').trim());
  const year = m ? Number(m[1]) : NaN;
  return year >= 1800 && year <= 2200 ? year : { error: `${JSON.stringify(text)} is not a year` };
}

/** Splits `铜、金`, `Cu,Au`, `Cu; Au`, `Cu/Au` or `Cu Au` into items. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；/|\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
