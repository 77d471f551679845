import { describe, expect, it } from 'vitest';
import { policyBody, policyText } from '../../web/src/features/sharing/utils/policy-form.js';
import { DEFAULT_SAMPLING_POLICY } from '../../src/domain/sharing/sampling-policy.js';
import { DEFAULT_EMBARGO_POLICY } from '../../src/domain/sharing/embargo.js';

describe('the custodian policy form', () => {
  it('shows the defaults readably and sends numbers back', () => {
    const text = policyText({ sampling: DEFAULT_SAMPLING_POLICY, embargo: DEFAULT_EMBARGO_POLICY });
    expect(text['sampling.min_remaining_fraction']).toBe('0.3333');
    expect(text['sampling.min_spacing_m']).toBe('0.3048');
    expect(text['embargo.raw']).toBe('24');
    expect(policyBody({ ...text, 'sampling.max_samples_per_visit': ' 50 ' })).toMatchObject({
      sampling: { max_samples_per_visit: 50, min_spacing_m: 0.3048 },
      embargo: { raw: 24, interpretation: 60, report: 60 },
    });
  });

  it('leaves what is not a number as typed, for the server to name', () => {
    const text = policyText({ sampling: DEFAULT_SAMPLING_POLICY, embargo: DEFAULT_EMBARGO_POLICY });
    expect(policyBody({ ...text, 'embargo.raw': 'two years' }).embargo.raw).toBe('two years');
  });
});
