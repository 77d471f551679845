// /stats?group=…&from=…&to=…&custodian=… — service statistics like the paper's tables: a table for
// the chosen grouping, the public charts (requests by mode per year, core used by custodian level)
// and the same table as CSV. Details beyond the public figures are refused by the server for
// callers without the right, and the page says why instead of failing.
import { useMemo } from 'react';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { ApiError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, useLocationSearch } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { useSession } from '../../account/hooks/use-session.js';
import { statsCsvUrl, type StatsParams } from '../api/get-stats.js';
import { useStats } from '../hooks/use-stats.js';
import { parseStatsLocation, statsHref } from '../utils/stats-location.js';
import { coreByLevel, MODES, requestsByMode } from '../utils/stats-series.js';
import { StackedBarChart } from './bar-chart.js';
import { StatsFilters } from './stats-filters.js';
import { StatsTables } from './stats-table.js';
import './stats.css';

function Restricted({ error, params }: { error: ApiError; params: StatsParams }) {
  const { t, lang } = useI18n();
  const reason = error.problem.errors?.[0];
  const here = statsHref(params);
  return (
    <div className="form-alert" role="alert" data-testid="stats-restricted">
      <p>{t('stats.restricted')}</p>
      {reason && <p>{lang === 'zh' ? (reason.message_zh ?? reason.message) : reason.message}</p>}
      <p>
        {error.status === 401 && (
          <>
            <Link to={`/sign-in?next=${encodeURIComponent(here)}`}>{t('stats.signIn')}</Link>
            {' · '}
          </>
        )}
        <Link to={statsHref({ group: 'level', from: params.from, to: params.to })} scroll={false}>
          {t('stats.publicView')}
        </Link>
      </p>
    </div>
  );
}

export function StatsPage() {
  const { t, lang } = useI18n();
  const search = useLocationSearch();
  const params = useMemo(() => parseStatsLocation(search), [search]);
  const { account } = useSession();
  // The custodians the reader curates, offered in the custodian box.
  const own = (account?.memberships ?? []).flatMap((m) => (m.custodian_code ? [m.custodian_code] : []));
  const table = useStats(params);
  const byYear = useStats({ ...params, group: 'year' });
  const byLevel = useStats({ ...params, group: 'level' });
  useDocumentTitle(t('stats.title'), lang);
  const modes = MODES.map((m, i) => ({ label: vocabularyLabel('sharingMode', m, lang), colour: i }));

  return (
    <section className="stats-page" data-testid="stats-page" aria-labelledby="stats-title">
      <header className="page-header">
        <h1 id="stats-title">{t('stats.title')}</h1>
        <p className="lead">{t('stats.intro')}</p>
      </header>
      <StatsFilters key={search} params={params} custodians={[...new Set(own)]} />
      {table.status === 'loading' && <Loading />}
      {table.status === 'error' &&
        (table.error instanceof ApiError && [401, 403].includes(table.error.status) ? (
          <Restricted error={table.error} params={params} />
        ) : (
          <LoadError error={table.error} retry={table.retry} />
        ))}
      {table.status === 'success' && (
        <>
          <p className="stats-download">
            <a href={statsCsvUrl(params)} download data-testid="stats-download">
              {t('stats.download')}
            </a>
          </p>
          <StatsTables report={table.data} />
        </>
      )}
      <div className="stats-charts">
        {byYear.status === 'success' && (
          <StackedBarChart
            title={t('stats.chartRequests')}
            {...requestsByMode(byYear.data)}
            series={modes}
            testId="stats-chart-requests"
          />
        )}
        {byLevel.status === 'success' && (
          <StackedBarChart
            title={t('stats.chartCore')}
            {...coreByLevel(byLevel.data, lang)}
            series={[{ label: t('stats.coreMetres'), colour: 0 }]}
            digits={1}
            testId="stats-chart-core"
          />
        )}
      </div>
      <p className="note">{t('stats.notes')}</p>
    </section>
  );
}
