// The map search panel: the query box, the area modes, and what they find (total, a short list,
// "open as list", facet counts). Collapsible beside the map; below it on narrow screens (map.css).
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, useLocationSearch } from '../../../lib/router.js';
import type { BoreholeSummary, SearchResultPage } from '../../search/api/search-boreholes.js';
import { AreaFaultNotice } from '../../search/components/area-fault-notice.js';
import { FacetGroups } from '../../search/components/facet-groups.js';
import { QueryFaultNotice } from '../../search/components/query-fault-notice.js';
import { SearchForm } from '../../search/components/search-form.js';
import { areaFaultOf, queryFaultOf } from '../../search/utils/query-fault.js';
import type { AreaTools } from '../hooks/use-area-tools.js';
import { MAP_FACETS, type MapSearchResults } from '../hooks/use-map-search-results.js';
import { listHref, mapSearchHref, withQuery, type MapSearchState } from '../utils/map-search-location.js';
import { AreaControls } from './area-controls.js';
import { MapResultList } from './map-result-list.js';

const FAULT_ID = 'map-search-fault';

interface MapSearchPanelProps {
  state: MapSearchState;
  results: MapSearchResults;
  tools: AreaTools;
  selectedId: string | null;
  onLocate(item: BoreholeSummary): void;
  open: boolean;
  onToggle(): void;
}

export function MapSearchPanel({
  state,
  results,
  tools,
  selectedId,
  onLocate,
  open,
  onToggle,
}: MapSearchPanelProps) {
  const { t, lang } = useI18n();
  const search = useLocationSearch();
  const hrefFor = (q: string) => mapSearchHref(withQuery(state, q), search);
  const error = results.status === 'error' ? results.error : null;
  const fault = error ? queryFaultOf(error, lang) : null;
  const areaFault = error ? areaFaultOf(error, lang) : null;
  return (
    <section
      className={open ? 'map-search' : 'map-search map-search--closed'}
      aria-labelledby="map-search-title"
      data-testid="map-search-panel"
    >
      <header className="map-search__header">
        <h2 id="map-search-title">{t('mapSearch.title')}</h2>
        <button
          type="button"
          className="map-search__toggle"
          aria-expanded={open}
          aria-controls="map-search-body"
          title={open ? t('mapSearch.collapse') : t('mapSearch.expand')}
          onClick={onToggle}
          data-testid="map-search-toggle"
        >
          <span aria-hidden>{open ? '«' : '»'}</span>
          <span className="visually-hidden">{open ? t('mapSearch.collapse') : t('mapSearch.expand')}</span>
        </button>
      </header>
      <div id="map-search-body" className="map-search__body" hidden={!open}>
        <SearchForm
          variant="map"
          query={state.q}
          shortcut={open}
          faultId={fault ? FAULT_ID : undefined}
          hrefFor={hrefFor}
        />
        {fault && <QueryFaultNotice id={FAULT_ID} query={state.q} fault={fault} />}
        <AreaControls state={state} tools={tools} />
        {areaFault && <AreaFaultNotice fault={areaFault} />}
        <SearchStatus state={state} results={results} plainFailure={!!error && !fault && !areaFault} />
        {results.page && (
          <SearchOutcome
            state={state}
            page={results.page}
            stale={results.status === 'loading'}
            selectedId={selectedId}
            onLocate={onLocate}
            hrefFor={hrefFor}
          />
        )}
      </div>
    </section>
  );
}

/** One line that always says something: the total, that a search is running, or why there is none. */
function SearchStatus({
  state,
  results,
  plainFailure,
}: {
  state: MapSearchState;
  results: MapSearchResults;
  plainFailure: boolean;
}) {
  const { t, lang } = useI18n();
  const { page, status } = results;
  return (
    <p
      className="map-search__status"
      role="status"
      aria-live="polite"
      data-testid="map-search-status"
      data-state={status}
      data-generation={results.generation}
    >
      {page && (
        <strong data-testid="map-search-total">
          {t(page.total === 1 ? 'search.total.one' : 'search.total.other', {
            n: formatCount(page.total, lang),
          })}
        </strong>
      )}
      {status === 'loading' && <span className="muted"> {t('mapSearch.loading')}</span>}
      {status === 'idle' && state.mode === 'view' && <span className="muted">{t('mapSearch.waiting')}</span>}
      {plainFailure && (
        <span data-testid="map-search-failed">
          {t('mapSearch.failed')}{' '}
          <button type="button" className="link-button" onClick={results.retry}>
            {t('common.retry')}
          </button>
        </span>
      )}
    </p>
  );
}

function SearchOutcome({
  state,
  page,
  stale,
  selectedId,
  onLocate,
  hrefFor,
}: {
  state: MapSearchState;
  page: SearchResultPage;
  /** A newer search is loading: this page is the previous answer, shown dimmed until it arrives. */
  stale: boolean;
  selectedId: string | null;
  onLocate(item: BoreholeSummary): void;
  hrefFor(q: string): string;
}) {
  const { t } = useI18n();
  const list = listHref(state);
  return (
    <div className={stale ? 'map-search__outcome map-search__outcome--stale' : 'map-search__outcome'}>
      {page.query != null && (
        <p className="map-search__understood">
          {t('search.understood')} <code data-testid="map-search-understood">{page.query}</code>
        </p>
      )}
      {page.items.length === 0 ? (
        <p className="empty" data-testid="map-search-empty">
          {t('search.empty')}
        </p>
      ) : (
        <MapResultList items={page.items} selectedId={selectedId} onLocate={onLocate} />
      )}
      {list && page.total > 0 && (
        <p className="map-search__list-link">
          <Link to={list} data-testid="map-search-list-link">
            {t('mapSearch.openList')} →
          </Link>
        </p>
      )}
      {page.facets && <FacetGroups facets={page.facets} names={MAP_FACETS} q={state.q} hrefFor={hrefFor} />}
    </div>
  );
}
