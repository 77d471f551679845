// The statistics as tables, like the paper's: one row per group and the total last; then the
// requests split by sharing mode and by kind.
import { DataTable, type Column } from '../../../components/ui/data-table.js';
import { formatCount, formatNumber, formatPercent } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { StatsReport, StatsRow } from '../api/get-stats.js';
import { KINDS, MODES, rowLabel, totalRow } from '../utils/stats-series.js';

const TOTAL = '__total';

export function StatsTables({ report }: { report: StatsReport }) {
  const { t, lang } = useI18n();
  const rows = report.rows.length
    ? [...report.rows, totalRow(report.totals, { zh: t('stats.total'), en: t('stats.total') })]
    : [];
  const count = (value: (r: StatsRow) => number) => (r: StatsRow) => formatCount(value(r), lang);
  const name: Column<StatsRow> = {
    key: 'name',
    header: t('stats.name'),
    cell: (r) =>
      r.key === TOTAL ? (
        <strong>{rowLabel(r, lang)}</strong>
      ) : report.group === 'custodian' ? (
        <Link to={`/custodians/${encodeURIComponent(r.key)}`}>{rowLabel(r, lang)}</Link>
      ) : (
        rowLabel(r, lang)
      ),
  };
  const figures: Column<StatsRow>[] = [
    name,
    { key: 'requests', header: t('stats.requests'), numeric: true, cell: count((r) => r.requests) },
    { key: 'fulfilled', header: t('stats.fulfilled'), numeric: true, cell: count((r) => r.fulfilled) },
    { key: 'rejected', header: t('stats.rejected'), numeric: true, cell: count((r) => r.rejected) },
    { key: 'visits', header: t('stats.visits'), numeric: true, cell: count((r) => r.visits) },
    {
      key: 'core',
      header: t('stats.coreMetres'),
      numeric: true,
      cell: (r) => formatNumber(r.core_metres, lang, 2),
    },
    { key: 'samples', header: t('stats.samples'), numeric: true, cell: count((r) => r.samples) },
    {
      key: 'rate',
      header: t('stats.returnedRate'),
      numeric: true,
      cell: (r) =>
        r.returned_data_rate === null ? (
          '—'
        ) : (
          <span title={t('stats.rateDetail', { returned: r.data_returned, owed: r.data_owed })}>
            {formatPercent(r.returned_data_rate, lang)}
          </span>
        ),
    },
    {
      key: 'overdueLoans',
      header: t('stats.overdueLoans'),
      numeric: true,
      cell: count((r) => r.overdue_loans),
    },
    { key: 'overdueData', header: t('stats.overdueData'), numeric: true, cell: count((r) => r.overdue_data) },
  ];
  const split: Column<StatsRow>[] = [
    name,
    ...MODES.map((m) => ({
      key: `mode-${m}`,
      header: vocabularyLabel('sharingMode', m, lang),
      numeric: true,
      cell: count((r) => r.by_mode[m] ?? 0),
    })),
    ...KINDS.map((k) => ({
      key: `kind-${k}`,
      header: vocabularyLabel('requestKind', k, lang),
      numeric: true,
      cell: count((r) => r.by_kind[k] ?? 0),
    })),
  ];
  return (
    <>
      <DataTable
        caption={t('stats.table')}
        columns={figures}
        rows={rows}
        rowKey={(r) => r.key}
        empty={t('stats.empty')}
        testId="stats-table"
      />
      {rows.length > 0 && (
        <section aria-labelledby="stats-by-mode" className="stats-section">
          <h2 id="stats-by-mode">{t('stats.byModeTable')}</h2>
          <DataTable
            caption={t('stats.byModeTable')}
            columns={split}
            rows={rows}
            rowKey={(r) => r.key}
            empty={t('stats.empty')}
            testId="stats-by-mode"
          />
        </section>
      )}
    </>
  );
}
