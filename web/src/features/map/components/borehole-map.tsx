// The MapLibre canvas: creates the map once, draws cluster icons on demand, zooms into clusters and
// opens a popup for single boreholes (or for a search result ringed on the map). Data loading lives
// in useMapClusters; the map search's layers in useSearchLayers.
import { useEffect, useRef, useState } from 'react';
import { Map as MapLibreMap, NavigationControl, Popup, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { readBasemapSetting } from '../../../config/basemap.config.js';
import { useI18n, type I18n } from '../../../lib/i18n-context.js';
import { isPlainClick, navigate } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { isCluster, type BoreholePointProperties } from '../api/get-map-clusters.js';
import { drawClusterIcon } from '../utils/cluster-icon.js';
import type { MapCamera } from '../utils/map-search-location.js';
import { buildMapStyle, CLUSTER_LAYER, POINT_LAYER, SEARCH_RESULTS_LAYER } from '../utils/map-style.js';
import type { Bbox } from '../../search/utils/search-area.js';

// The bundler moves MapLibre's module away from its worker file; point it at the emitted copy.
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The live map, for end-to-end tests and debugging from the console. */
    coreshareMap?: MapLibreMap;
  }
}

const CLICK_SLOP_PX = 6;
/**
 * The layers a click can hit, in the order it is read when several are under the pointer: a cluster
 * zooms before a ring (drawn on top of everything) opens, so the clusters stay usable.
 */
const CLICKABLE_LAYERS = [CLUSTER_LAYER, POINT_LAYER, SEARCH_RESULTS_LAYER];

export type InitialView = { camera: MapCamera } | { bounds: Bbox };

function viewOptions(view: InitialView) {
  if ('bounds' in view) return { bounds: view.bounds, fitBoundsOptions: { padding: 40, maxZoom: 12 } };
  return { center: [view.camera.lon, view.camera.lat] as [number, number], zoom: view.camera.zoom };
}

export function boreholePath(id: string): string {
  return `/boreholes/${encodeURIComponent(id)}`;
}

interface BoreholeMapProps {
  onMap(map: MapLibreMap | null): void;
  /** Where the map opens; read once, when it is created. */
  initialView: InitialView;
  /** True while a drawing tool takes the map's clicks: no popups or cluster zooms meanwhile. */
  picking: boolean;
}

export function BoreholeMap({ onMap, initialView, picking }: BoreholeMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const { t, lang } = useI18n();
  const text = useRef({ t, lang });
  text.current = { t, lang };
  const clicksTaken = useRef(picking);
  clicksTaken.current = picking;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: buildMapStyle(readBasemapSetting(), window.location.origin + '/'),
        ...viewOptions(initialView),
        maxZoom: 18,
        attributionControl: { compact: true },
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      setFailed(true);
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.getCanvas().setAttribute('aria-label', text.current.t('map.region'));

    map.setMissingStyleImageResolver((id) => {
      const icon = drawClusterIcon(id);
      if (icon && !map.hasImage(id)) {
        map.addImage(
          id,
          { width: icon.width, height: icon.height, data: icon.data },
          { pixelRatio: icon.pixelRatio },
        );
      }
    });

    const popup = new Popup({ closeButton: true, maxWidth: '280px', offset: 10 });
    const featureAt = (point: { x: number; y: number }): MapGeoJSONFeature | undefined => {
      const features = map.queryRenderedFeatures(
        [
          [point.x - CLICK_SLOP_PX, point.y - CLICK_SLOP_PX],
          [point.x + CLICK_SLOP_PX, point.y + CLICK_SLOP_PX],
        ],
        { layers: CLICKABLE_LAYERS },
      );
      for (const layer of CLICKABLE_LAYERS) {
        const feature = features.find((f) => f.layer.id === layer);
        if (feature) return feature;
      }
      return undefined;
    };

    map.on('click', (e) => {
      if (clicksTaken.current) return;
      const feature = featureAt(e.point);
      if (!feature || feature.geometry.type !== 'Point') return;
      const [lon = 0, lat = 0] = feature.geometry.coordinates;
      if (isCluster(feature.properties as BoreholePointProperties)) {
        map.easeTo({ center: [lon, lat], zoom: Math.min(map.getZoom() + 2, map.getMaxZoom()) });
        return;
      }
      const p = feature.properties as BoreholePointProperties;
      popup.setLngLat([lon, lat]).setDOMContent(popupContent(p, text.current)).addTo(map);
    });
    for (const layer of CLICKABLE_LAYERS) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }

    window.coreshareMap = map;
    onMap(map);
    return () => {
      onMap(null);
      if (window.coreshareMap === map) delete window.coreshareMap;
      map.remove();
    };
    // The map is created once; onMap is a state setter and never changes, the view is read once.
  }, []);

  useEffect(() => {
    window.coreshareMap?.getCanvas().setAttribute('aria-label', t('map.region'));
  }, [t]);

  if (failed) return <p className="map-failed">{t('map.noWebgl')}</p>;
  return <div ref={container} className="map-canvas" data-testid="borehole-map" />;
}

function popupContent(p: BoreholePointProperties, { t, lang }: Pick<I18n, 't' | 'lang'>): HTMLElement {
  // Built with DOM nodes, not HTML strings: names come from data and must never become markup.
  const root = document.createElement('div');
  root.className = 'map-popup';
  const title = document.createElement('strong');
  title.textContent = p.name || p.id;
  const meta = document.createElement('div');
  meta.className = 'map-popup__meta';
  meta.textContent = [p.id, vocabularyLabel('coreClass', p.core_class, lang)].filter(Boolean).join(' · ');
  const link = document.createElement('a');
  link.href = boreholePath(p.id);
  link.textContent = t('map.openBorehole');
  link.setAttribute('data-testid', 'borehole-popup-link');
  link.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(boreholePath(p.id));
  });
  root.append(title, meta, link);
  return root;
}
