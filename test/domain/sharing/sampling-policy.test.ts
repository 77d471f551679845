import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAMPLING_POLICY,
  SAMPLING_RULES,
  checkCuts,
  checkSampling,
  resultsDue,
  validatePolicy,
  type Cut,
  type SamplingInput,
  type SamplingPolicy,
} from '../../../src/domain/sharing/sampling-policy.js';

const policy = DEFAULT_SAMPLING_POLICY;
const cut = (depth_from: number, depth_to: number, fraction = 0.25): Cut => ({
  depth_from,
  depth_to,
  fraction,
});
const input = (requested: Cut[], existing: Cut[] = [], pending = 0): SamplingInput => ({
  requested,
  existing,
  pending_results_of_institution: pending,
});
const rules = (i: SamplingInput, p: SamplingPolicy = policy) => checkSampling(p, i).map((r) => r.rule);

describe('DEFAULT_SAMPLING_POLICY', () => {
  it('follows the USGS Core Research Center', () => {
    expect(policy).toEqual({
      min_remaining_fraction: 1 / 3,
      max_samples_per_visit: 100,
      max_pending_results_per_institution: 200,
      min_spacing_m: 0.3048,
      results_due_months: 6,
    });
    expect(validatePolicy(policy)).toEqual([]);
  });
});

describe('validatePolicy', () => {
  it.each<[Partial<Record<keyof SamplingPolicy, unknown>>, string]>([
    [{ min_remaining_fraction: 1 }, 'min_remaining_fraction'],
    [{ min_remaining_fraction: -0.1 }, 'min_remaining_fraction'],
    [{ min_remaining_fraction: '1/3' }, 'min_remaining_fraction'],
    [{ max_samples_per_visit: 0 }, 'max_samples_per_visit'],
    [{ max_samples_per_visit: 2.5 }, 'max_samples_per_visit'],
    [{ max_pending_results_per_institution: null }, 'max_pending_results_per_institution'],
    [{ min_spacing_m: -1 }, 'min_spacing_m'],
    [{ min_spacing_m: Number.NaN }, 'min_spacing_m'],
    [{ results_due_months: 0 }, 'results_due_months'],
  ])('%o is refused for %s', (change, field) => {
    const errors = validatePolicy({ ...policy, ...change });
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0]!.message).toContain(field);
    expect(errors[0]!.message_zh).toMatch(/\p{Script=Han}/u);
  });

  it('names every missing field', () => {
    expect(validatePolicy({}).map((e) => e.field)).toEqual(Object.keys(policy));
    expect(validatePolicy({}).at(-1)?.message).toBe(
      'results_due_months must be a whole number of months, at least 1; got nothing',
    );
  });

  it('accepts a zero spacing and a zero remaining fraction (a custodian may waive them)', () => {
    expect(validatePolicy({ ...policy, min_spacing_m: 0, min_remaining_fraction: 0 })).toEqual([]);
  });
});

