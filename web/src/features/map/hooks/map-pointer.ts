// Shared by the drawing tools: where a map event happened, and how far apart two places are on screen.
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { LonLat } from '../../search/utils/search-area.js';

/** Canvas class while a tool takes the clicks: a crosshair instead of the hand (see map.css). */
export const PICKING_CLASS = 'map-canvas--picking';

export function lonLatOf(event: MapMouseEvent): LonLat {
  return [event.lngLat.lng, event.lngLat.lat];
}

export function pixelDistance(map: MapLibreMap, at: LonLat, event: MapMouseEvent): number {
  const p = map.project(at);
  return Math.hypot(p.x - event.point.x, p.y - event.point.y);
}

/** Escape anywhere on the page, unless it is closing something else (an IME candidate list). */
export function onEscape(handler: () => void): () => void {
  const listener = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !event.isComposing) handler();
  };
  window.addEventListener('keydown', listener);
  return () => window.removeEventListener('keydown', listener);
}

/** Gives the map's clicks to a tool: crosshair cursor, no zoom on double-click. Returns the undo. */
export function takeClicks(map: MapLibreMap): () => void {
  map.doubleClickZoom.disable();
  map.getCanvasContainer().classList.add(PICKING_CLASS);
  return () => {
    map.doubleClickZoom.enable();
    map.getCanvasContainer().classList.remove(PICKING_CLASS);
  };
}
