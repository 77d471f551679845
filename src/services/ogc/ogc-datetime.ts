// The `datetime` parameter of OGC API – Features: an RFC 3339 instant, or an interval `a/b` whose
// ends may be open (`..` or empty). Our temporal properties are whole days at best (a drilling
// date, a catalog year), so the parameter is reduced to the UTC days it touches.
import type { DayRange } from '../../store/repositories/borehole-features.repository.js';
import { InvalidInputError } from '../errors.js';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const DAY_MS = 86_400_000;

interface Instant {
  /** The UTC day the instant falls on, `YYYY-MM-DD`. */
  day: string;
  /** Milliseconds since the epoch where it begins, and where it ends (a full date lasts all day). */
  first: number;
  last: number;
}

function fail(message: string): InvalidInputError {
  return new InvalidInputError(`datetime: ${message}`, [{ field: 'datetime', message }]);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDay(text: string, y: string, m: string, d: string): [number, number, number] {
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  if (month < 1 || month > 12) throw fail(`${JSON.stringify(text)} has no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) throw fail(`${JSON.stringify(text)} has no day ${day}`);
  return [year, month, day];
}

function instant(text: string): Instant {
  const date = FULL_DATE.exec(text);
  if (date) {
    const [year, month, day] = calendarDay(text, date[1]!, date[2]!, date[3]!);
    const first = Date.UTC(year, month - 1, day);
    return { day: text, first, last: first + DAY_MS - 1 };
  }
  const m = DATE_TIME.exec(text);
  if (!m)
    throw fail(
      `${JSON.stringify(text)} is not an RFC 3339 date-time (2009-05-01T00:00:00Z) or date (2009-05-01)`,
    );
  const [year, month, day] = calendarDay(text, m[1]!, m[2]!, m[3]!);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  // RFC 3339 allows a leap second (:60); it still belongs to the same day.
  if (hour > 23 || minute > 59 || second > 60) throw fail(`${JSON.stringify(text)} is not a valid time`);
  const offsetMinutes = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  const at =
    Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) +
    Math.round(Number(m[7] ?? 0) * 1000) -
    offsetMinutes * 60_000;
  return { day: new Date(at).toISOString().slice(0, 10), first: at, last: at };
}

const isOpen = (end: string) => end === '' || end === '..';

/** The days a `datetime` value selects; undefined when absent. Every malformed value is a 400. */
export function parseDatetime(text: string | undefined): DayRange | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const ends = text.trim().split('/');
  if (ends.length === 1) {
    const at = instant(ends[0]!);
    return { from: at.day, to: at.day };
  }
  if (ends.length !== 2) throw fail(`${JSON.stringify(text)} has more than one "/"`);
  const [start, end] = ends as [string, string];
  if (isOpen(start) && isOpen(end)) throw fail('an interval needs at least one end (`../2010-01-01`)');
  const from = isOpen(start) ? null : instant(start);
  const to = isOpen(end) ? null : instant(end);
  if (from && to && from.first > to.last) throw fail(`the interval starts (${start}) after it ends (${end})`);
  return { from: from?.day ?? null, to: to?.day ?? null };
}
