// The statistics page keeps its choices in the URL (/stats?group=level&from=2016&to=2019), so a
// table can be bookmarked and shared; anything unreadable falls back to the public default.
import { STATS_GROUPS, type StatsGroup, type StatsParams } from '../api/get-stats.js';

export const STATS_PATH = '/stats';
/** The years the server accepts (the national archive starts in 1949). */
export const FIRST_YEAR = 1949;
export const LAST_YEAR = 2999;

/** A four-digit year the server accepts, else undefined. */
export function parseYear(raw: string | null | undefined): number | undefined {
  const text = raw?.trim() ?? '';
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined;
}

export function parseStatsLocation(search: string): StatsParams {
  const params = new URLSearchParams(search);
  const group = params.get('group');
  let from = parseYear(params.get('from'));
  let to = parseYear(params.get('to'));
  // A reversed range is read the way it was meant.
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const custodian = params.get('custodian')?.trim() || undefined;
  return {
    group: (STATS_GROUPS as readonly string[]).includes(group ?? '') ? (group as StatsGroup) : 'year',
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(custodian && { custodian }),
  };
}

/** The page's address for these choices; the default group is left out. */
export function statsHref(p: StatsParams): string {
  const params = new URLSearchParams();
  if (p.group !== 'year') params.set('group', p.group);
  if (p.from !== undefined) params.set('from', String(p.from));
  if (p.to !== undefined) params.set('to', String(p.to));
  if (p.custodian) params.set('custodian', p.custodian);
  const qs = params.toString();
  return qs ? `${STATS_PATH}?${qs}` : STATS_PATH;
}
