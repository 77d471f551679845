// POST /api/requests: a draft, after every sharing rule that applies now was checked (a refusal is a
// 422 naming each rule in both languages); the requester then submits it.
import { sendJson } from '../../../lib/api-client.js';
import type { Purpose, RequestKind, SharingMode } from '../utils/sharing-rules.js';
import type { Cut, SharingRequest } from './get-requests.js';

export interface NewRequest {
  borehole: string;
  kind: RequestKind;
  mode: SharingMode;
  purpose: Purpose;
  international?: boolean;
  depth_from?: number | null;
  depth_to?: number | null;
  samples?: Cut[];
  title: string;
  description?: string | null;
  /** Which of the caller's organisations asks (the server picks one when omitted). */
  organisation?: string;
}

export function createRequest(input: NewRequest): Promise<SharingRequest> {
  return sendJson<SharingRequest>('POST', '/requests', input);
}
