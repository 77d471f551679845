// GET /api/offers: live offers on a borehole (its own) or of a custodian (collection and borehole
// offers alike). Public: anyone may see what is open, to whom and on what terms.
import { getJson } from '../../../lib/api-client.js';
import type { Audience, FeeKind, SharingMode } from '../utils/sharing-rules.js';

export interface Offer {
  id: string;
  custodian_code: string;
  scope: 'borehole' | 'collection';
  borehole_id: string | null;
  hole_id: string | null;
  depth_from: number | null;
  depth_to: number | null;
  dataset: string | null;
  modes: SharingMode[];
  audience: Audience;
  organisations: string[];
  fee_kind: FeeKind;
  fee_amount: number | null;
  conditions_zh: string | null;
  conditions_en: string | null;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
}

export interface OfferFilter {
  custodian?: string;
  borehole?: string;
  include_withdrawn?: boolean;
}

// The server pages by 100 at most 500; a custodian with more live offers than this is not expected.
const LIMIT = 500;

export async function getOffers(filter: OfferFilter, signal?: AbortSignal): Promise<Offer[]> {
  const answer = await getJson<{ items: Offer[]; next_cursor: string | null }>(
    '/offers',
    {
      custodian: filter.custodian,
      borehole: filter.borehole,
      include_withdrawn: filter.include_withdrawn ? 'true' : undefined,
      limit: LIMIT,
    },
    signal,
  );
  return answer.items;
}
