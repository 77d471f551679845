// GET /api/organisations/{code}/credit: an organisation's credit record, shown to custodians before
// they approve. Only curators, administrators and the organisation's own members may read it: for
// anyone else (403), or an organisation no longer on record (404), there is nothing to show.
import { ApiError, getJson } from '../../../lib/api-client.js';

export interface CreditRecord {
  organisation: { code: string; name_zh: string; name_en: string | null };
  score: number;
  /** Every kind of credit event, with zeros (src/domain/sharing/credit.ts). */
  by_kind: Record<string, { count: number; points: number }>;
  events: number;
}

export async function getCreditRecord(code: string, signal?: AbortSignal): Promise<CreditRecord | null> {
  try {
    return await getJson<CreditRecord>(`/organisations/${encodeURIComponent(code)}/credit`, {}, signal);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}
