// The legend over the map: what the clusters and points in view are, their colours, and a
// keyboard-reachable list of the single boreholes currently drawn.
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { useMapClusters } from '../hooks/use-map-clusters.js';
import { CORE_CLASS_COLOURS } from '../utils/map-style.js';
import { boreholePath } from './borehole-map.js';

const LIST_LIMIT = 100;

interface MapLegendProps {
  view: ReturnType<typeof useMapClusters>;
  /** The base map is the offline sketch, not a standard map: say so. */
  offline: boolean;
  /** Search results are ringed on the map: explain the ring. */
  showsResults: boolean;
}

export function MapLegend({ view, offline, showsResults }: MapLegendProps) {
  const { t, lang } = useI18n();
  return (
    <aside className="map-panel" aria-label={t('map.legend')}>
      <p
        className="map-panel__status"
        role="status"
        aria-live="polite"
        data-testid="map-status"
        data-state={view.status}
        data-generation={view.generation}
      >
        {view.status === 'loading' && t('map.loading')}
        {view.status === 'error' && (
          <>
            {t('map.loadFailed')}{' '}
            <button type="button" className="link-button" onClick={view.refresh}>
              {t('common.retry')}
            </button>
          </>
        )}
        {view.status === 'ready' &&
          t('map.shown', {
            clusters: formatCount(view.clusters, lang),
            boreholes: formatCount(view.boreholes.length, lang),
          })}
      </p>
      <ul className="map-legend">
        {(['I', 'II', 'III'] as const).map((c) => (
          <li key={c}>
            <span className="map-legend__dot" style={{ background: CORE_CLASS_COLOURS[c] }} aria-hidden />
            {vocabularyLabel('coreClass', c, lang)}
          </li>
        ))}
        <li>
          <span className="map-legend__dot" style={{ background: CORE_CLASS_COLOURS.none }} aria-hidden />
          {t('map.unclassified')}
        </li>
        <li className="map-legend__wide">
          <span className="map-legend__cluster" aria-hidden>
            n
          </span>
          {t('map.cluster')}
        </li>
        {showsResults && (
          <li className="map-legend__wide">
            <span className="map-legend__ring" aria-hidden />
            {t('mapSearch.legendResults')}
          </li>
        )}
      </ul>
      {offline && <p className="map-panel__notice">{t('map.offlineNotice')}</p>}
      {view.boreholes.length > 0 && (
        <details className="map-panel__list">
          <summary>
            {t('borehole.title')} ({formatCount(view.boreholes.length, lang)})
          </summary>
          <ul>
            {view.boreholes.slice(0, LIST_LIMIT).map((b) => (
              <li key={b.id}>
                <Link to={boreholePath(b.id)}>{b.name || b.id}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
