// Data returned to a custodian stays confidential to its author for a while before the custodian
// publishes it (the BGS model: two years for raw data, five for interpretations), so that returning
// results never costs a researcher their first publication.
import { addMonths } from './months.js';

export const EMBARGO_KINDS = ['raw', 'interpretation', 'report'] as const;
export type EmbargoKind = (typeof EMBARGO_KINDS)[number];

/** Embargo length in months per kind of returned data. */
export type EmbargoPolicy = Readonly<Record<EmbargoKind, number>>;

/** A report is an interpretation, so it waits as long. */
export const DEFAULT_EMBARGO_POLICY: EmbargoPolicy = { raw: 24, interpretation: 60, report: 60 };

/** When data of this kind returned at `returnedAt` may be published. */
export function embargoEnds(
  kind: EmbargoKind,
  returnedAt: Date,
  policy: EmbargoPolicy = DEFAULT_EMBARGO_POLICY,
): Date {
  return addMonths(returnedAt, policy[kind]);
}

/** True while the data may not yet be published. */
export function isUnderEmbargo(
  kind: EmbargoKind,
  returnedAt: Date,
  now: Date,
  policy: EmbargoPolicy = DEFAULT_EMBARGO_POLICY,
): boolean {
  return now.getTime() < embargoEnds(kind, returnedAt, policy).getTime();
}
