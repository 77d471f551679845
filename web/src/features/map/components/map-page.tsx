// The home page: the borehole map with its legend, what is in view, and a keyboard-reachable list
// of the single boreholes currently drawn.
import { useState } from 'react';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { readBasemapSetting } from '../../../config/basemap.config.js';
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { useMapClusters } from '../hooks/use-map-clusters.js';
import { CORE_CLASS_COLOURS } from '../utils/map-style.js';
import { BoreholeMap, boreholePath } from './borehole-map.js';
import './map.css';

const LIST_LIMIT = 100;

export function MapPage() {
  const { t, lang } = useI18n();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const view = useMapClusters(map);
  // Read once: the setting only changes when the operator edits the page or storage and reloads.
  const [offline] = useState(() => readBasemapSetting().length === 0);
  useDocumentTitle(t('map.title'), lang);

  return (
    <div className="map-page">
      <h1 className="visually-hidden">{t('map.title')}</h1>
      <BoreholeMap onMap={setMap} />
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
          <li>
            <span className="map-legend__cluster" aria-hidden>
              n
            </span>
            {t('map.cluster')}
          </li>
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
    </div>
  );
}
