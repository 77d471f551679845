// GET /api/stats: service statistics as JSON, and the address of the same report as CSV.
import { apiUrl, getJson } from '../../../lib/api-client.js';

export const STATS_GROUPS = ['year', 'level', 'province', 'custodian'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export interface StatsFigures {
  requests: number;
  by_mode: Record<string, number>;
  by_kind: Record<string, number>;
  visits: number;
  core_metres: number;
  samples: number;
  fulfilled: number;
  rejected: number;
  data_owed: number;
  data_returned: number;
  returned_data_rate: number | null;
  overdue_loans: number;
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

export interface StatsParams {
  group: StatsGroup;
  from?: number | undefined;
  to?: number | undefined;
  /** One custodian's code. */
  custodian?: string | undefined;
}

const query = (p: StatsParams) => ({ group: p.group, from: p.from, to: p.to, custodian: p.custodian });

export function getStats(params: StatsParams, signal?: AbortSignal): Promise<StatsReport> {
  return getJson<StatsReport>('/stats', query(params), signal);
}

/** The same report as a spreadsheet download (UTF-8 CSV with a byte-order mark). */
export function statsCsvUrl(params: StatsParams): string {
  return apiUrl('/stats', { ...query(params), format: 'csv' });
}
