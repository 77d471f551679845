// Agreements over HTTP: read as JSON by a request's parties, signed through the request's
// transitions, downloaded as a PDF, and a clear 503 when the CJK font is missing.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { openStore, type Store } from '../../src/store/store.js';
import { DEFAULT_CJK_FONT } from '../../src/config.js';
import { createApiToken } from '../../src/services/accounts/api-token.service.js';
import { createOffer } from '../../src/services/sharing/offer.service.js';
import { publicId } from '../../src/domain/public-id.js';
import { seedBoreholes } from '../support/factories.js';
import { callerWith } from '../support/accounts.js';

describe('agreements over HTTP', () => {
  let store: Store;
  let app: CoreShareApp;
  let withoutFont: CoreShareApp;
  const bearer = new Map<string, string>();

  beforeAll(async () => {
    store = openStore({ engine: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'cs-agr-')), 'a.sqlite') });
    await store.migrate();
    await seedBoreholes(store, 1);
    const callers = {
      researcher: await callerWith(store, 'li@uni.test', 'researcher', { organisation: 'UNI' }),
      curator: await callerWith(store, 'curator@xz.test', 'curator', {
        organisation: 'XZ-ORG',
        custodian: 'XZ',
      }),
      stranger: await callerWith(store, 'wang@inst.test', 'researcher', { organisation: 'INST' }),
    };
    for (const [who, caller] of Object.entries(callers))
      bearer.set(who, `Bearer ${(await createApiToken(store, caller, { name: 'test' })).token}`);
    await createOffer(store, callers.curator, {
      scope: 'collection',
      custodian: 'XZ',
      modes: ['cooperative'],
      audience: 'researchers',
      fee_kind: 'cost_price',
      fee_amount: 30,
    });
    const config = { webDir: '/nonexistent', logLevel: 'silent' as const };
    app = await buildApp({ store, config, logger: false });
    withoutFont = await buildApp({
      store,
      config: { ...config, cjkFont: '/nonexistent/cjk.ttc' },
      logger: false,
    });
  });
  afterAll(async () => {
    await app?.close();
    await withoutFont?.close();
    await store?.close();
  });

  const as = (who: string) => ({ authorization: bearer.get(who)! });
  const step = (who: string, id: string, action: string) =>
    app.inject({
      method: 'POST',
      url: `/api/requests/${id}/transitions`,
      headers: as(who),
      payload: { action },
    });

  it('drafts on acceptance, signs through the transitions, and serves JSON and PDF to the parties', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: as('researcher'),
      payload: {
        borehole: publicId('borehole', 'jiama', 'ZK0001'),
        kind: 'cooperation',
        mode: 'cooperative',
        purpose: 'research',
        title: '合作研究',
      },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id as string;
    expect(
      (await app.inject({ url: `/api/requests/${id}/agreement`, headers: as('researcher') })).statusCode,
    ).toBe(404);
    for (const [who, action] of [
      ['researcher', 'submit'],
      ['curator', 'start_review'],
      ['curator', 'accept'],
      ['researcher', 'sign'],
    ] as const)
      expect((await step(who, id, action)).statusCode).toBe(200);

    const byRequest = await app.inject({ url: `/api/requests/${id}/agreement`, headers: as('curator') });
    expect(byRequest.statusCode).toBe(200);
    const agreement = byRequest.json();
    expect(agreement).toMatchObject({
      request_id: id,
      template: 'cooperative',
      intact: true,
      terms: { benefit_sharing: 'per_agreement', parties: { custodian: { code: 'XZ' } } },
      signatures: [{ party: 'requester', signed_sha256: agreement.sha256, valid: true }],
      complete: false,
    });
    const byId = await app.inject({ url: `/api/agreements/${agreement.id}`, headers: as('researcher') });
    expect(byId.json()).toEqual(agreement);
    const hidden = await app.inject({ url: `/api/agreements/${agreement.id}`, headers: as('stranger') });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');

    const missing = await withoutFont.inject({
      url: `/api/agreements/${agreement.id}/pdf`,
      headers: as('curator'),
    });
    expect(missing.statusCode).toBe(503);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({
      code: 'font_missing',
      detail: expect.stringContaining('CORESHARE_CJK_FONT'),
    });

    if (!existsSync(DEFAULT_CJK_FONT)) return;
    const pdf = await app.inject({ url: `/api/agreements/${agreement.id}/pdf`, headers: as('curator') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${agreement.id}.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('documents the endpoints under their own tag', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.tags).toContainEqual({ name: 'agreements' });
    expect(doc.paths['/api/agreements/{id}/pdf'].get.tags).toEqual(['agreements']);
  });
});
