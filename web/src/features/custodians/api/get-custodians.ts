// GET /api/custodians and /api/custodians/{code}.
import { getJson } from '../../../lib/api-client.js';

export interface Custodian {
  code: string;
  name_zh: string | null;
  name_en: string | null;
  level: string | null;
  province_code: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  address: string | null;
  borehole_count: number | null;
  catalog_count: number | null;
}

export function getCustodians(signal?: AbortSignal): Promise<{ items: Custodian[] }> {
  return getJson<{ items: Custodian[] }>('/custodians', {}, signal);
}

export function getCustodian(code: string, signal?: AbortSignal): Promise<Custodian> {
  return getJson<Custodian>(`/custodians/${encodeURIComponent(code)}`, {}, signal);
}
