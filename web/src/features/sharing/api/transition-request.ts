// POST /api/requests/{id}/transitions: one step by one party. `version` is the one the page showed,
// so a step taken on a stale page is refused (409) instead of applied to a request that moved on.
import { sendJson } from '../../../lib/api-client.js';
import type { RequestDetail } from './get-request.js';
import type { Cut } from './get-requests.js';

export interface TransitionInput {
  action: string;
  as?: string;
  reason?: string;
  /** YYYY-MM-DD: when a loan or lease is due back. */
  due_date?: string;
  samples?: Cut[];
  condition?: 'intact' | 'damaged';
  version?: number;
}

export function transitionRequest(id: string, input: TransitionInput): Promise<RequestDetail> {
  return sendJson<RequestDetail>('POST', `/requests/${encodeURIComponent(id)}/transitions`, input);
}
