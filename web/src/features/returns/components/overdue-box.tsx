// The inbox's "Overdue" card for one curated custodian: loans and leases past their due date, and
// results owed past theirs, each linked to its request (reminders go out weekly on their own).
// Nothing at all when the reader may not see the list.
import { DataTable } from '../../../components/ui/data-table.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { formatMetres } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import type { Overdue, OverdueData, OverdueLoan } from '../api/get-overdue.js';
import { useOverdue } from '../hooks/use-overdue.js';
import './returns.css';

const requestLink = (r: { request_id: string; title: string }) => (
  <Link to={`/requests/${encodeURIComponent(r.request_id)}`} data-testid="overdue-link">
    {r.title}
  </Link>
);

export function OverdueBox({ custodian, name }: { custodian: string; name: string }) {
  const { t } = useI18n();
  const overdue = useOverdue(custodian);
  const data = overdue.status === 'success' ? overdue.data : undefined;
  if (data === null) return null;
  const count = data ? data.loans.length + data.data.length : 0;
  const headingId = `overdue-${custodian}`;
  return (
    <section
      className={`card overdue-box${count > 0 ? ' overdue-box--some' : ''}`}
      aria-labelledby={headingId}
      data-testid="overdue-box"
      data-custodian={custodian}
      data-count={count}
    >
      <h2 id={headingId}>{t('overdue.title', { custodian: name })}</h2>
      {overdue.status === 'loading' ? (
        <Loading />
      ) : overdue.status === 'error' ? (
        <LoadError error={overdue.error} retry={overdue.retry} />
      ) : !data ? null : count === 0 ? (
        <p className="empty" data-testid="overdue-none">
          {t('overdue.none')}
        </p>
      ) : (
        <OverdueTables overdue={data} />
      )}
    </section>
  );
}

function OverdueTables({ overdue }: { overdue: Overdue }) {
  const { t, lang } = useI18n();
  return (
    <>
      {overdue.loans.length > 0 && (
        <>
          <h3>{t('overdue.loans')}</h3>
          <DataTable<OverdueLoan>
            caption={t('overdue.loans')}
            testId="overdue-loans"
            rows={overdue.loans}
            rowKey={(l) => `${l.request_id}:${l.depth_from}`}
            empty=""
            columns={[
              { key: 'request', header: t('request.titleCol'), cell: requestLink },
              { key: 'hole', header: t('request.borehole'), cell: (l) => l.hole_id },
              {
                key: 'interval',
                header: t('request.interval'),
                cell: (l) => `${formatMetres(l.depth_from, lang)} – ${formatMetres(l.depth_to, lang)}`,
              },
              { key: 'due', header: t('request.dueDate'), cell: (l) => l.due.slice(0, 10) },
              { key: 'org', header: t('overdue.organisation'), cell: (l) => l.organisation },
            ]}
          />
        </>
      )}
      {overdue.data.length > 0 && (
        <>
          <h3>{t('overdue.data')}</h3>
          <DataTable<OverdueData>
            caption={t('overdue.data')}
            testId="overdue-data"
            rows={overdue.data}
            rowKey={(d) => d.request_id}
            empty=""
            columns={[
              { key: 'request', header: t('request.titleCol'), cell: requestLink },
              { key: 'hole', header: t('request.borehole'), cell: (d) => d.hole_id },
              { key: 'due', header: t('request.resultsDue'), cell: (d) => d.due.slice(0, 10) },
              { key: 'org', header: t('overdue.organisation'), cell: (d) => d.organisation },
            ]}
          />
        </>
      )}
    </>
  );
}
