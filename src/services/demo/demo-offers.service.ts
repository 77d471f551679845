// What the demo's holders offer, so the demo's `mode:` facet, borehole pages and request flows have
// something to show: the national centre and provincial repositories open their public collections
// for public-welfare sharing and loans, entrusted custodians for cooperative research, and some owners
// of Class Ⅲ core offer it for trade or lease. Made through the offer service as the system, audited.
import type { Store } from '../../store/store.js';
import { systemActor } from '../../domain/accounts/access.js';
import { createOffer } from '../sharing/offer.service.js';

/** Owners' own offers: enough to find in the demo, few enough to stay quick at national scale. */
const OWNER_OFFERS = 60;

export async function addDemoOffers(store: Store): Promise<number> {
  const caller = { actor: systemActor('demo'), ip: null };
  const custodians = await store.db
    .selectFrom('custodian')
    .select(['code', 'level'])
    .orderBy('code')
    .execute();
  let made = 0;
  for (const c of custodians) {
    if (c.level === 'national' || c.level === 'provincial') {
      await createOffer(store, caller, {
        scope: 'collection',
        custodian: c.code,
        modes: ['public_welfare', 'public_loan', 'cooperative'],
        audience: c.level === 'national' ? 'researchers' : 'everyone',
        fee_kind: 'cost_price',
        conditions_zh: '成果须按约定汇交并注明岩芯编号与馆藏机构',
        conditions_en: 'Results are returned as agreed, citing the core ids and the custodian',
      });
      made++;
    } else if (c.level === 'entrusted') {
      await createOffer(store, caller, {
        scope: 'collection',
        custodian: c.code,
        modes: ['cooperative'],
        audience: 'researchers',
        fee_kind: 'per_agreement',
      });
      made++;
    }
  }
  const owned = await store.db
    .selectFrom('borehole')
    .select('public_id')
    .where('core_class', '=', 'III')
    .where('depositor_id', 'is not', null)
    .where('custodian_id', 'is not', null)
    .where('ownership_dispute', '=', 0)
    .where('funding_source', 'in', ['self_funded', 'enterprise', 'private'])
    .orderBy('public_id')
    .limit(OWNER_OFFERS)
    .execute();
  for (const [i, hole] of owned.entries()) {
    await createOffer(store, caller, {
      scope: 'borehole',
      borehole: hole.public_id,
      modes: i % 2 === 0 ? ['trade', 'lease'] : ['lease'],
      audience: 'everyone',
      fee_kind: 'per_agreement',
    });
    made++;
  }
  return made;
}
