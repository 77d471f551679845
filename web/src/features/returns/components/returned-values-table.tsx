// A returned dataset's values: one row per sample or interval by depth, one column per analyte.
import { DataTable, type Column } from '../../../components/ui/data-table.js';
import { formatMetres } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { ReturnedValue } from '../api/get-returned-values.js';
import { cellText, columnHeader, valuesByDepth, type ValueRow } from '../utils/returned-values.js';

export function ReturnedValuesTable({ title, values }: { title: string; values: ReturnedValue[] }) {
  const { t, lang } = useI18n();
  const { columns, rows } = valuesByDepth(values);
  const hasSampleNumbers = rows.some((r) => r.sample_no);
  const fixed: Column<ValueRow>[] = [
    ...(hasSampleNumbers
      ? [{ key: 'sample', header: t('samples.sample_no'), cell: (r: ValueRow) => r.sample_no ?? '' }]
      : []),
    { key: 'from', header: t('interval.from'), cell: (r) => formatMetres(r.depth_from, lang), numeric: true },
    { key: 'to', header: t('interval.to'), cell: (r) => formatMetres(r.depth_to, lang), numeric: true },
  ];
  return (
    <DataTable<ValueRow>
      caption={t('returned.valuesOf', { title })}
      testId="returned-values"
      rows={rows}
      rowKey={(r) => r.key}
      empty={t('returned.noValues')}
      columns={[
        ...fixed,
        ...columns.map((c) => ({
          key: `v:${c.key}`,
          header: columnHeader(c),
          cell: (r: ValueRow) => cellText(r.cells[c.key], lang),
          numeric: true,
        })),
      ]}
    />
  );
}
