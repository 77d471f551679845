// Who may do what in the sharing pages, read from the session's memberships (the server decides
// again on every call; this only chooses which links and forms to show), and which offers cover a
// borehole, as the server chooses them when a request is made.
import type { Account } from '../../account/api/get-me.js';
import type { Offer } from '../api/get-offers.js';
import { REQUEST_STATES, SHARING_MODES, type RequestState, type SharingMode } from './sharing-rules.js';

const hasRole = (account: Account | null, roles: readonly string[]) =>
  account?.memberships.some((m) => roles.includes(m.role)) ?? false;

/** Curators, owners and administrators have requests waiting on them: they get an inbox. */
export const hasInbox = (account: Account | null): boolean =>
  hasRole(account, ['curator', 'owner', 'administrator']);

/** Administrators decide permits (行政许可). */
export const decidesPermits = (account: Account | null): boolean => hasRole(account, ['administrator']);

/** Curators state their custodian's offers, owners their own core's, administrators oversee them. */
export const managesOffers = (account: Account | null): boolean =>
  hasRole(account, ['curator', 'owner', 'administrator']);

/** The custodians the account curates, by code, each once. */
export function curatedCustodians(account: Account | null): string[] {
  const codes = (account?.memberships ?? [])
    .filter((m) => m.role === 'curator' && m.custodian_code)
    .map((m) => m.custodian_code!);
  return [...new Set(codes)];
}

export interface HoleCoverage {
  id: string;
  dataset: string | null;
  core_class: string | null;
  /** The depositor (汇交人) on record, if any: their Class Ⅲ core is theirs to offer, not the custodian's. */
  depositor: { code: string } | null;
}

/**
 * The live offers that cover a borehole: its own, and its custodian's collection offers whose
 * dataset (if named) is the hole's, except for a depositor's Class Ⅲ core (principle 2: the owner
 * decides). Mirrors chooseOffer in src/services/sharing/request.service.ts.
 */
export function offersCovering(
  hole: HoleCoverage,
  own: readonly Offer[],
  custodian: readonly Offer[],
): Offer[] {
  const ownersCore = hole.core_class === 'III' && hole.depositor !== null;
  const collection = custodian.filter(
    (o) => o.scope === 'collection' && (!o.dataset || o.dataset === hole.dataset) && !ownersCore,
  );
  const mine = own.filter((o) => o.scope === 'borehole' && o.borehole_id === hole.id);
  const seen = new Set<string>();
  return [...mine, ...collection].filter((o) => !o.withdrawn_at && !seen.has(o.id) && seen.add(o.id));
}

/** Every mode the offers open (an offer to nobody opens none), in the table's order. */
export function offeredModes(offers: readonly Offer[]): SharingMode[] {
  const open = offers.filter((o) => o.audience !== 'nobody' && !o.withdrawn_at);
  return SHARING_MODES.filter((mode) => open.some((o) => o.modes.includes(mode)));
}

/** The `?state=` of a requests list, if it names a state. */
export function stateFromSearch(search: string): RequestState | null {
  const state = new URLSearchParams(search).get('state');
  return state && (REQUEST_STATES as readonly string[]).includes(state) ? (state as RequestState) : null;
}

/** The states an inbox is usually filtered by: those waiting on someone, then the settled ones. */
export const FILTER_STATES: readonly RequestState[] = [
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
];

export function requestsHref(box: 'mine' | 'inbox', state: RequestState | null): string {
  const path = box === 'inbox' ? '/requests/inbox' : '/requests';
  return state ? `${path}?state=${state}` : path;
}
