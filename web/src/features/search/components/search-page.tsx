// /search?q=…&sort=…&cursor=… — boreholes matching a query, a page at a time in the order chosen,
// within a map area when the search came from the map (bbox, polygon or near). Everything shown follows from the URL, so a
// result page can be bookmarked, shared, and reached again with back/forward.
import { useMemo } from 'react';
import { Loading } from '../../../components/ui/page-state.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, useLocationSearch } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useSearch } from '../hooks/use-search.js';
import { areaFaultOf, isStaleCursor, queryFaultOf } from '../utils/query-fault.js';
import { areaOf } from '../utils/search-area.js';
import {
  currentCursor,
  currentSort,
  firstPage,
  parseSearchLocation,
  SEARCH_HELP_PATH,
  searchHref,
  type SearchLocation,
} from '../utils/search-location.js';
import type { FacetName } from '../api/search-boreholes.js';
import { AreaFaultNotice } from './area-fault-notice.js';
import { CatalogResults } from './catalog-results.js';
import { FacetGroups } from './facet-groups.js';
import { QueryFaultNotice } from './query-fault-notice.js';
import { SearchAreaNotice } from './search-area-notice.js';
import { SearchForm } from './search-form.js';
import { SearchResults } from './search-results.js';
import { SearchTabs } from './search-tabs.js';

const FAULT_ID = 'search-fault';
/** The facets worth narrowing a national search by; custodian and the rest stay in the query help. */
const SEARCH_FACETS: readonly FacetName[] = ['province', 'commodity', 'class', 'has', 'type', 'depth'];

export function SearchPage() {
  const { t, lang } = useI18n();
  const search = useLocationSearch();
  const location = useMemo(() => parseSearchLocation(search), [search]);
  const result = useSearch({
    q: location.q,
    cursor: currentCursor(location),
    area: areaOf(location),
    sort: currentSort(location),
    facets: SEARCH_FACETS,
  });
  const fault = result.status === 'error' ? queryFaultOf(result.error, lang) : null;
  const areaFault = result.status === 'error' ? areaFaultOf(result.error, lang) : null;
  // A new query keeps the area: the notice under the box says so and offers to drop it.
  const hrefFor = (q: string) => searchHref({ ...firstPage(location), q: q.trim() });
  useDocumentTitle(location.q ? t('search.titleFor', { q: location.q }) : t('search.title'), lang);

  return (
    <section className="search-page" data-testid="search-page" aria-labelledby="search-title">
      <header className="page-header search-page__header">
        <h1 id="search-title">{t('search.title')}</h1>
        <Link to={SEARCH_HELP_PATH} data-testid="search-help-link">
          {t('search.help')}
        </Link>
      </header>
      <div className="card search-box">
        <SearchForm
          variant="page"
          query={location.q}
          shortcut
          faultId={fault ? FAULT_ID : undefined}
          hrefFor={hrefFor}
        />
        {fault && <QueryFaultNotice id={FAULT_ID} query={location.q} fault={fault} />}
        <SearchAreaNotice location={location} />
        {areaFault && <AreaFaultNotice fault={areaFault} />}
      </div>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && !fault && !areaFault && (
        <SearchFailed error={result.error} location={location} retry={result.retry} />
      )}
      {result.status === 'success' && (
        <div className="search-layout">
          <div className="search-layout__main">
            <SearchTabs location={location} page={result.data} />
            {location.catalog ? (
              <CatalogResults location={location} />
            ) : (
              <SearchResults location={location} page={result.data} />
            )}
          </div>
          {result.data.facets && (
            <aside className="card search-layout__facets" data-testid="search-facets">
              <FacetGroups
                facets={result.data.facets}
                names={SEARCH_FACETS}
                q={location.q}
                hrefFor={hrefFor}
              />
            </aside>
          )}
        </div>
      )}
    </section>
  );
}

/** Anything but a query the server could not read: a plain message, never a blank page. */
function SearchFailed({
  error,
  location,
  retry,
}: {
  error: unknown;
  location: SearchLocation;
  retry(): void;
}) {
  const { t } = useI18n();
  if (isStaleCursor(error)) {
    return (
      <div className="page-state page-state--error" role="alert" data-testid="search-failed">
        <p>{t('search.staleCursor')}</p>
        <Link to={searchHref(firstPage(location))}>{t('search.firstPage')}</Link>
      </div>
    );
  }
  return (
    <div className="page-state page-state--error" role="alert" data-testid="search-failed">
      <p>{t('search.failed')}</p>
      <button type="button" onClick={retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
