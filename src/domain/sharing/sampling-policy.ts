// A custodian's sampling policy, after the USGS Core Research Center's: core is finite and cannot be
// redrilled, so every cut must leave enough for the next user, and institutions that take samples
// must return results before taking many more.
import { checkIntervals, describeIntervalProblem, type DepthInterval } from '../intervals.js';
import { addMonths } from './months.js';
import { refuse, type Refusal } from './refusal.js';

export interface SamplingPolicy {
  /** Sample only while at least this fraction of the cross-section remains after the cut. */
  min_remaining_fraction: number;
  max_samples_per_visit: number;
  /** Samples an institution may hold whose results it has not yet returned. */
  max_pending_results_per_institution: number;
  /** Least distance between sample centres: one sample per foot. */
  min_spacing_m: number;
  /** Results are due this many months after the samples are handed over. */
  results_due_months: number;
}

export const DEFAULT_SAMPLING_POLICY: SamplingPolicy = {
  min_remaining_fraction: 1 / 3,
  max_samples_per_visit: 100,
  max_pending_results_per_institution: 200,
  min_spacing_m: 0.3048,
  results_due_months: 6,
};

export type PolicyField = keyof SamplingPolicy;

export interface PolicyError {
  field: PolicyField;
  message: string;
  message_zh: string;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const FIELD_RULES: Record<PolicyField, { ok: (v: unknown) => boolean; en: string; zh: string }> = {
  min_remaining_fraction: {
    ok: (v) => isNum(v) && v >= 0 && v < 1,
    en: 'a fraction from 0 up to, not including, 1',
    zh: '0 到 1 之间的比例（可为 0，不可为 1）',
  },
  max_samples_per_visit: {
    ok: (v) => isInt(v) && v >= 1,
    en: 'a whole number of at least 1',
    zh: '不小于 1 的整数',
  },
  max_pending_results_per_institution: {
    ok: (v) => isInt(v) && v >= 1,
    en: 'a whole number of at least 1',
    zh: '不小于 1 的整数',
  },
  min_spacing_m: {
    ok: (v) => isNum(v) && v >= 0,
    en: 'a distance in metres, 0 or more',
    zh: '不小于 0 的距离（米）',
  },
  results_due_months: {
    ok: (v) => isInt(v) && v >= 1,
    en: 'a whole number of months, at least 1',
    zh: '不小于 1 的整月数',
  },
};

/** One error per missing or out-of-range field; accepts raw JSON so a form can be checked as sent. */
export function validatePolicy(policy: Partial<Record<PolicyField, unknown>>): PolicyError[] {
  return (Object.keys(FIELD_RULES) as PolicyField[]).flatMap((field) => {
    const rule = FIELD_RULES[field];
    const value = policy[field];
    if (rule.ok(value)) return [];
    const got = value === undefined ? 'nothing' : JSON.stringify(value);
    const gotZh = value === undefined ? '未填写' : `填写的是 ${JSON.stringify(value)}`;
    return [
      {
        field,
        message: `${field} must be ${rule.en}; got ${got}`,
        message_zh: `${field} 须为${rule.zh}；${gotZh}`,
      },
    ];
  });
}

/** When results for samples handed over at `fulfilledAt` are due. */
export function resultsDue(fulfilledAt: Date, policy: SamplingPolicy = DEFAULT_SAMPLING_POLICY): Date {
  return addMonths(fulfilledAt, policy.results_due_months);
}

/** A cut: `fraction` is the share of the core's cross-section it takes (a quarter core: 0.25). */
export interface Cut extends DepthInterval {
  fraction: number;
}

export interface SamplingInput {
  requested: readonly Cut[];
  /** Samples already cut from this hole, as the custodian recorded them. */
  existing: readonly Cut[];
  /** Samples the requesting institution holds whose results are still due. */
  pending_results_of_institution: number;
}

export const SAMPLING_RULES = [
  'sample_invalid',
  'too_many_samples',
  'too_many_pending_results',
  'too_little_remaining',
  'samples_too_close',
] as const;
export type SamplingRule = (typeof SAMPLING_RULES)[number];

// Depths and fractions come from forms and floating-point sums: 1 − 2/3 must still equal 1/3.
const EPS = 1e-9;

const m = (v: number) => v.toFixed(2);
const at = (c: DepthInterval) => `${m(c.depth_from)}–${m(c.depth_to)}`;
const centre = (c: DepthInterval) => (c.depth_from + c.depth_to) / 2;
const overlaps = (a: DepthInterval, b: DepthInterval) =>
  checkIntervals([a, b], null, true, EPS).some((p) => p.kind === 'overlap');

/** The largest share of the cross-section already taken at any depth within `iv`. */
function maxTaken(iv: DepthInterval, cuts: readonly Cut[]): number {
  const steps = cuts
    .filter((c) => overlaps(c, iv))
    .flatMap((c) => [
      { depth: Math.max(c.depth_from, iv.depth_from), delta: c.fraction },
      { depth: Math.min(c.depth_to, iv.depth_to), delta: -c.fraction },
    ])
    // A cut ending where another starts does not stack with it.
    .sort((a, b) => a.depth - b.depth || a.delta - b.delta);
  let taken = 0;
  let max = 0;
  for (const step of steps) {
    taken += step.delta;
    max = Math.max(max, taken);
  }
  return max;
}

function invalidCut(c: Cut, index: number): Refusal<'sample_invalid'> | null {
  const [problem] = checkIntervals([c], null, false);
  const fractionOk = Number.isFinite(c.fraction) && c.fraction > 0 && c.fraction <= 1;
  if (!problem && fractionOk) return null;
  const why = problem
    ? describeIntervalProblem(problem)
    : 'the fraction taken must be more than 0 and at most 1';
  const whyZh = problem ? '深度区间无效（起始深度须不小于 0 且小于终止深度）' : '取样比例须大于 0 且不超过 1';
  return refuse(
    'sample_invalid',
    `sample ${index + 1} (${at(c)} m): ${why}`,
    `第 ${index + 1} 个样品（${at(c)} 米）：${whyZh}`,
    {
      index,
    },
  );
}

/** One refusal per cut whose interval or fraction makes no sense. */
export function checkCuts(cuts: readonly Cut[]): Refusal<'sample_invalid'>[] {
  return cuts.map(invalidCut).filter((r) => r != null);
}

function limitRefusals(policy: SamplingPolicy, input: SamplingInput): Refusal<SamplingRule>[] {
  const out: Refusal<SamplingRule>[] = [];
  const n = input.requested.length;
  if (n > policy.max_samples_per_visit) {
    out.push(
      refuse(
        'too_many_samples',
        `${n} samples requested; the policy allows at most ${policy.max_samples_per_visit} per visit`,
        `申请取样 ${n} 个；政策规定每次最多 ${policy.max_samples_per_visit} 个`,
        { requested: n, limit: policy.max_samples_per_visit },
      ),
    );
  }
  const pending = input.pending_results_of_institution;
  if (pending + n > policy.max_pending_results_per_institution) {
    out.push(
      refuse(
        'too_many_pending_results',
        `the institution still owes results for ${pending} samples; ${n} more would pass the policy's limit of ${policy.max_pending_results_per_institution}`,
        `该单位尚有 ${pending} 个样品的成果未返还；再取 ${n} 个将超过政策上限 ${policy.max_pending_results_per_institution} 个`,
        { pending, requested: n, limit: policy.max_pending_results_per_institution },
      ),
    );
  }
  return out;
}

function remainingRefusal(
  policy: SamplingPolicy,
  cut: Cut,
  before: readonly Cut[],
): Refusal<SamplingRule> | null {
  const left = 1 - maxTaken(cut, before) - cut.fraction;
  if (left >= policy.min_remaining_fraction - EPS) return null;
  const keep = policy.min_remaining_fraction;
  return refuse(
    'too_little_remaining',
    `sample at ${at(cut)} m would leave ${m(Math.max(left, 0))} of the cross-section; the policy keeps at least ${m(keep)}`,
    `${at(cut)} 米处取样后仅剩 ${m(Math.max(left, 0))} 截面；政策要求至少保留 ${m(keep)}`,
    { depth_from: cut.depth_from, depth_to: cut.depth_to, left, min: keep },
  );
}

function spacingRefusal(
  policy: SamplingPolicy,
  a: Cut,
  b: Cut,
  bExists: boolean,
): Refusal<SamplingRule> | null {
  const gap = Math.abs(centre(a) - centre(b));
  if (gap >= policy.min_spacing_m - EPS) return null;
  const other = bExists ? `an existing sample at ${at(b)} m` : `the requested sample at ${at(b)} m`;
  const otherZh = bExists ? `已有样品（${at(b)} 米）` : `另一申请样品（${at(b)} 米）`;
  return refuse(
    'samples_too_close',
    `sample at ${at(a)} m is ${m(gap)} m from ${other}; the policy allows one sample per ${m(policy.min_spacing_m)} m`,
    `${at(a)} 米处样品与${otherZh}中心相距 ${m(gap)} 米；政策规定每 ${m(policy.min_spacing_m)} 米最多取一个样品`,
    { depth_from: a.depth_from, depth_to: a.depth_to, gap, min: policy.min_spacing_m },
  );
}

/**
 * Every limit the requested cuts hit, with the figures. Cuts in one request stack on each other as
 * well as on existing ones; spacing is measured between sample centres.
 */
export function checkSampling(policy: SamplingPolicy, input: SamplingInput): Refusal<SamplingRule>[] {
  const valid = input.requested.filter((c, i) => invalidCut(c, i) == null);
  const out: Refusal<SamplingRule>[] = [...checkCuts(input.requested), ...limitRefusals(policy, input)];
  valid.forEach((cut, i) => {
    const remaining = remainingRefusal(policy, cut, [...input.existing, ...valid.slice(0, i)]);
    if (remaining) out.push(remaining);
    for (const other of valid.slice(i + 1)) {
      const r = spacingRefusal(policy, cut, other, false);
      if (r) out.push(r);
    }
    for (const other of input.existing) {
      const r = spacingRefusal(policy, cut, other, true);
      if (r) out.push(r);
    }
  });
  return out;
}
