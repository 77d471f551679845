// What the charts and tables show, taken from the reports: pure, so it is tested without a browser.
import type { Lang } from '../../../lib/i18n.js';
import type { StatsFigures, StatsReport, StatsRow } from '../api/get-stats.js';

import { SHARING_MODES } from '../../../../../src/domain/sharing-modes.js';
import { REQUEST_KINDS } from '../../../../../src/domain/sharing/request-vocabulary.js';

/** The six sharing modes in DOMAIN.md's order, and the kinds of request: the domain's own lists. */
export const MODES = SHARING_MODES;
export const KINDS = REQUEST_KINDS;

export const rowLabel = (row: StatsRow, lang: Lang): string => (lang === 'zh' ? row.label_zh : row.label_en);

/** Requests per year, split by mode: one column per year row, one stacked series per mode. */
export function requestsByMode(report: StatsReport): { categories: string[]; values: number[][] } {
  return {
    categories: report.rows.map((r) => r.key),
    values: report.rows.map((r) => MODES.map((m) => r.by_mode[m] ?? 0)),
  };
}

/** Core used per custodian level, metres: one column per level row. */
export function coreByLevel(report: StatsReport, lang: Lang): { categories: string[]; values: number[][] } {
  return {
    categories: report.rows.map((r) => rowLabel(r, lang)),
    values: report.rows.map((r) => [r.core_metres]),
  };
}

/** The grand total as a table row, after the groups. */
export function totalRow(totals: StatsFigures, label: { zh: string; en: string }): StatsRow {
  return { key: '__total', label_zh: label.zh, label_en: label.en, ...totals };
}
