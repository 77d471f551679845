// The map search's first result page with its facet counts. While a new area or query loads, the
// previous page stays shown (dimmed by the panel) rather than blanking the list on every pan; the
// request for an area the map has already left is cancelled by useQuery.
import { useState } from 'react';
import { useQuery } from '../../../lib/use-query.js';
import {
  searchBoreholes,
  type FacetName,
  type SearchRequest,
  type SearchResultPage,
} from '../../search/api/search-boreholes.js';
import { searchKey } from '../../search/hooks/use-search.js';
import type { AreaParams } from '../../search/utils/search-area.js';

const MAP_RESULTS_LIMIT = 20;
export const MAP_FACETS: readonly FacetName[] = ['province', 'commodity', 'class', 'has'];

export interface MapSearchResults {
  /** idle: no area to search yet (a polygon not drawn, a centre not picked). */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The newest page received; while loading, the one before the change. */
  page: SearchResultPage | null;
  error: unknown;
  /** Counts pages received, so tests and observers can tell a fresh answer from an old one. */
  generation: number;
  retry(): void;
}

function mapSearchRequest(q: string, area: AreaParams): SearchRequest {
  return { q, limit: MAP_RESULTS_LIMIT, area, facets: MAP_FACETS };
}

export function useMapSearchResults(q: string, area: AreaParams | null): MapSearchResults {
  const request = area ? mapSearchRequest(q, area) : null;
  const result = useQuery(
    (signal) => (request ? searchBoreholes(request, signal) : Promise.resolve(null)),
    request ? searchKey(request) : 'idle',
  );
  const [shown, setShown] = useState<{ page: SearchResultPage | null; generation: number }>({
    page: null,
    generation: 0,
  });
  if (result.status === 'success' && result.data !== shown.page) {
    setShown({ page: result.data, generation: shown.generation + (result.data ? 1 : 0) });
  }

  if (result.status === 'error') {
    return {
      status: 'error',
      page: null,
      error: result.error,
      generation: shown.generation,
      retry: result.retry,
    };
  }
  const status = result.status === 'loading' ? 'loading' : result.data ? 'ready' : 'idle';
  return {
    status,
    page: status === 'idle' ? null : (result.data ?? shown.page),
    error: undefined,
    generation: shown.generation,
    retry: result.retry,
  };
}
