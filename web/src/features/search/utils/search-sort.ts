// The orders /api/search can list boreholes in. Distance is measured from the centre of a radius
// search, so it only exists while the search has one: the server refuses it otherwise, and a URL or
// a change of area that would ask for it falls back to the default order instead.
import type { AreaParams } from './search-area.js';

/** In the order the selector offers them. `-` means descending: deepest or newest first. */
export const SEARCH_SORTS = ['relevance', 'id', 'depth', '-depth', 'date', '-date', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The server's own default, so it is left out of URLs and requests. */
export const DEFAULT_SORT: SearchSort = 'id';

export function isSearchSort(value: unknown): value is SearchSort {
  return (SEARCH_SORTS as readonly unknown[]).includes(value);
}

/** The orders a search within `area` can use. */
export function sortsFor(area: AreaParams): SearchSort[] {
  return SEARCH_SORTS.filter((sort) => sort !== 'distance' || Boolean(area.near));
}

/** `value` if a search within `area` can be listed that way, else null. */
export function usableSort(value: unknown, area: AreaParams): SearchSort | null {
  return isSearchSort(value) && sortsFor(area).includes(value) ? value : null;
}
