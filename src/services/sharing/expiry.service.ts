// Requests nobody moves on expire: a draft or a waiting step left untouched for 90 days ends with a
// reason, through the same transition (and audit) as any other step.
import type { Store } from '../../store/store.js';
import { systemActor } from '../../domain/accounts/access.js';
import { transitionRequest } from './request-transition.service.js';

export const STALE_DAYS = 90;
const WAITING = ['draft', 'submitted', 'custodian_review', 'owner_consent', 'permit', 'agreement'];

/** Expires every request idle at a step before fulfilment for `days`; returns how many. */
export async function expireStaleRequests(
  store: Store,
  days = STALE_DAYS,
  now = new Date(),
): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const stale = await store.db
    .selectFrom('sharing_request')
    .select('public_id')
    .where('state', 'in', WAITING)
    .where('updated_at', '<', before)
    .orderBy('id')
    .execute();
  const caller = { actor: systemActor('expiry'), ip: null };
  for (const r of stale)
    await transitionRequest(store, caller, r.public_id, {
      action: 'expire',
      reason: `no step for ${days} days (超过 ${days} 天无进展)`,
    });
  return stale.length;
}
