// Service statistics in the shape of the paper's tables (DOMAIN.md "Figures the paper reports"):
// requests by mode and kind, visits, core used, samples given, fulfilments, refusals, data
// returned and what is overdue, per custodian, custodian level, province of the core or year.
//
// What is public: the national picture, by year and by custodian level (the paper publishes
// exactly these), with the grand total. A breakdown that names one repository's workload
// (group=custodian, group=province: a province often has one repository, or custodian=CODE) needs
// `stats.read`: that custodian's curators or administrators.
//
// How figures are dated: requests by the day they were made (only those submitted: a draft never
// sent is no request); fulfilments, visits, core used, samples, data returned and overdue items by
// the request's `fulfil` step; refusals by the refusal. Overdue is judged at `now`.
import type { Store } from '../store/store.js';
import {
  statsRepository,
  STATS_GROUPS,
  type StatsGroup,
  type StatsScope,
} from '../store/repositories/stats.repository.js';
import { SHARING_MODES, MODE_LABELS, type SharingMode } from '../domain/sharing-modes.js';
import { KIND_LABELS, REQUEST_KINDS, type RequestKind } from '../domain/sharing/request-vocabulary.js';
import { provinceByCode } from '../domain/china.js';
import { requireAccess } from './accounts/access.service.js';
import type { Caller } from './audit.service.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { csvLine } from './import/csv-text.js';
import { safeCell } from './search/search-export.service.js';

export { STATS_GROUPS, type StatsGroup };

/** Breakdowns anyone may read; the rest need `stats.read`. */
export const PUBLIC_STATS_GROUPS: readonly StatsGroup[] = ['year', 'level'];

const LEVEL_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  national: { zh: '国家馆', en: 'National repository' },
  provincial: { zh: '省级馆', en: 'Provincial repository' },
  depositor: { zh: '汇交人', en: 'Depositor' },
  entrusted: { zh: '委托保管单位', en: 'Entrusted custodian' },
};
const UNKNOWN = { zh: '未知', en: 'Unknown' };
/** The paper's order: the national centre, provincial repositories, entrusted (oil, gas, marine). */
const LEVEL_ORDER = ['national', 'provincial', 'entrusted', 'depositor'];

export interface StatsQuery {
  group?: StatsGroup | undefined;
  from?: number | undefined;
  to?: number | undefined;
  /** One custodian's figures (its code). */
  custodian?: string | undefined;
}

export interface StatsFigures {
  /** Requests submitted (drafts never sent are not counted). */
  requests: number;
  by_mode: Record<SharingMode, number>;
  by_kind: Record<RequestKind, number>;
  /** Viewing appointments fulfilled. */
  visits: number;
  /** Core lent, leased or sampled, metres (sampled intervals by their length). */
  core_metres: number;
  /** Samples cut for requests. */
  samples: number;
  fulfilled: number;
  rejected: number;
  /** Fulfilled requests owing analysis data whose data is due or back. */
  data_owed: number;
  /** Of those, the ones whose data came back. */
  data_returned: number;
  /** data_returned ÷ data_owed, 4 decimals; null when nothing is owed yet. */
  returned_data_rate: number | null;
  /** Loans and leases still out past their due date. */
  overdue_loans: number;
  /** Analysis data past due and not returned. */
  overdue_data: number;
}

export interface StatsRow extends StatsFigures {
  key: string;
  label_zh: string;
  label_en: string;
}

export interface StatsReport {
  group: StatsGroup;
  from: number | null;
  to: number | null;
  custodian: string | null;
  rows: StatsRow[];
  totals: StatsFigures;
}

// Summed in whole millimetres, shown in metres: identical on both engines.
type Tally = Omit<StatsFigures, 'core_metres' | 'returned_data_rate'> & { core_mm: number };

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyTally(): Tally {
  return {
    requests: 0,
    by_mode: zeros(SHARING_MODES),
    by_kind: zeros(REQUEST_KINDS),
    visits: 0,
    core_mm: 0,
    samples: 0,
    fulfilled: 0,
    rejected: 0,
    data_owed: 0,
    data_returned: 0,
    overdue_loans: 0,
    overdue_data: 0,
  };
}

