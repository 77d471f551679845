import { useQuery } from '../../../lib/use-query.js';
import { searchBoreholes, type SearchRequest } from '../api/search-boreholes.js';
import { getSearchFields } from '../api/get-search-fields.js';
import { searchCatalog, type CatalogRequest } from '../api/search-catalog.js';

/** JSON keeps "a" + cursor "b" apart from "ab" + no cursor; callers build requests in one key order. */
export function searchKey(request: SearchRequest): string {
  return JSON.stringify(request);
}

export function useSearch(request: SearchRequest) {
  return useQuery((signal) => searchBoreholes(request, signal), searchKey(request));
}

export function useSearchFields() {
  return useQuery((signal) => getSearchFields(signal), 'search-fields');
}

export function useCatalogSearch(request: CatalogRequest) {
  return useQuery((signal) => searchCatalog(request, signal), `catalog:${JSON.stringify(request)}`);
}
