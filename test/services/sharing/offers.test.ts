// Offers on both engines: who may publish what, the mode and fee rules, and the bits search reads.
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import {
  createOffer,
  listOffers,
  updateOffer,
  withdrawOffer,
} from '../../../src/services/sharing/offer.service.js';
import { updateSearchIndex } from '../../../src/services/search/search-indexer.service.js';
import { modesOfMask } from '../../../src/domain/sharing/offer-rules.js';
import type { Caller } from '../../../src/services/audit.service.js';
import { eachEngine } from '../../support/engines.js';
import { boreholeRow, custodianRow } from '../../support/factories.js';
import { refusal, sharingWorld } from '../../support/sharing-world.js';

eachEngine('sharing offers', ({ fresh }) => {
  let store: Store;
  let curator: Caller;
  let owner: Caller;
  let researcher: Caller;
  let hole: (id: string) => string;
  const offered = async (holeId: string) =>
    modesOfMask(
      (
        await store.db
          .selectFrom('borehole')
          .select('offered_modes')
          .where('hole_id', '=', holeId)
          .executeTakeFirstOrThrow()
      ).offered_modes,
    );

  beforeAll(async () => {
    store = await fresh();
    const world = await sharingWorld(store);
    curator = world.curator;
    owner = world.owner;
    researcher = world.researcher;
    hole = world.hole;
  });

  it('lets a curator open the collection, which reaches every hole but the owner’s Class III one', async () => {
    const offer = await createOffer(store, curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['public_welfare', 'public_loan'],
      audience: 'researchers',
      fee_kind: 'cost_price',
      fee_amount: 200,
      conditions_zh: '须注明岩芯来源',
    });
    expect(offer).toMatchObject({
      scope: 'collection',
      custodian_code: 'XZ',
      modes: ['public_welfare', 'public_loan'],
      fee_amount: 200,
    });
    expect(await offered('ZK0001')).toEqual(['public_welfare', 'public_loan']);
    expect(await offered('QY-1')).toEqual([]);
    expect((await listOffers(store, { custodian: 'XZ', limit: 10 })).items.map((o) => o.id)).toEqual([
      offer.id,
    ]);

    await withdrawOffer(store, curator, offer.id);
    expect(await offered('ZK0001')).toEqual([]);
    expect((await listOffers(store, { custodian: 'XZ', limit: 10 })).items).toEqual([]);
    expect(
      (await listOffers(store, { custodian: 'XZ', include_withdrawn: true, limit: 10 })).items,
    ).toHaveLength(1);
  });

  it('leaves Class III core to its owner (principle 2), in both languages', async () => {
    const byCurator = await refusal(
      createOffer(store, curator, {
        scope: 'borehole',
        borehole: hole('QY-1'),
        modes: ['trade'],
        audience: 'everyone',
        fee_kind: 'market_price',
      }),
    );
    expect(byCurator.status).toBe(403);
    expect(byCurator.problems[0]!.message_zh).toContain('所有者自主决定');
    const mine = await createOffer(store, owner, {
      scope: 'borehole',
      borehole: hole('QY-1'),
      depth_from: 100,
      depth_to: 150.5,
      modes: ['trade', 'lease'],
      audience: 'organisations',
      organisations: ['UNI'],
      fee_kind: 'per_agreement',
    });
    expect(mine).toMatchObject({ hole_id: 'QY-1', depth_from: 100, depth_to: 150.5, organisations: ['UNI'] });
    expect(await offered('QY-1')).toEqual(['trade', 'lease']);
    const changed = await updateOffer(store, owner, mine.id, {
      modes: ['lease'],
      audience: 'nobody',
      fee_kind: 'none',
    });
    expect(changed.audience).toBe('nobody');
    expect(await offered('QY-1')).toEqual([]);
  });

  it('refuses offers the rules forbid, naming the field, and people without the role', async () => {
    const trade = await refusal(
      createOffer(store, curator, {
        scope: 'borehole',
        borehole: hole('ZK0002'),
        modes: ['trade'],
        audience: 'everyone',
        fee_kind: 'market_price',
      }),
    );
    expect(trade.status).toBe(400);
    expect(trade.problems.map((p) => p.field)).toEqual(['modes', 'fee_kind']);
    expect(trade.problems.map((p) => p.message_zh).join(' ')).toContain('没有公共投入');
    const tooDeep = await refusal(
      createOffer(store, curator, {
        scope: 'borehole',
        borehole: hole('ZK0002'),
        depth_from: 10,
        depth_to: 900,
        modes: ['cooperative'],
        audience: 'everyone',
        fee_kind: 'none',
      }),
    );
    expect(tooDeep.problems[0]).toMatchObject({ field: 'depth_to', message: 'the borehole is 500 m deep' });
    const stranger = await refusal(
      createOffer(store, researcher, {
        scope: 'collection',
        custodian: 'XZ',
        modes: ['cooperative'],
        audience: 'everyone',
        fee_kind: 'none',
      }),
    );
    expect(stranger.status).toBe(403);
    const denied = await store.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({
      action: 'access.offer.write',
      actor: expect.stringContaining('li@uni.test'),
    });
  });

  it('opens newly imported holes under a live collection offer once the index catches up', async () => {
    await createOffer(store, curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['cooperative'],
      audience: 'everyone',
      fee_kind: 'none',
    });
    const custodian = (
      await store.db.selectFrom('custodian').select('id').where('code', '=', 'XZ').executeTakeFirstOrThrow()
    ).id;
    await store.bulk.transaction((s) =>
      s.upsert('borehole', [
        boreholeRow('ZK9999', { custodian_id: custodian, updated_at: '2027-01-01T00:00:00.000Z' }),
      ]),
    );
    expect(await offered('ZK9999')).toEqual([]);
    await updateSearchIndex(store);
    expect(await offered('ZK9999')).toEqual(['cooperative']);
  });

  it('takes a hole moved to a custodian without offers out of its old custodian’s offer', async () => {
    // After the test above: ZK9999 is XZ's, under XZ's live collection offer.
    expect(await offered('ZK9999')).toEqual(['cooperative']);
    await store.bulk.transaction(async (s) => {
      await s.upsert('custodian', [custodianRow('GZ', { province_code: '520000' })]);
      const gz = (await s.findCodes('custodian', ['GZ'])).get('GZ')!;
      await s.upsert('borehole', [
        boreholeRow('ZK9999', { custodian_id: gz, updated_at: '2027-02-01T00:00:00.000Z' }),
      ]);
    });
    await updateSearchIndex(store);
    expect(await offered('ZK9999')).toEqual([]);
    // The holes that did not change keep their bits.
    expect(await offered('ZK0001')).toEqual(expect.arrayContaining(['cooperative']));
  });
});
