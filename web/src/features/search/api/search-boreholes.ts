// GET /api/search: one keyset page of the boreholes matching a query (within a map area, if one is
// given) in the order asked for, with the total and, when asked, counts per facet value.
import { getJson } from '../../../lib/api-client.js';
import type { HighlightRange } from '../utils/highlight-ranges.js';
import type { AreaParams } from '../utils/search-area.js';
import { DEFAULT_SORT, type SearchSort } from '../utils/search-sort.js';

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

/** Facet names the server counts; each is also the query-language field its values filter on. */
export type FacetName =
  | 'province'
  | 'commodity'
  | 'type'
  | 'class'
  | 'custodian'
  | 'level'
  | 'funding'
  | 'has'
  | 'mode'
  | 'depth'
  | 'decade';

export interface FacetCount {
  /** A code the query language accepts (`540000`, `Cu`), a depth band (`500-1000`) or a decade. */
  value: string;
  count: number;
}

export type FacetCounts = Partial<Record<FacetName, FacetCount[]>>;

/** A result row: the borehole and, when the query's words matched its name, where. */
export interface BoreholeHit extends BoreholeSummary {
  highlight?: { name: HighlightRange[] };
}

export interface SearchResultPage {
  /** The query as the server understood it, in its canonical English form; null: everything. */
  query: string | null;
  total: number;
  /** Catalog records (实物地质资料目录) the same search finds, listed by /api/search/catalog. */
  catalog_total: number;
  items: BoreholeHit[];
  next_cursor: string | null;
  /** Present when facets were asked for: counts over all matching boreholes, not just this page. */
  facets?: FacetCounts;
}

export const SEARCH_PAGE_SIZE = 25;

export interface SearchRequest {
  q: string;
  cursor?: string | null;
  limit?: number;
  area?: AreaParams;
  /** `distance` only with `area.near`; a cursor only continues the order it was issued in. */
  sort?: SearchSort;
  facets?: readonly FacetName[];
}

export function searchBoreholes(
  { q, cursor = null, limit = SEARCH_PAGE_SIZE, area = {}, sort = DEFAULT_SORT, facets = [] }: SearchRequest,
  signal?: AbortSignal,
): Promise<SearchResultPage> {
  return getJson<SearchResultPage>(
    '/search',
    {
      q,
      limit,
      cursor,
      ...area,
      sort: sort === DEFAULT_SORT ? null : sort,
      facets: facets.length > 0 ? facets.join(',') : null,
    },
    signal,
  );
}
