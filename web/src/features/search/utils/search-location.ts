// The search page keeps its whole state in the URL: the query, the map area it is limited to (when
// opened from the map), the order of the results and the cursors of the pages that led to the one
// shown. A result page can then be bookmarked and shared, and back/forward step through pages as
// well as queries. Cursors are opaque: the server issues them, the URL only carries them, and each
// belongs to the order it was issued in.
import { areaOf, readAreaParams, writeAreaParams, type AreaParams } from './search-area.js';
import { DEFAULT_SORT, usableSort, type SearchSort } from './search-sort.js';

export const SEARCH_PATH = '/search';
export const SEARCH_HELP_PATH = '/search/help';
/** The map page, which reads `q` and the area parameters the same way. */
export const MAP_PATH = '/';

export interface SearchLocation extends AreaParams {
  /** The query exactly as sent to the server: error positions are offsets into this string. */
  q: string;
  /** The order of the boreholes; absent for the default, and never one the area cannot use. */
  sort?: SearchSort;
  /** Cursors of the pages after the first, oldest first; the last one asks for the page shown. */
  cursors: string[];
  /** Set when the catalog records (实物资料目录) are shown instead of the boreholes. */
  catalog?: CatalogLocation;
}

/** The catalog list keeps its own cursors, so switching between the lists loses neither page. */
export interface CatalogLocation {
  cursors: string[];
}

const CATALOG_VIEW = 'catalog';

export function parseSearchLocation(search: string): SearchLocation {
  const params = new URLSearchParams(search);
  const area = readAreaParams(params);
  const asked = params.get('sort') || DEFAULT_SORT;
  const sort = usableSort(asked, area) ?? DEFAULT_SORT;
  return {
    q: params.get('q') ?? '',
    ...sortEntry(sort, area),
    // Cursors belong to the order they were issued in: with the one asked for refused, the server
    // would refuse them too.
    cursors: sort === asked ? params.getAll('cursor').filter((c) => c !== '') : [],
    ...area,
    ...(params.get('view') === CATALOG_VIEW
      ? { catalog: { cursors: params.getAll('catalog_cursor').filter((c) => c !== '') } }
      : {}),
  };
}

/** The `sort` a location within `area` carries: none for the default or an order it cannot use. */
function sortEntry(sort: SearchSort | undefined, area: AreaParams): { sort?: SearchSort } {
  const usable = usableSort(sort, area);
  return usable && usable !== DEFAULT_SORT ? { sort: usable } : {};
}

function hrefOf(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function searchHref(location: SearchLocation): string {
  const params = new URLSearchParams();
  if (location.q !== '') params.set('q', location.q);
  writeAreaParams(params, location);
  const { sort } = sortEntry(location.sort, location);
  if (sort) params.set('sort', sort);
  for (const cursor of location.cursors) params.append('cursor', cursor);
  if (location.catalog) {
    params.set('view', CATALOG_VIEW);
    for (const cursor of location.catalog.cursors) params.append('catalog_cursor', cursor);
  }
  return hrefOf(SEARCH_PATH, params);
}

/** The first page of results for a query as typed (surrounding spaces dropped). */
export function queryHref(q: string): string {
  return searchHref({ q: q.trim(), cursors: [] });
}

export function currentSort(location: SearchLocation): SearchSort {
  return location.sort ?? DEFAULT_SORT;
}

/** The same search in another order, from its first page: cursors belong to one order. */
export function withSort(location: SearchLocation, sort: SearchSort): SearchLocation {
  const { sort: _sort, ...rest } = location;
  return { ...rest, cursors: [], ...sortEntry(sort, location) };
}

/** The cursor to send for the page shown; null for the first page. */
export function currentCursor(location: SearchLocation): string | null {
  return location.cursors.at(-1) ?? null;
}

/** 1-based number of the page shown. */
export function pageNumber(location: SearchLocation): number {
  return location.cursors.length + 1;
}

export function nextPage(location: SearchLocation, nextCursor: string): SearchLocation {
  return { ...location, cursors: [...location.cursors, nextCursor] };
}

/** The page before, or null on the first page. */
export function previousPage(location: SearchLocation): SearchLocation | null {
  if (location.cursors.length === 0) return null;
  return { ...location, cursors: location.cursors.slice(0, -1) };
}

/**
 * The first page of the same query, area and order, in the same list (boreholes or catalog); the
 * area dropped with `withArea: false`, and with it an order by distance from its centre.
 */
export function firstPage(location: SearchLocation, { withArea = true } = {}): SearchLocation {
  const area = withArea ? areaOf(location) : {};
  return {
    q: location.q,
    cursors: [],
    ...area,
    ...sortEntry(location.sort, area),
    ...(location.catalog ? { catalog: { cursors: [] } } : {}),
  };
}

/** The same search showing the boreholes, on the page they were left at. */
export function boreholeView(location: SearchLocation): SearchLocation {
  const { catalog: _catalog, ...rest } = location;
  return rest;
}

/** The same search showing the catalog records, on the page they were left at (first page if none). */
export function catalogView(location: SearchLocation): SearchLocation {
  return { ...location, catalog: location.catalog ?? { cursors: [] } };
}

export function catalogCursor(location: SearchLocation): string | null {
  return location.catalog?.cursors.at(-1) ?? null;
}

export function catalogPageNumber(location: SearchLocation): number {
  return (location.catalog?.cursors.length ?? 0) + 1;
}

export function nextCatalogPage(location: SearchLocation, nextCursor: string): SearchLocation {
  return { ...location, catalog: { cursors: [...(location.catalog?.cursors ?? []), nextCursor] } };
}

/** The catalog page before, or null on its first page. */
export function previousCatalogPage(location: SearchLocation): SearchLocation | null {
  const cursors = location.catalog?.cursors ?? [];
  if (cursors.length === 0) return null;
  return { ...location, catalog: { cursors: cursors.slice(0, -1) } };
}

/** The same search on the map: the area drawn there, or the whole map when there is none. */
export function mapHref(location: SearchLocation): string {
  const params = new URLSearchParams();
  if (location.q !== '') params.set('q', location.q);
  writeAreaParams(params, location);
  return hrefOf(MAP_PATH, params);
}