describe('checkSampling', () => {
  it.each<[string, SamplingInput, string[]]>([
    ['two quarter cuts a metre apart', input([cut(10, 10.2), cut(11, 11.2)]), []],
    [
      'a sixth from a halved interval leaves exactly a third',
      input([cut(120.4, 120.6, 1 / 6)], [cut(100, 140, 0.5)]),
      [],
    ],
    [
      'a quarter from a halved interval',
      input([cut(120.4, 120.6)], [cut(100, 140, 0.5)]),
      ['too_little_remaining'],
    ],
    ['a cut taking everything', input([cut(5, 5.1, 1)]), ['too_little_remaining']],
    [
      'overlapping requested cuts stack',
      input([cut(10, 12, 0.4), cut(11.5, 13.5, 0.4)]),
      ['too_little_remaining'],
    ],
    ['touching cuts do not stack', input([cut(10, 11, 0.6), cut(11, 12, 0.6)]), []],
    [
      'existing cuts outside the interval do not count',
      input([cut(50, 51, 0.6)], [cut(40, 49.5, 0.6), cut(51, 52, 0.6)]),
      [],
    ],
    ['two requested cuts 0.2 m apart', input([cut(50, 50.1), cut(50.2, 50.3)]), ['samples_too_close']],
    [
      'a requested cut near an existing one',
      input([cut(50, 50.1)], [cut(50.2, 50.3, 0.1)]),
      ['samples_too_close'],
    ],
    ['cuts exactly a foot apart', input([cut(50, 50.1), cut(50.3048, 50.4048)]), []],
    ['101 samples', input(Array.from({ length: 101 }, (_, i) => cut(i, i + 0.1))), ['too_many_samples']],
    [
      '150 pending plus 60',
      input(
        Array.from({ length: 60 }, (_, i) => cut(i, i + 0.1)),
        [],
        150,
      ),
      ['too_many_pending_results'],
    ],
    ['200 pending plus none', input([], [], 200), []],
    ['a reversed interval', input([cut(5, 4)]), ['sample_invalid']],
    ['a zero fraction', input([cut(5, 6, 0)]), ['sample_invalid']],
    ['invalid cuts are not checked further', input([cut(5, 6, 1.5), cut(5, 6)]), ['sample_invalid']],
  ])('%s', (_, i, expected) => {
    const refusals = checkSampling(policy, i);
    expect(refusals.map((r) => r.rule)).toEqual(expected);
    for (const r of refusals) {
      expect(SAMPLING_RULES).toContain(r.rule);
      expect(r.message_zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names the limit hit with its figures, in both languages', () => {
    const [r] = checkSampling(policy, input([cut(120.4, 120.6)], [cut(100, 140, 0.5)]));
    expect(r?.message).toBe(
      'sample at 120.40–120.60 m would leave 0.25 of the cross-section; the policy keeps at least 0.33',
    );
    expect(r?.message_zh).toBe('120.40–120.60 米处取样后仅剩 0.25 截面；政策要求至少保留 0.33');
    expect(r?.details).toMatchObject({ depth_from: 120.4, depth_to: 120.6, left: 0.25 });

    const [close] = checkSampling(policy, input([cut(50, 50.1)], [cut(50.2, 50.3, 0.1)]));
    expect(close?.message).toBe(
      'sample at 50.00–50.10 m is 0.20 m from an existing sample at 50.20–50.30 m; the policy allows one sample per 0.30 m',
    );

    const [pending] = checkSampling(policy, input([cut(1, 1.1)], [], 200));
    expect(pending?.message).toBe(
      "the institution still owes results for 200 samples; 1 more would pass the policy's limit of 200",
    );
  });

  it('follows the custodian’s own limits', () => {
    const strict = { ...policy, min_remaining_fraction: 0.5, min_spacing_m: 1 };
    expect(rules(input([cut(10, 10.2, 0.6)]), strict)).toEqual(['too_little_remaining']);
    expect(rules(input([cut(10, 10.2), cut(10.8, 11)]), strict)).toEqual(['samples_too_close']);
  });
});

describe('checkCuts', () => {
  it('numbers the bad cuts from 1, as people count lines', () => {
    const [r] = checkCuts([cut(1, 2), cut(-1, 2)]);
    expect(r).toMatchObject({ rule: 'sample_invalid', details: { index: 1 } });
    expect(r?.message).toBe('sample 2 (-1.00–2.00 m): depth "from" is negative');
  });
});

describe('resultsDue', () => {
  it('is six calendar months later, clamped to the month end', () => {
    expect(resultsDue(new Date('2024-03-15T00:00:00Z'))).toEqual(new Date('2024-09-15T00:00:00Z'));
    expect(resultsDue(new Date('2023-08-31T10:00:00Z'))).toEqual(new Date('2024-02-29T10:00:00Z'));
    expect(resultsDue(new Date('2024-08-31T00:00:00Z'), { ...policy, results_due_months: 18 })).toEqual(
      new Date('2026-02-28T00:00:00Z'),
    );
  });
});
