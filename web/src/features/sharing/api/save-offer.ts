// POST /api/offers (publish), PUT /api/offers/{id} (new terms), DELETE /api/offers/{id} (withdraw,
// kept on record). Only the custodian's curators, the core's owner or an administrator may.
import { sendJson } from '../../../lib/api-client.js';
import type { Audience, FeeKind, SharingMode } from '../utils/sharing-rules.js';
import type { Offer } from './get-offers.js';

export interface OfferTerms {
  depth_from?: number | null;
  depth_to?: number | null;
  dataset?: string | null;
  modes: SharingMode[];
  audience: Audience;
  organisations?: string[];
  fee_kind: FeeKind;
  fee_amount?: number | null;
  conditions_zh?: string | null;
  conditions_en?: string | null;
}

export type NewOffer = OfferTerms &
  ({ scope: 'borehole'; borehole: string } | { scope: 'collection'; custodian: string });

export function createOffer(input: NewOffer): Promise<Offer> {
  return sendJson<Offer>('POST', '/offers', input);
}

export function updateOffer(id: string, terms: OfferTerms): Promise<Offer> {
  return sendJson<Offer>('PUT', `/offers/${encodeURIComponent(id)}`, terms);
}

export function withdrawOffer(id: string): Promise<Offer> {
  return sendJson<Offer>('DELETE', `/offers/${encodeURIComponent(id)}`);
}
