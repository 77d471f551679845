// The home page: the borehole map with its legend, and the map search beside it. The search's whole
// state (query, area mode and shape, where the map looks) is the page's URL.
import { useCallback, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { readBasemapSetting } from '../../../config/basemap.config.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import type { BoreholeSummary } from '../../search/api/search-boreholes.js';
import { useAreaTools } from '../hooks/use-area-tools.js';
import { useMapClusters } from '../hooks/use-map-clusters.js';
import { useMapSearchResults } from '../hooks/use-map-search-results.js';
import { useMapSearchState } from '../hooks/use-map-search-state.js';
import { useMapViewSync } from '../hooks/use-map-view-sync.js';
import { useSearchLayers } from '../hooks/use-search-layers.js';
import { initialView, searchedArea } from '../utils/map-search-location.js';
import { BoreholeMap } from './borehole-map.js';
import { MapLegend } from './map-legend.js';
import { MapSearchPanel } from './map-search-panel.js';
import './map.css';

const NO_RESULTS: BoreholeSummary[] = [];
/** Close enough to tell neighbouring holes of one deposit apart. */
const LOCATE_ZOOM = 12;

export function MapPage() {
  const { t, lang } = useI18n();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const view = useMapClusters(map);
  const state = useMapSearchState();
  // Read once: the map is created once, later URL changes move it (useMapViewSync).
  const [openingView] = useState(() => initialView(state));
  // Read once: the setting only changes when the operator edits the page or storage and reloads.
  const [offline] = useState(() => readBasemapSetting().length === 0);
  const [panelOpen, setPanelOpen] = useState(true);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  useDocumentTitle(state.q ? t('mapSearch.titleFor', { q: state.q }) : t('map.title'), lang);

  useMapViewSync(map, state.camera);
  const tools = useAreaTools(map, state);
  const results = useMapSearchResults(state.q, searchedArea(state));
  const items = results.page?.items ?? NO_RESULTS;
  useSearchLayers(map, state, items, selectedId);

  const locate = useCallback(
    (item: BoreholeSummary) => {
      if (!map || item.lon == null || item.lat == null) return;
      setSelectedId(item.id);
      map.flyTo({ center: [item.lon, item.lat], zoom: Math.max(map.getZoom(), LOCATE_ZOOM) });
      // Below the panel on narrow screens the map may be scrolled away.
      map.getContainer().scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    },
    [map],
  );

  return (
    <div className={panelOpen ? 'map-page' : 'map-page map-page--panel-closed'}>
      <h1 className="visually-hidden">{t('map.title')}</h1>
      <MapSearchPanel
        state={state}
        results={results}
        tools={tools}
        selectedId={selectedId}
        onLocate={locate}
        open={panelOpen}
        onToggle={() => setPanelOpen((open) => !open)}
      />
      <div className="map-page__map">
        <BoreholeMap onMap={setMap} initialView={openingView} picking={tools.picking} />
        <MapLegend view={view} offline={offline} showsResults={items.length > 0} />
      </div>
    </div>
  );
}
