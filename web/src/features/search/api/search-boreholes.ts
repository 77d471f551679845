// GET /api/search: one keyset page of the boreholes matching a query, with the total.
import { getJson } from '../../../lib/api-client.js';

export interface BoreholeSummary {
  id: string;
  hole_id: string;
  dataset: string;
  name: string;
  province_code: string | null;
  lon: number | null;
  lat: number | null;
  coordinates_coarsened: boolean;
  total_depth: number | null;
  core_class: string | null;
  commodities: string[];
  deposit_name: string | null;
  custodian_code: string | null;
}

export interface SearchResultPage {
  /** The query as the server understood it, in its canonical English form; null: everything. */
  query: string | null;
  total: number;
  items: BoreholeSummary[];
  next_cursor: string | null;
}

export const SEARCH_PAGE_SIZE = 25;

export function searchBoreholes(
  q: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<SearchResultPage> {
  return getJson<SearchResultPage>('/search', { q, limit: SEARCH_PAGE_SIZE, cursor }, signal);
}
