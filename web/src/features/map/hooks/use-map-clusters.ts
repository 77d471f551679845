// Keeps the borehole layer in step with the view: after each move (debounced) it asks the server
// for the clusters in the new bounding box, cancelling the request for the previous view.
import { useEffect, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { isAbort } from '../../../lib/api-client.js';
import {
  getMapClusters,
  isCluster,
  type BoreholePointProperties,
  type MapClusters,
} from '../api/get-map-clusters.js';
import { clusterIconName } from '../utils/cluster-icon.js';
import { BOREHOLE_SOURCE } from '../utils/map-style.js';

const DEBOUNCE_MS = 150;

export interface VisibleBorehole extends BoreholePointProperties {
  lon: number;
  lat: number;
}

interface ClusterView {
  clusters: number;
  boreholes: VisibleBorehole[];
  /** Counts completed loads, so tests and observers can tell a fresh answer from an old one. */
  generation: number;
}

export type ClusterStatus =
  | ({ status: 'loading' } & ClusterView)
  | ({ status: 'ready' } & ClusterView)
  | ({ status: 'error'; error: unknown } & ClusterView);

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function viewQuery(map: MapLibreMap): { bbox: [number, number, number, number]; zoom: number } {
  const b = map.getBounds();
  return {
    bbox: [
      clamp(b.getWest(), -180, 180),
      clamp(b.getSouth(), -85.05, 85.05),
      clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -85.05, 85.05),
    ],
    zoom: Math.round(map.getZoom()),
  };
}

/** Adds the icon name each cluster is drawn with (see cluster-icon.ts). */
function decorate(fc: MapClusters): MapClusters {
  for (const f of fc.features) {
    if (isCluster(f.properties)) {
      (f.properties as unknown as Record<string, unknown>).icon = clusterIconName(f.properties.point_count);
    }
  }
  return fc;
}

export function useMapClusters(map: MapLibreMap | null): ClusterStatus & { refresh(): void } {
  const [state, setState] = useState<ClusterStatus>({
    status: 'loading',
    clusters: 0,
    boreholes: [],
    generation: 0,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!map) return;
    let controller: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const fetchAndDraw = async (signal: AbortSignal): Promise<Omit<ClusterView, 'generation'>> => {
      const fc = await getMapClusters(viewQuery(map), signal);
      signal.throwIfAborted();
      // Awaited so that "ready" means the new features are in the map, not just downloaded.
      await (map.getSource(BOREHOLE_SOURCE) as GeoJSONSource | undefined)?.setData(decorate(fc));
      const boreholes: VisibleBorehole[] = [];
      let clusters = 0;
      for (const f of fc.features) {
        if (isCluster(f.properties)) clusters++;
        else {
          const [lon = 0, lat = 0] = f.geometry.coordinates;
          boreholes.push({ ...f.properties, lon, lat });
        }
      }
      return { clusters, boreholes };
    };

    const load = (): void => {
      controller?.abort();
      const current = (controller = new AbortController());
      setState((s) => ({ ...s, status: 'loading' }));
      fetchAndDraw(current.signal).then(
        (view) => {
          if (!current.signal.aborted)
            setState((s) => ({ status: 'ready', ...view, generation: s.generation + 1 }));
        },
        (error: unknown) => {
          // A newer view replaced this request (or the page went): not an error to show.
          if (current.signal.aborted || isAbort(error)) return;
          setState((s) => ({ ...s, status: 'error', error }));
        },
      );
    };
    const schedule = (): void => {
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE_MS);
    };

    if (map.isStyleLoaded()) load();
    else map.once('load', load);
    map.on('moveend', schedule);
    return () => {
      map.off('moveend', schedule);
      map.off('load', load);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [map, attempt]);

  return { ...state, refresh: () => setAttempt((n) => n + 1) };
}
