// The few sharing rules the forms apply before asking the server (which checks them all again).
// Copied, because the web app may not import server code: keep in step with
// src/domain/sharing-modes.ts (SHARING_MODES), src/domain/sharing/eligibility.ts (PURPOSES,
// FEE_KINDS, FEE_KINDS_BY_MODE, AUDIENCES), src/domain/sharing/request-kinds.ts (MODES_FOR_KIND)
// and src/domain/sharing/request-vocabulary.ts (REQUEST_KINDS, REQUEST_STATES).
// test/web/sharing-helpers.test.ts compares them with the server's.

export const SHARING_MODES = [
  'public_welfare',
  'public_loan',
  'cooperative',
  'trade',
  'lease',
  'permit',
] as const;
export type SharingMode = (typeof SHARING_MODES)[number];

export const REQUEST_KINDS = [
  'viewing',
  'sampling',
  'loan',
  'data_access',
  'cooperation',
  'trade',
  'lease',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const PURPOSES = ['research', 'education', 'popular_science', 'exploration', 'commercial'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const FEE_KINDS = [
  'none',
  'cost_price',
  'occupancy',
  'rent',
  'market_price',
  'per_agreement',
  'per_permit',
] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export const AUDIENCES = ['everyone', 'researchers', 'organisations', 'nobody'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const REQUEST_STATES = [
  'draft',
  'submitted',
  'custodian_review',
  'owner_consent',
  'permit',
  'agreement',
  'fulfilled',
  'returned',
  'results_returned',
  'closed',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** The fees each mode may charge; waiving the fee ('none') is always the holder's right. */
export const FEE_KINDS_BY_MODE: Readonly<Record<SharingMode, readonly FeeKind[]>> = {
  public_welfare: ['none', 'cost_price'],
  public_loan: ['none', 'cost_price'],
  cooperative: ['none', 'cost_price', 'per_agreement'],
  trade: ['none', 'market_price', 'per_agreement'],
  lease: ['none', 'occupancy', 'rent', 'per_agreement'],
  permit: ['none', 'cost_price', 'per_permit'],
};

/** The modes each kind of request is made under. */
export const MODES_FOR_KIND: Readonly<Record<RequestKind, readonly SharingMode[]>> = {
  viewing: ['public_welfare', 'public_loan', 'cooperative', 'trade', 'lease', 'permit'],
  sampling: ['public_welfare', 'cooperative', 'trade', 'permit'],
  loan: ['public_loan', 'permit'],
  data_access: ['public_welfare', 'cooperative', 'trade', 'permit'],
  cooperation: ['cooperative'],
  trade: ['trade'],
  lease: ['lease'],
};

/** Loans and leases come back: fulfilling one needs a due date (src/domain/sharing/request-workflow.ts). */
export const RETURNABLE_KINDS: readonly string[] = ['loan', 'lease'];

export const isSharingMode = (value: string): value is SharingMode =>
  (SHARING_MODES as readonly string[]).includes(value);

/** The fee kinds every chosen mode allows, in FEE_KINDS order; all of them while none is chosen. */
export function feeKindsFor(modes: readonly SharingMode[]): FeeKind[] {
  return FEE_KINDS.filter((fee) => modes.every((mode) => FEE_KINDS_BY_MODE[mode].includes(fee)));
}

/** The kinds of request at least one of the offered modes serves. */
export function kindsFor(offered: readonly SharingMode[]): RequestKind[] {
  return REQUEST_KINDS.filter((kind) => MODES_FOR_KIND[kind].some((mode) => offered.includes(mode)));
}

/** The offered modes a kind of request can be made under, in SHARING_MODES order. */
export function modesFor(kind: RequestKind, offered: readonly SharingMode[]): SharingMode[] {
  return SHARING_MODES.filter((mode) => offered.includes(mode) && MODES_FOR_KIND[kind].includes(mode));
}
