// A custodian's own sampling limits and embargo periods, checked on every request; idle requests expire.
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { getPolicy, setPolicy } from '../../../src/services/sharing/policy.service.js';
import { createOffer } from '../../../src/services/sharing/offer.service.js';
import { createRequest, getRequest } from '../../../src/services/sharing/request.service.js';
import { expireStaleRequests } from '../../../src/services/sharing/expiry.service.js';
import type { Caller } from '../../../src/services/audit.service.js';
import { AppError } from '../../../src/services/errors.js';
import { publicId } from '../../../src/domain/public-id.js';
import { eachEngine } from '../../support/engines.js';
import { seedBoreholes } from '../../support/factories.js';
import { callerWith } from '../../support/accounts.js';

eachEngine('custodian policy and expiry', ({ fresh }) => {
  let store: Store;
  let curator: Caller;
  let researcher: Caller;
  beforeAll(async () => {
    store = await fresh();
    await seedBoreholes(store, 1);
    curator = await callerWith(store, 'curator@xz.test', 'curator', {
      organisation: 'XZ-ORG',
      custodian: 'XZ',
    });
    researcher = await callerWith(store, 'li@uni.test', 'researcher', { organisation: 'UNI' });
    await createOffer(store, curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['public_welfare'],
      audience: 'everyone',
      fee_kind: 'none',
    });
  });

  const ask = (samples: number) =>
    createRequest(store, researcher, {
      borehole: publicId('borehole', 'jiama', 'ZK0001'),
      kind: 'sampling',
      mode: 'public_welfare',
      purpose: 'research',
      samples: Array.from({ length: samples }, (_, i) => ({
        depth_from: 10 + i,
        depth_to: 10.2 + i,
        fraction: 0.25,
      })),
      title: '取样',
    });

  it('uses the defaults until the custodian sets its own limits, then checks every request against them', async () => {
    expect(await getPolicy(store, 'XZ')).toMatchObject({
      configured: false,
      sampling: { max_samples_per_visit: 100 },
      embargo: { raw: 24 },
    });
    await expect(
      setPolicy(store, researcher, 'XZ', { sampling: { max_samples_per_visit: 2 }, embargo: {} }),
    ).rejects.toMatchObject({ status: 403 });
    const bad = await setPolicy(store, curator, 'XZ', {
      sampling: { min_remaining_fraction: 2 },
      embargo: { raw: -1 },
    }).catch((e: AppError) => e);
    expect((bad as AppError).problems.map((p) => p.field)).toEqual([
      'sampling.min_remaining_fraction',
      'embargo.raw',
    ]);
    const set = await setPolicy(store, curator, 'XZ', {
      sampling: { max_samples_per_visit: 2 },
      embargo: { raw: 12 },
    });
    expect(set).toMatchObject({
      configured: true,
      sampling: { max_samples_per_visit: 2, min_spacing_m: 0.3048 },
      embargo: { raw: 12, report: 60 },
    });
    const refused = (await ask(3).catch((e: AppError) => e)) as AppError;
    expect(refused.problems.map((p) => p.rule)).toContain('too_many_samples');
    expect((await ask(2)).state).toBe('draft');
  });

  it('expires requests left at a step for 90 days, with the reason on the timeline', async () => {
    const { id } = await ask(1);
    expect(await expireStaleRequests(store)).toBe(0);
    await store.db
      .updateTable('sharing_request')
      .set({ updated_at: '2026-01-01T00:00:00.000Z' })
      .where('public_id', '=', id)
      .execute();
    expect(await expireStaleRequests(store)).toBe(1);
    const expired = await getRequest(store, researcher, id);
    expect(expired.state).toBe('expired');
    expect(expired.timeline.at(-1)).toMatchObject({
      action: 'expire',
      party: 'system',
      reason: expect.stringContaining('90'),
    });
  });
});
