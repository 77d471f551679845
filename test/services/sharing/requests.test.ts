// Requests end to end on both engines: the rules at asking time, every step by the right party,
// refusals with their rules, and no core handed out twice when approvals race.
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { createOffer } from '../../../src/services/sharing/offer.service.js';
import {
  createRequest,
  getRequest,
  listRequests,
  type NewRequest,
} from '../../../src/services/sharing/request.service.js';
import {
  transitionRequest,
  type TransitionRequest,
} from '../../../src/services/sharing/request-transition.service.js';
import { verifyAuditChain, type Caller } from '../../../src/services/audit.service.js';
import { returnData } from '../../../src/services/sharing/return.service.js';
import { tmpdir } from 'node:os';
import { AppError } from '../../../src/services/errors.js';
import { eachEngine } from '../../support/engines.js';
import { rules, refusal, sharingWorld } from '../../support/sharing-world.js';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

eachEngine('sharing requests', ({ fresh }) => {
  let store: Store;
  let curator: Caller;
  let owner: Caller;
  let researcher: Caller;
  let researcher2: Caller;
  let colleague: Caller;
  let visitor: Caller;
  let hole: (id: string) => string;
  const step = (who: Caller, id: string, s: TransitionRequest) => transitionRequest(store, who, id, s);

  beforeAll(async () => {
    store = await fresh();
    const world = await sharingWorld(store);
    curator = world.curator;
    owner = world.owner;
    researcher = world.researcher;
    colleague = world.colleague;
    researcher2 = world.stranger;
    visitor = world.visitor;
    hole = world.hole;
    await createOffer(store, curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['public_welfare', 'public_loan', 'cooperative'],
      audience: 'researchers',
      fee_kind: 'cost_price',
    });
    await createOffer(store, owner, {
      scope: 'borehole',
      borehole: hole('QY-1'),
      modes: ['lease', 'trade'],
      audience: 'everyone',
      fee_kind: 'per_agreement',
    });
  });

  const sampling = (over: Partial<NewRequest> = {}): NewRequest => ({
    borehole: hole('ZK0001'),
    kind: 'sampling',
    mode: 'public_welfare',
    purpose: 'research',
    samples: [
      { depth_from: 100, depth_to: 100.2, fraction: 0.25 },
      { depth_from: 110, depth_to: 110.2, fraction: 0.25 },
    ],
    title: '甲玛斑岩铜矿蚀变分带研究',
    ...over,
  });

  it('walks a public-welfare sampling request from draft to closed, cutting samples with ids', async () => {
    const draft = await createRequest(store, researcher, sampling());
    expect(draft).toMatchObject({
      state: 'draft',
      permit_required: false,
      results_owed: true,
      offer_id: expect.stringMatching(/^CSO/),
    });
    const id = draft.id;
    expect((await step(researcher, id, { action: 'submit' })).state).toBe('submitted');
    expect(
      (await listRequests(store, curator, { box: 'inbox', limit: 10 })).items.map((r) => r.id),
    ).toContain(id);
    await step(curator, id, { action: 'start_review' });
    expect((await step(curator, id, { action: 'accept' })).state).toBe('agreement');
    await step(researcher, id, { action: 'sign' });
    const signed = await step(curator, id, { action: 'sign' });
    expect(signed.signatures.sort()).toEqual(['custodian', 'requester']);
    const cut = [{ depth_from: 100, depth_to: 100.2, fraction: 0.25 }];
    const fulfilled = await step(curator, id, { action: 'fulfil', samples: cut });
    expect(fulfilled.state).toBe('fulfilled');
    expect(fulfilled.results_due).not.toBeNull();
    const samples = await store.db
      .selectFrom('sample')
      .select(['sample_no', 'public_id', 'taken_for'])
      .where('taken_for', '=', id)
      .execute();
    expect(samples).toEqual([
      { sample_no: `${id}-001`, public_id: expect.stringMatching(/^CSS/), taken_for: id },
    ]);
    const early = await refusal(step(researcher, id, { action: 'return_results' }));
    expect(rules(early)).toEqual(['results_missing']);
    await returnData({ store, dataDir: tmpdir() }, researcher, {
      request: id,
      kind: 'publication',
      title: '甲玛蚀变分带',
      doi: '10.1000/jiama.2026',
    });
    await step(researcher, id, { action: 'return_results' });
    const closed = await step(curator, id, { action: 'close' });
    expect(closed.state).toBe('closed');
    expect(closed.timeline.map((t) => t.action)).toEqual([
      'create',
      'submit',
      'start_review',
      'accept',
      'sign',
      'sign',
      'fulfil',
      'return_results',
      'close',
    ]);
    expect(closed.actions).toEqual([]);
    const credit = await store.db.selectFrom('credit_event').select('kind').execute();
    expect(credit.map((c) => c.kind)).toContain('data_returned_on_time');
    const notes = await store.db.selectFrom('notification').select('title_zh').execute();
    expect(notes.length).toBeGreaterThan(3);
  });

  it('says which rules refuse a request, in both languages, and audits it', async () => {
    const trade = await refusal(
      createRequest(store, researcher, sampling({ kind: 'trade', mode: 'trade', samples: undefined })),
    );
    expect(trade.status).toBe(422);
    expect(rules(trade)).toEqual(expect.arrayContaining(['public_investment_excluded', 'mode_not_offered']));
    expect(trade.problems.every((p) => p.message_zh)).toBe(true);
    const profit = await refusal(createRequest(store, researcher, sampling({ purpose: 'commercial' })));
    expect(rules(profit)).toContain('public_welfare_non_profit');
    const loanAsSampling = await refusal(
      createRequest(store, researcher, sampling({ kind: 'loan', samples: undefined })),
    );
    expect(rules(loanAsSampling)).toContain('kind_not_in_mode');
    const tooMuch = await refusal(
      createRequest(
        store,
        researcher,
        sampling({ samples: [{ depth_from: 100.05, depth_to: 100.15, fraction: 0.6 }] }),
      ),
    );
    expect(rules(tooMuch)).toContain('too_little_remaining');
    const guest = await refusal(createRequest(store, visitor, sampling()));
    expect(guest.status).toBe(403);
    const denied = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((d) => d.action)).toEqual(
      expect.arrayContaining(['request.create', 'access.request.create']),
    );
  });

  it('refuses skipped steps, the wrong party and an organisation approving its own request', async () => {
    const { id } = await createRequest(
      store,
      colleague,
      sampling({ borehole: hole('ZK0003'), samples: [{ depth_from: 10, depth_to: 10.2, fraction: 0.25 }] }),
    );
    const early = await refusal(step(curator, id, { action: 'fulfil', samples: [] }));
    expect(early.status).toBe(409);
    expect(rules(early)).toEqual(['not_allowed_from_state']);
    expect(early.problems[0]!.message_zh).toContain('草稿');
    const wrongParty = await refusal(step(colleague, id, { action: 'accept' }));
    expect(wrongParty.status).toBe(403);
    await step(colleague, id, { action: 'submit' });
    await step(curator, id, { action: 'start_review' });
    const own = await refusal(step(curator, id, { action: 'accept' }));
    expect(rules(own)).toEqual(['self_approval']);
    const stranger = await refusal(step(researcher2, id, { action: 'withdraw', reason: 'x' }));
    expect(rules(stranger)).toEqual(['not_a_party']);
    await expect(getRequest(store, researcher2, id)).rejects.toMatchObject({ status: 404 });
    const noReason = await refusal(step(colleague, id, { action: 'withdraw' }));
    expect(rules(noReason)).toEqual(['reason_required']);
    expect((await step(colleague, id, { action: 'withdraw', reason: '课题取消' })).state).toBe('withdrawn');
  });

  it('leases Class III core with the owner’s consent and signature, then takes it back', async () => {
    const { id } = await createRequest(store, researcher, {
      borehole: hole('QY-1'),
      kind: 'lease',
      mode: 'lease',
      purpose: 'exploration',
      depth_from: 50,
      depth_to: 120,
      title: '对比研究租用岩芯',
    });
    await step(researcher, id, { action: 'submit' });
    await step(curator, id, { action: 'start_review' });
    expect((await step(curator, id, { action: 'accept' })).state).toBe('owner_consent');
    expect((await step(owner, id, { action: 'consent' })).state).toBe('agreement');
    for (const who of [researcher, curator, owner]) await step(who, id, { action: 'sign' });
    const out = await step(curator, id, { action: 'fulfil', due_date: inAMonth() });
    expect(out).toMatchObject({ state: 'fulfilled', due_date: expect.stringContaining(inAMonth()) });
    await step(researcher, id, { action: 'return_loan' });
    const back = await step(curator, id, { action: 'confirm_return', condition: 'intact' });
    expect(back.state).toBe('returned');
    expect((await step(curator, id, { action: 'close' })).state).toBe('closed');
    const allocation = await store.db
      .selectFrom('core_allocation')
      .select(['kind', 'depth_from', 'depth_to', 'released_at'])
      .where('kind', '=', 'loan')
      .execute();
    expect(allocation).toEqual([
      { kind: 'loan', depth_from: 50, depth_to: 120, released_at: expect.any(String) },
    ]);
  });

  it('never lends the same interval twice, even when two approvals race', async () => {
    const ids: string[] = [];
    for (const who of [researcher, researcher2]) {
      const { id } = await createRequest(store, who, {
        borehole: hole('ZK0002'),
        kind: 'loan',
        mode: 'public_loan',
        purpose: 'education',
        depth_from: 200,
        depth_to: 260,
        title: '教学展览借用',
      });
      await step(who, id, { action: 'submit' });
      await step(curator, id, { action: 'start_review' });
      await step(curator, id, { action: 'accept' });
      await step(who, id, { action: 'sign' });
      await step(curator, id, { action: 'sign' });
      ids.push(id);
    }
    const results = await Promise.allSettled(
      ids.map((id) => step(curator, id, { action: 'fulfil', due_date: inAMonth() })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
    expect(rules(failed.reason as AppError)).toEqual(['already_allocated']);
    const loans = await store.db
      .selectFrom('core_allocation as a')
      .innerJoin('borehole as b', 'b.id', 'a.borehole_id')
      .select('a.request_id')
      .where('b.hole_id', '=', 'ZK0002')
      .where('a.released_at', 'is', null)
      .execute();
    expect(loans).toHaveLength(1);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });
});
