// The map search's state, read from the URL (the one place it lives), and the way to change it.
import { useMemo } from 'react';
import { navigate, useLocationSearch, type NavigateOptions } from '../../../lib/router.js';
import { mapSearchHref, parseMapSearch, type MapSearchState } from '../utils/map-search-location.js';

export function useMapSearchState(): MapSearchState {
  const search = useLocationSearch();
  return useMemo(() => parseMapSearch(search), [search]);
}

/**
 * Applies `change` to the state in the URL at the moment of the call (not to a rendered copy, which
 * map event handlers would hold stale). A new history entry by default, so back undoes a search
 * step; `{ replace: true }` for the view following the map, which would otherwise flood history.
 */
export function updateMapSearch(
  change: (state: MapSearchState) => MapSearchState,
  options: NavigateOptions = {},
): void {
  const current = window.location.search;
  navigate(mapSearchHref(change(parseMapSearch(current)), current), { scroll: false, ...options });
}
