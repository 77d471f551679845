// The area modes and their tools: switching mode, drawing a polygon, picking a radius, clearing.
// A drawn shape is written to the URL as soon as it is finished (a new history entry), so back
// returns to the shape before. Drawing is on while a mode has no shape yet, or when asked to redraw.
import { useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  formatBbox,
  formatNear,
  parseNear,
  polygonToWkt,
  type Circle,
  type LonLat,
} from '../../search/utils/search-area.js';
import { withArea, type AreaMode, type MapSearchState } from '../utils/map-search-location.js';
import { viewQuery } from './use-map-clusters.js';
import { updateMapSearch } from './use-map-search-state.js';
import { usePolygonDrawing } from './use-polygon-drawing.js';
import { useRadiusPicking } from './use-radius-picking.js';

export interface AreaTools {
  /** True while a tool takes the map's clicks. */
  picking: boolean;
  /** Vertices of the polygon being drawn (0 when none is). */
  vertexCount: number;
  /** The centre picked for a radius not yet set. */
  pendingCentre: LonLat | null;
  setMode(mode: AreaMode): void;
  redraw(): void;
  cancel(): void;
  clear(): void;
  /** Sets the radius around the centre just picked, or else around the current circle's centre. */
  setRadiusKm(km: number): void;
}

function setNear(circle: Circle): void {
  updateMapSearch((state) => withArea(state, 'radius', { near: formatNear(circle) }));
}

export function useAreaTools(map: MapLibreMap | null, state: MapSearchState): AreaTools {
  const [redrawing, setRedrawing] = useState(false);
  // A mode changed from anywhere (a radio, back/forward) ends a redraw begun in the old one.
  const [modeSeen, setModeSeen] = useState(state.mode);
  if (modeSeen !== state.mode) {
    setModeSeen(state.mode);
    setRedrawing(false);
  }

  const drawingPolygon = state.mode === 'polygon' && (!state.polygon || redrawing);
  const pickingRadius = state.mode === 'radius' && (!state.near || redrawing);
  const stop = (): void => setRedrawing(false);

  const { vertexCount } = usePolygonDrawing(map, drawingPolygon, {
    onFinish(vertices) {
      stop();
      updateMapSearch((s) => withArea(s, 'polygon', { polygon: polygonToWkt(vertices) }));
    },
    onCancel: stop,
  });
  const { centre } = useRadiusPicking(map, pickingRadius, {
    onPick(circle) {
      stop();
      setNear(circle);
    },
    onCancel: stop,
  });

  return {
    picking: drawingPolygon || pickingRadius,
    vertexCount,
    pendingCentre: centre,
    setMode(mode) {
      stop();
      // The view mode searches the view at once, without waiting for the map to move.
      const shape = mode === 'view' && map ? { bbox: formatBbox(viewQuery(map).bbox) } : {};
      updateMapSearch((s) => withArea(s, mode, shape));
    },
    redraw: () => setRedrawing(true),
    cancel: stop,
    clear() {
      stop();
      updateMapSearch((s) => withArea(s, s.mode));
    },
    setRadiusKm(km) {
      const current = state.near ? parseNear(state.near) : null;
      const [lon, lat] = centre ?? (current ? [current.lon, current.lat] : []);
      if (lon === undefined || lat === undefined) return;
      stop();
      setNear({ lon, lat, km });
    },
  };
}
