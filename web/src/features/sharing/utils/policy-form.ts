// The policy form's fields as text, and back: the server checks every limit and names the bad ones.
import type { SamplingPolicy } from '../../../../../src/domain/sharing/sampling-policy.js';
import type { EmbargoPolicy } from '../../../../../src/domain/sharing/embargo.js';

export const POLICY_FIELDS = [
  'sampling.min_remaining_fraction',
  'sampling.max_samples_per_visit',
  'sampling.max_pending_results_per_institution',
  'sampling.min_spacing_m',
  'sampling.results_due_months',
  'embargo.raw',
  'embargo.interpretation',
  'embargo.report',
] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

export function policyText(policy: {
  sampling: SamplingPolicy;
  embargo: EmbargoPolicy;
}): Record<PolicyField, string> {
  const out = {} as Record<PolicyField, string>;
  for (const field of POLICY_FIELDS) {
    const [group, key] = field.split('.') as ['sampling' | 'embargo', string];
    const value = (policy[group] as unknown as Record<string, number>)[key]!;
    // A third shown as 0.333, not 0.3333333333333333.
    out[field] = String(Number.isInteger(value) ? value : Number(value.toFixed(4)));
  }
  return out;
}

/** The typed texts as the body of PUT …/policy; a blank or non-number stays as written for the server to name. */
export function policyBody(text: Record<PolicyField, string>): {
  sampling: Record<string, unknown>;
  embargo: Record<string, unknown>;
} {
  const body = { sampling: {} as Record<string, unknown>, embargo: {} as Record<string, unknown> };
  for (const field of POLICY_FIELDS) {
    const [group, key] = field.split('.') as ['sampling' | 'embargo', string];
    const raw = text[field].trim();
    const n = Number(raw);
    body[group][key] = raw !== '' && Number.isFinite(n) ? n : raw;
  }
  return body;
}
