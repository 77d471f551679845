// Drawing a polygon on the map: each click adds a vertex; a double-click, or a click on the first
// vertex, closes it; Escape cancels. The shape in progress is drawn straight into the map's draft
// source (pointer moves never re-render React); only the vertex count is state, for the hints.
import { useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { LonLat } from '../../search/utils/search-area.js';
import { SEARCH_DRAFT_SOURCE } from '../utils/map-style.js';
import { drawInSource, polygonDraftFeatures } from '../utils/search-features.js';
import { lonLatOf, onEscape, pixelDistance, takeClicks } from './map-pointer.js';

/** How near the first vertex (px) a click closes the polygon. */
const CLOSE_PX = 10;
/** A click this near (px) the last vertex adds nothing: it is the second half of a double-click. */
const SAME_PX = 4;

interface PolygonDrawingHandlers {
  onFinish(vertices: LonLat[]): void;
  onCancel(): void;
}

export function usePolygonDrawing(
  map: MapLibreMap | null,
  active: boolean,
  handlers: PolygonDrawingHandlers,
): { vertexCount: number } {
  const [vertexCount, setVertexCount] = useState(0);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!map || !active) return;
    const vertices: LonLat[] = [];
    let pointer: LonLat | null = null;
    let cancelDraw = (): void => {};
    const draw = (): void => {
      cancelDraw();
      cancelDraw = drawInSource(map, SEARCH_DRAFT_SOURCE, polygonDraftFeatures(vertices, pointer));
    };
    const reset = (): void => {
      vertices.length = 0;
      pointer = null;
      setVertexCount(0);
      draw();
    };
    const close = (): void => {
      if (vertices.length < 3) return;
      const ring = [...vertices];
      reset();
      latest.current.onFinish(ring);
    };

    const onClick = (event: MapMouseEvent): void => {
      const first = vertices[0];
      if (first && vertices.length >= 3 && pixelDistance(map, first, event) <= CLOSE_PX) return close();
      const last = vertices.at(-1);
      if (last && pixelDistance(map, last, event) <= SAME_PX) return;
      vertices.push(lonLatOf(event));
      setVertexCount(vertices.length);
      draw();
    };
    const onDoubleClick = (event: MapMouseEvent): void => {
      event.preventDefault();
      close();
    };
    const onMove = (event: MapMouseEvent): void => {
      if (vertices.length === 0) return;
      pointer = lonLatOf(event);
      draw();
    };

    const giveBack = takeClicks(map);
    const stopEscape = onEscape(() => {
      reset();
      latest.current.onCancel();
    });
    map.on('click', onClick);
    map.on('dblclick', onDoubleClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDoubleClick);
      map.off('mousemove', onMove);
      stopEscape();
      giveBack();
      vertices.length = 0;
      pointer = null;
      draw();
      setVertexCount(0);
    };
  }, [map, active]);

  return { vertexCount };
}
