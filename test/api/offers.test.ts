// Offers over HTTP: nulls in a body stay null (a whole hole, no amount), refusals name the field.
import { beforeAll, expect, it } from 'vitest';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { createApiToken } from '../../src/services/accounts/api-token.service.js';
import { eachEngine } from '../support/engines.js';
import { sharingWorld } from '../support/sharing-world.js';

eachEngine('offers over HTTP', ({ fresh }) => {
  let app: CoreShareApp;
  let token: string;
  let hole: (id: string) => string;
  beforeAll(async () => {
    const store = await fresh();
    const world = await sharingWorld(store);
    hole = world.hole;
    token = (await createApiToken(store, world.curator, { name: 'offers' })).token;
    app = await buildApp({ store, config: { webDir: '/nonexistent', logLevel: 'silent' }, logger: false });
  });
  const post = (payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/offers',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });

  it('keeps null depths and amounts null instead of coercing them to 0', async () => {
    const res = await post({
      scope: 'borehole',
      borehole: hole('ZK0001'),
      depth_from: null,
      depth_to: null,
      modes: ['public_welfare'],
      audience: 'everyone',
      fee_kind: 'cost_price',
      fee_amount: null,
      conditions_zh: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      depth_from: null,
      depth_to: null,
      fee_amount: null,
      conditions_zh: null,
    });
  });

  it('names the field at fault in both languages', async () => {
    const res = await post({
      scope: 'borehole',
      borehole: hole('ZK0002'),
      modes: ['trade'],
      audience: 'everyone',
      fee_kind: 'market_price',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['modes', 'fee_kind']);
    expect(res.json().errors[0].message_zh).toBeTruthy();
  });
});