function figures({ core_mm, ...t }: Tally): StatsFigures {
  return {
    ...t,
    core_metres: core_mm / 1000,
    returned_data_rate: t.data_owed ? Math.round((t.data_returned / t.data_owed) * 10_000) / 10_000 : null,
  };
}

function add(into: Tally, t: Tally): void {
  for (const k of SHARING_MODES) into.by_mode[k] += t.by_mode[k];
  for (const k of REQUEST_KINDS) into.by_kind[k] += t.by_kind[k];
  for (const k of [
    'requests',
    'visits',
    'core_mm',
    'samples',
    'fulfilled',
    'rejected',
    'data_owed',
    'data_returned',
    'overdue_loans',
    'overdue_data',
  ] as const)
    into[k] += t[k];
}

function checkYears(from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to)
    throw new InvalidInputError(`from (${from}) is after to (${to})`, [
      { field: 'from', message: 'the first year is after the last', message_zh: '起始年份晚于截止年份' },
    ]);
}

/** The caller may see this breakdown, or the refusal is raised (and audited). */
async function authorise(store: Store, caller: Caller, group: StatsGroup, custodian: string | undefined) {
  if (custodian === undefined) {
    if (!PUBLIC_STATS_GROUPS.includes(group))
      await requireAccess(store, caller, 'stats.read', { type: 'stats', id: group });
    return undefined;
  }
  const found = await statsRepository(store.db).custodianByCode(custodian);
  if (!found) throw new NotFoundError('custodian', custodian);
  await requireAccess(store, caller, 'stats.read', {
    custodian_id: found.id,
    type: 'custodian',
    id: custodian,
  });
  return found.id;
}

async function labels(store: Store, group: StatsGroup, keys: string[]) {
  const names =
    group === 'custodian'
      ? new Map((await statsRepository(store.db).custodianNames(keys)).map((c) => [c.code, c]))
      : undefined;
  return (key: string): { zh: string; en: string } => {
    if (key === '') return UNKNOWN;
    switch (group) {
      case 'custodian': {
        const c = names?.get(key);
        return c ? { zh: c.name_zh, en: c.name_en ?? c.name_zh } : { zh: key, en: key };
      }
      case 'level':
        return LEVEL_LABELS[key] ?? { zh: key, en: key };
      case 'province': {
        const p = provinceByCode(key);
        return p ? { zh: p.zh, en: p.en } : { zh: key, en: key };
      }
      case 'year':
        return { zh: `${key}年`, en: key };
    }
  };
}

/** Rows in the paper's order: levels as LEVEL_ORDER, years and codes ascending, unknown last. */
function rank(group: StatsGroup, key: string): [number, string] {
  if (key === '') return [Number.MAX_SAFE_INTEGER, ''];
  if (group === 'level') {
    const i = LEVEL_ORDER.indexOf(key);
    return [i < 0 ? LEVEL_ORDER.length : i, key];
  }
  return [0, key];
}

