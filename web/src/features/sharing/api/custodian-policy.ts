// GET/PUT /api/custodians/{code}/policy: a custodian's sampling limits and embargo periods.
import { getJson, sendJson } from '../../../lib/api-client.js';
import type { SamplingPolicy } from '../../../../../src/domain/sharing/sampling-policy.js';
import type { EmbargoPolicy } from '../../../../../src/domain/sharing/embargo.js';

export interface CustodianPolicy {
  custodian: string;
  sampling: SamplingPolicy;
  embargo: EmbargoPolicy;
  configured: boolean;
}

export function getPolicy(code: string, signal?: AbortSignal): Promise<CustodianPolicy> {
  return getJson<CustodianPolicy>(`/custodians/${encodeURIComponent(code)}/policy`, {}, signal);
}

export function savePolicy(
  code: string,
  policy: Pick<CustodianPolicy, 'sampling' | 'embargo'>,
): Promise<CustodianPolicy> {
  return sendJson<CustodianPolicy>('PUT', `/custodians/${encodeURIComponent(code)}/policy`, policy);
}
