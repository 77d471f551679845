// A returned dataset's values as the borehole page shows them: one row per sample or interval, by
// depth, one column per analyte and unit; values below detection shown as the lab wrote them ("<0.01").
import { formatNumber } from '../../../lib/format.js';
import type { Lang } from '../../../lib/i18n.js';
import type { ReturnedValue } from '../api/get-returned-values.js';

export interface ValueColumn {
  key: string;
  analyte: string;
  unit: string | null;
}

export interface ValueCell {
  value: number | null;
  qualifier: string | null;
}

export interface ValueRow {
  key: string;
  sample_no: string | null;
  depth_from: number;
  depth_to: number;
  cells: Record<string, ValueCell>;
}

const columnKey = (v: { analyte: string; unit: string | null }) => `${v.analyte}|${v.unit ?? ''}`;

/** Pivots the values: columns in order of first appearance, rows by depth (then sample number). */
export function valuesByDepth(values: readonly ReturnedValue[]): {
  columns: ValueColumn[];
  rows: ValueRow[];
} {
  const columns = new Map<string, ValueColumn>();
  const rows = new Map<string, ValueRow>();
  for (const v of values) {
    const key = columnKey(v);
    if (!columns.has(key)) columns.set(key, { key, analyte: v.analyte, unit: v.unit });
    const rowKey = `${v.sample_no ?? ''}|${v.depth_from}|${v.depth_to}`;
    let row = rows.get(rowKey);
    if (!row) {
      row = {
        key: rowKey,
        sample_no: v.sample_no,
        depth_from: v.depth_from,
        depth_to: v.depth_to,
        cells: {},
      };
      rows.set(rowKey, row);
    }
    row.cells[key] = { value: v.value, qualifier: v.qualifier };
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      a.depth_from - b.depth_from ||
      a.depth_to - b.depth_to ||
      (a.sample_no ?? '').localeCompare(b.sample_no ?? ''),
  );
  return { columns: [...columns.values()], rows: sorted };
}

/** "Cu (ppm)", or the analyte alone when the table gave no unit. */
export const columnHeader = (c: ValueColumn): string => (c.unit ? `${c.analyte} (${c.unit})` : c.analyte);

/** A number as measured (up to four decimals), or what the lab wrote for one below detection. */
export function cellText(cell: ValueCell | undefined, lang: Lang): string {
  if (!cell) return '';
  if (cell.value == null) return cell.qualifier ?? '';
  return formatNumber(cell.value, lang, 4);
}

/** The day an embargo ends, as YYYY-MM-DD. */
export const embargoDay = (iso: string): string => iso.slice(0, 10);