/** Service statistics for one breakdown and year range, with the grand total. */
export async function getStats(
  store: Store,
  caller: Caller,
  query: StatsQuery,
  now: Date = new Date(),
): Promise<StatsReport> {
  const group = query.group ?? 'year';
  checkYears(query.from, query.to);
  const custodianId = await authorise(store, caller, group, query.custodian);
  const scope: StatsScope = {
    group,
    from: query.from === undefined ? undefined : String(query.from).padStart(4, '0'),
    to: query.to === undefined ? undefined : String(query.to).padStart(4, '0'),
    custodian_id: custodianId,
    now: now.toISOString(),
  };
  const repo = statsRepository(store.db);
  const [requests, fulfilments, allocations, samples, rejections] = await Promise.all([
    repo.requests(scope),
    repo.fulfilments(scope),
    repo.allocations(scope),
    repo.samples(scope),
    repo.rejections(scope),
  ]);

  const tallies = new Map<string, Tally>();
  const tally = (key: string | null) => {
    const k = key ?? '';
    let t = tallies.get(k);
    if (!t) tallies.set(k, (t = emptyTally()));
    return t;
  };
  for (const r of requests) {
    const t = tally(r.key);
    const n = Number(r.n);
    t.requests += n;
    if (r.mode in t.by_mode) t.by_mode[r.mode as SharingMode] += n;
    if (r.kind in t.by_kind) t.by_kind[r.kind as RequestKind] += n;
  }
  for (const r of fulfilments) {
    const t = tally(r.key);
    t.fulfilled += Number(r.fulfilled);
    t.visits += Number(r.visits);
    t.data_owed += Number(r.data_owed);
    t.data_returned += Number(r.data_returned);
    t.overdue_data += Number(r.overdue_data);
  }
  for (const r of allocations) {
    const t = tally(r.key);
    t.core_mm += Number(r.core_mm);
    t.overdue_loans += Number(r.overdue_loans);
  }
  for (const r of samples) tally(r.key).samples += Number(r.n);
  for (const r of rejections) tally(r.key).rejected += Number(r.n);

  const keys = [...tallies.keys()].sort((a, b) => {
    const [ra, ka] = rank(group, a);
    const [rb, kb] = rank(group, b);
    return ra - rb || ka.localeCompare(kb);
  });
  const label = await labels(store, group, keys);
  const total = emptyTally();
  const rows = keys.map((key) => {
    const t = tallies.get(key)!;
    add(total, t);
    const { zh, en } = label(key);
    return { key: key || 'unknown', label_zh: zh, label_en: en, ...figures(t) };
  });
  return {
    group,
    from: query.from ?? null,
    to: query.to ?? null,
    custodian: query.custodian ?? null,
    rows,
    totals: figures(total),
  };
}

type Cell = string | number | null;
const COLUMNS: ReadonlyArray<readonly [string, string, (f: StatsFigures) => Cell]> = [
  ['requests', '申请', (f) => f.requests],
  ...SHARING_MODES.map(
    (m) => [`mode: ${MODE_LABELS[m].en}`, MODE_LABELS[m].zh, (f: StatsFigures) => f.by_mode[m]] as const,
  ),
  ...REQUEST_KINDS.map(
    (k) => [`kind: ${KIND_LABELS[k].en}`, KIND_LABELS[k].zh, (f: StatsFigures) => f.by_kind[k]] as const,
  ),
  ['visits', '观察人次', (f) => f.visits],
  ['core used (m)', '利用岩芯（米）', (f) => f.core_metres],
  ['samples', '样品（件）', (f) => f.samples],
  ['fulfilled', '已提供', (f) => f.fulfilled],
  ['rejected', '已拒绝', (f) => f.rejected],
  ['data owed', '应返还成果', (f) => f.data_owed],
  ['data returned', '已返还成果', (f) => f.data_returned],
  ['returned-data rate', '成果返还率', (f) => f.returned_data_rate],
  ['overdue loans', '逾期未还借用', (f) => f.overdue_loans],
  ['overdue data', '逾期未返还成果', (f) => f.overdue_data],
];

/**
 * The report as CSV for spreadsheets: a byte-order mark so Excel reads the Chinese as UTF-8, each
 * header in English and Chinese, text that would run as a formula quoted with ', and the total last.
 */
export function statsCsv(report: StatsReport): string {
  const line = (cells: Cell[]) => csvLine(cells.map(safeCell));
  const head = [`${report.group} / 分组`, 'name (zh) / 名称', 'name (en) / 英文名称'];
  return (
    '\uFEFF' +
    line([...head, ...COLUMNS.map(([en, zh]) => `${en} / ${zh}`)]) +
    report.rows
      .map((r) => line([r.key, r.label_zh, r.label_en, ...COLUMNS.map(([, , v]) => v(r))]))
      .join('') +
    line(['total', '合计', 'Total', ...COLUMNS.map(([, , v]) => v(report.totals))])
  );
}
