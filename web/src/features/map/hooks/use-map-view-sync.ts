// Keeps the map and the URL showing the same place. The map's moves are written to the URL (replacing
// the entry, debounced), and a camera the URL gains from elsewhere (back/forward, a link) moves the
// map. Writing the view is also what makes "this view" search the new box.
import { useEffect, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { viewQuery } from './use-map-clusters.js';
import { updateMapSearch } from './use-map-search-state.js';
import { cameraParams, withView, type MapCamera } from '../utils/map-search-location.js';

/** Long enough that a pan made of several drags asks once; short enough to feel immediate. */
const VIEW_DEBOUNCE_MS = 300;

/** The camera as the URL writes it, so one read back from the URL compares equal. */
function cameraKey(camera: MapCamera): string {
  const { center, zoom } = cameraParams(camera);
  return `${center}/${zoom}`;
}

function cameraOf(map: MapLibreMap): MapCamera {
  const { lng, lat } = map.getCenter();
  return { lon: lng, lat, zoom: map.getZoom() };
}

export function useMapViewSync(map: MapLibreMap | null, camera: MapCamera | null): void {
  // The last camera this hook wrote or moved to: the URL showing it is no news.
  const known = useRef<string | null>(null);

  useEffect(() => {
    if (!map) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = (): void => {
      const now = cameraOf(map);
      known.current = cameraKey(now);
      updateMapSearch((state) => withView(state, now, viewQuery(map).bbox), { replace: true });
    };
    const schedule = (): void => {
      clearTimeout(timer);
      timer = setTimeout(write, VIEW_DEBOUNCE_MS);
    };
    // The first view is known as soon as the map has its size; searching it need not wait a debounce.
    write();
    map.on('moveend', schedule);
    return () => {
      map.off('moveend', schedule);
      clearTimeout(timer);
    };
  }, [map]);

  const { lon, lat, zoom } = camera ?? {};
  useEffect(() => {
    if (!map || lon === undefined || lat === undefined || zoom === undefined) return;
    const key = cameraKey({ lon, lat, zoom });
    if (key === known.current) return;
    known.current = key;
    map.jumpTo({ center: [lon, lat], zoom });
  }, [map, lon, lat, zoom]);
}
