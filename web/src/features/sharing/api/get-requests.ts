// GET /api/requests?box=mine|inbox: the caller's own requests, or those waiting on them as curator,
// owner or administrator; newest first, paged by an opaque keyset cursor.
import { getJson } from '../../../lib/api-client.js';

export interface Cut {
  depth_from: number;
  depth_to: number;
  /** Share of the core's cross-section: 0.25 is a quarter core. */
  fraction: number;
}

export interface SharingRequest {
  id: string;
  kind: string;
  mode: string;
  purpose: string;
  international: boolean;
  state: string;
  title: string;
  description: string | null;
  borehole: { id: string; hole_id: string; name: string };
  depth_from: number | null;
  depth_to: number | null;
  custodian: { code: string; name_zh: string; name_en: string | null };
  requester: { id: string; name: string; organisation: string };
  owner_organisation: string | null;
  offer_id: string | null;
  permit_required: boolean;
  permit_reasons: string[];
  results_owed: boolean;
  samples: Cut[];
  signatures: string[];
  due_date: string | null;
  results_due: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type RequestBox = 'mine' | 'inbox';

export interface RequestPage {
  items: SharingRequest[];
  next_cursor: string | null;
}

export const REQUEST_PAGE_SIZE = 25;

export function getRequests(
  query: { box: RequestBox; state?: string | null; cursor?: string | null },
  signal?: AbortSignal,
): Promise<RequestPage> {
  return getJson<RequestPage>(
    '/requests',
    { box: query.box, state: query.state, cursor: query.cursor, limit: REQUEST_PAGE_SIZE },
    signal,
  );
}
