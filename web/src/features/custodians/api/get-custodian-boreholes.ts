// GET /api/boreholes?custodian=…: one keyset page of a custodian's boreholes.
import { getJson } from '../../../lib/api-client.js';

export interface BoreholeListItem {
  id: string;
  hole_id: string | null;
  name: string | null;
  province_code: string | null;
  lon: number | null;
  lat: number | null;
  total_depth: number | null;
  core_class: string | null;
  commodities: string[] | null;
  deposit_name: string | null;
}

export interface BoreholePage {
  items: BoreholeListItem[];
  next_cursor: string | null;
}

export const PAGE_SIZE = 50;

export function getCustodianBoreholes(
  custodian: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<BoreholePage> {
  return getJson<BoreholePage>('/boreholes', { custodian, limit: PAGE_SIZE, cursor }, signal);
}
