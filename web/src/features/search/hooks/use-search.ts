import { useQuery } from '../../../lib/use-query.js';
import { searchBoreholes } from '../api/search-boreholes.js';
import { getSearchFields } from '../api/get-search-fields.js';

export function useSearch(q: string, cursor: string | null) {
  // JSON keeps "a" + cursor "b" apart from "ab" + no cursor.
  return useQuery((signal) => searchBoreholes(q, cursor, signal), JSON.stringify([q, cursor]));
}

export function useSearchFields() {
  return useQuery((signal) => getSearchFields(signal), 'search-fields');
}
