// The search page keeps its whole state in the URL: the query and the cursors of the pages that led
// to the one shown. A result page can then be bookmarked and shared, and back/forward step through
// pages as well as queries. Cursors are opaque: the server issues them, the URL only carries them.
export const SEARCH_PATH = '/search';
export const SEARCH_HELP_PATH = '/search/help';

export interface SearchLocation {
  /** The query exactly as sent to the server: error positions are offsets into this string. */
  q: string;
  /** Cursors of the pages after the first, oldest first; the last one asks for the page shown. */
  cursors: string[];
}

export function parseSearchLocation(search: string): SearchLocation {
  const params = new URLSearchParams(search);
  return { q: params.get('q') ?? '', cursors: params.getAll('cursor').filter((c) => c !== '') };
}

export function searchHref({ q, cursors }: SearchLocation): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  for (const cursor of cursors) params.append('cursor', cursor);
  const query = params.toString();
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
}

/** The first page of results for a query as typed (surrounding spaces dropped). */
export function queryHref(q: string): string {
  return searchHref({ q: q.trim(), cursors: [] });
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
  return { q: location.q, cursors: [...location.cursors, nextCursor] };
}

/** The page before, or null on the first page. */
export function previousPage(location: SearchLocation): SearchLocation | null {
  if (location.cursors.length === 0) return null;
  return { q: location.q, cursors: location.cursors.slice(0, -1) };
}
