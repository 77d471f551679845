// Draws the map search on the map: the area searched, and rings around the boreholes listed in the
// panel (the server's clusters cannot be filtered by a query, so the listed page is what is marked).
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BoreholeSummary } from '../../search/api/search-boreholes.js';
import type { MapSearchState } from '../utils/map-search-location.js';
import { SEARCH_AREA_SOURCE, SEARCH_RESULTS_SOURCE } from '../utils/map-style.js';
import { areaFeatures, drawInSource, resultFeatures } from '../utils/search-features.js';

export function useSearchLayers(
  map: MapLibreMap | null,
  state: MapSearchState,
  results: readonly BoreholeSummary[],
  selectedId: string | null,
): void {
  const { mode, polygon, near } = state;
  useEffect(() => {
    if (!map) return;
    return drawInSource(map, SEARCH_AREA_SOURCE, areaFeatures({ mode, polygon, near }));
  }, [map, mode, polygon, near]);

  useEffect(() => {
    if (!map) return;
    return drawInSource(map, SEARCH_RESULTS_SOURCE, resultFeatures(results, selectedId));
  }, [map, results, selectedId]);
}
