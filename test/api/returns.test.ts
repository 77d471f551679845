// Returning results over HTTP: the file is the body, judged by its bytes; oversize and wrong-type
// uploads are refused with problem details and change nothing; the file comes back byte for byte.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import type { Store } from '../../src/store/store.js';
import { createOffer } from '../../src/services/sharing/offer.service.js';
import { createRequest } from '../../src/services/sharing/request.service.js';
import { transitionRequest } from '../../src/services/sharing/request-transition.service.js';
import { createApiToken } from '../../src/services/accounts/api-token.service.js';
import type { Caller } from '../../src/services/audit.service.js';
import { publicId } from '../../src/domain/public-id.js';
import { eachEngine } from '../support/engines.js';
import { seedBoreholes } from '../support/factories.js';
import { callerWith } from '../support/accounts.js';

eachEngine('returned data over HTTP', ({ fresh }) => {
  let store: Store;
  let app: CoreShareApp;
  let token: string;
  let requestId: string;

  beforeAll(async () => {
    store = await fresh();
    await seedBoreholes(store, 1);
    const curator = await callerWith(store, 'curator@xz.test', 'curator', {
      organisation: 'XZ-ORG',
      custodian: 'XZ',
    });
    const researcher: Caller = await callerWith(store, 'li@uni.test', 'researcher', { organisation: 'UNI' });
    await createOffer(store, curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['public_welfare'],
      audience: 'everyone',
      fee_kind: 'none',
    });
    const cuts = [{ depth_from: 100, depth_to: 101, fraction: 0.25 }];
    requestId = (
      await createRequest(store, researcher, {
        borehole: publicId('borehole', 'jiama', 'ZK0001'),
        kind: 'sampling',
        mode: 'public_welfare',
        purpose: 'research',
        samples: cuts,
        title: '分析',
      })
    ).id;
    for (const [who, action] of [
      [researcher, 'submit'],
      [curator, 'start_review'],
      [curator, 'accept'],
      [researcher, 'sign'],
      [curator, 'sign'],
    ] as const)
      await transitionRequest(store, who, requestId, { action });
    await transitionRequest(store, curator, requestId, { action: 'fulfil', samples: cuts });
    token = (await createApiToken(store, researcher, { name: 'upload' })).token;
    app = await buildApp({
      store,
      config: { webDir: '/nonexistent', logLevel: 'silent', dataDir: mkdtempSync(join(tmpdir(), 'cs-ret-')) },
      logger: false,
    });
  });

  const upload = (query: string, body: Buffer | string, type: string) =>
    app.inject({
      method: 'POST',
      url: `/api/requests/${requestId}/returns?${query}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      payload: body,
    });

  it('takes a CSV assay table as the body and gives the same bytes back to a party', async () => {
    const table = `样品编号,Cu_ppm\n${requestId}-001,4520\n`;
    const res = await upload('kind=assay&title=ICP&file_name=assay.csv', table, 'text/csv; charset=utf-8');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ values: 1, file_name: 'assay.csv', under_embargo: true });
    const file = await app.inject({
      url: `/api/returns/${res.json().id}/file`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe(table);
    expect(file.headers['x-content-sha256']).toBe(res.json().sha256);
    const anonymous = await app.inject({ url: `/api/returns/${res.json().id}` });
    expect(anonymous.statusCode).toBe(401);
    const listed = await app.inject({
      url: `/api/boreholes/${publicId('borehole', 'jiama', 'ZK0001')}/returns`,
    });
    expect(listed.json().items).toHaveLength(1);
  });

  it('refuses an oversize or disguised upload with problem details, storing nothing', async () => {
    const before = (
      await app.inject({ url: `/api/boreholes/${publicId('borehole', 'jiama', 'ZK0001')}/returns` })
    ).json().items.length;
    const big = await upload('kind=images&title=big', Buffer.alloc(51 * 1024 * 1024, 0x41), 'image/png');
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const disguised = await upload(
      'kind=images&title=x',
      Buffer.from('MZ\x90\x00 this is an executable'),
      'image/png',
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().errors[0].message_zh).toContain('不符');
    const after = (
      await app.inject({ url: `/api/boreholes/${publicId('borehole', 'jiama', 'ZK0001')}/returns` })
    ).json().items.length;
    expect(after).toBe(before);
  });
});
