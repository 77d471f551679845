// GET /api/search/catalog: one keyset page of the catalog records (实物地质资料目录) the same search
// finds — the same q and map area as /api/search, so the two lists always answer one question.
import { getJson } from '../../../lib/api-client.js';
import type { AreaParams } from '../utils/search-area.js';

export interface CatalogRecordSummary {
  id: string;
  record_no: string;
  title_zh: string;
  title_en: string | null;
  material_type: string | null;
  province_code: string | null;
  year: number | null;
  quantity: number | null;
  unit: string | null;
  /** The public id of the borehole the record belongs to, when it belongs to one. */
  borehole_id: string | null;
  custodian_code: string | null;
  description: string | null;
}

export interface CatalogResultPage {
  query: string | null;
  total: number;
  items: CatalogRecordSummary[];
  next_cursor: string | null;
}

export const CATALOG_PAGE_SIZE = 25;

export interface CatalogRequest {
  q: string;
  cursor: string | null;
  area: AreaParams;
}

export function searchCatalog({ q, cursor, area }: CatalogRequest, signal?: AbortSignal) {
  return getJson<CatalogResultPage>(
    '/search/catalog',
    { q, limit: CATALOG_PAGE_SIZE, cursor, ...area },
    signal,
  );
}
