// Setting a radius on the map: a click picks the centre, then a second click sets the radius (the
// circle follows the pointer until then), or the panel's km box does. Escape cancels. The centre
// is state, since the panel's km box needs one; the circle following the pointer is not.
import { useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Circle, LonLat } from '../../search/utils/search-area.js';
import { distanceKm } from '../utils/area-geometry.js';
import { SEARCH_DRAFT_SOURCE } from '../utils/map-style.js';
import { drawInSource, noFeatures, radiusDraftFeatures } from '../utils/search-features.js';
import { lonLatOf, onEscape, pixelDistance, takeClicks } from './map-pointer.js';

/** A second click this near (px) the centre sets no radius (a double-click, or a slip). */
const SAME_PX = 4;

interface RadiusPickingHandlers {
  onPick(circle: Circle): void;
  onCancel(): void;
}

export function useRadiusPicking(
  map: MapLibreMap | null,
  active: boolean,
  handlers: RadiusPickingHandlers,
): { centre: LonLat | null } {
  const [centre, setCentre] = useState<LonLat | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!map || !active) return;
    let picked: LonLat | null = null;
    let cancelDraw = (): void => {};
    const draw = (pointer: LonLat | null = null): void => {
      cancelDraw();
      const features = picked ? radiusDraftFeatures(picked, pointer) : noFeatures();
      cancelDraw = drawInSource(map, SEARCH_DRAFT_SOURCE, features);
    };
    const pick = (at: LonLat | null): void => {
      picked = at;
      setCentre(at);
      draw();
    };

    const onClick = (event: MapMouseEvent): void => {
      if (!picked) return pick(lonLatOf(event));
      if (pixelDistance(map, picked, event) <= SAME_PX) return;
      const [lon, lat] = picked;
      const km = distanceKm(picked, lonLatOf(event));
      pick(null);
      latest.current.onPick({ lon, lat, km });
    };
    const onMove = (event: MapMouseEvent): void => {
      if (picked) draw(lonLatOf(event));
    };

    const giveBack = takeClicks(map);
    const stopEscape = onEscape(() => {
      pick(null);
      latest.current.onCancel();
    });
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
      stopEscape();
      giveBack();
      pick(null);
    };
  }, [map, active]);

  return { centre };
}
