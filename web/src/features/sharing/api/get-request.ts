// GET /api/requests/{id}: one request with its timeline and what the caller may do now (parties
// only; anyone else gets a 404).
import { getJson } from '../../../lib/api-client.js';
import type { SharingRequest } from './get-requests.js';

export interface TimelineEntry {
  at: string;
  actor: string;
  party: string;
  action: string;
  from_state: string;
  to_state: string;
  reason: string | null;
}

/** One step the caller may take now, as one of the parties they act as. */
export interface AvailableAction {
  party: string;
  action: string;
}

export interface RequestDetail extends SharingRequest {
  timeline: TimelineEntry[];
  actions: AvailableAction[];
}

export function getRequest(id: string, signal?: AbortSignal): Promise<RequestDetail> {
  return getJson<RequestDetail>(`/requests/${encodeURIComponent(id)}`, {}, signal);
}
