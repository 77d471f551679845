// Who may call what: every documented endpoint × every role, from the OpenAPI document itself, so
// a new endpoint without a row here fails this test. A refusal is a problem-details 401 (no or
// ended identity) or 403 (known caller, not allowed), and each one is written to the audit log.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { openStore, type Store } from '../../src/store/store.js';
import { seedBoreholes } from '../support/factories.js';
import { publicId } from '../../src/domain/public-id.js';
import { ROLES, systemActor, type Role } from '../../src/domain/accounts/access.js';
import { addUser } from '../../src/services/accounts/user-admin.service.js';
import { createApiToken } from '../../src/services/accounts/api-token.service.js';
import { actorOf, authenticate } from '../../src/services/accounts/auth.service.js';
import { createRequest } from '../../src/services/sharing/request.service.js';
import { createOffer } from '../../src/services/sharing/offer.service.js';
import { draftAgreement, getAgreement } from '../../src/services/sharing/agreement.service.js';
import { requestRepository } from '../../src/store/repositories/request.repository.js';
import { DEFAULT_CJK_FONT } from '../../src/config.js';
import { requirement } from '../support/requirements.js';

type Who = 'anonymous' | Role;
const cli = { actor: systemActor('test'), ip: null };
const EVERYONE: Who[] = ['anonymous', ...ROLES];
const SIGNED_IN: Who[] = [...ROLES];
const ADMIN: Who[] = ['administrator'];

const OFFER_TERMS = { modes: ['cooperative'], audience: 'everyone', fee_kind: 'none' };
/** The custodian's curator, and administrators (a national one oversees every custodian). */
const CURATORS: Who[] = ['curator', 'administrator'];

/**
 * Who may call each documented endpoint ("METHOD path" as in the OpenAPI document), with a valid
 * body where the check depends on what is asked for.
 */
const ACCESS: Record<string, Who[] | { who: Who[]; body: unknown }> = {
  'GET /healthz': EVERYONE,
  'GET /api/boreholes': EVERYONE,
  'GET /api/boreholes/{id}': EVERYONE,
  'GET /api/custodians': EVERYONE,
  'GET /api/custodians/{code}': EVERYONE,
  'GET /api/catalog': EVERYONE,
  'GET /api/map/clusters': EVERYONE,
  'GET /api/search': EVERYONE,
  'GET /api/search/catalog': EVERYONE,
  'GET /api/search/clusters': EVERYONE,
  'GET /api/search/export': EVERYONE,
  'GET /api/search/fields': EVERYONE,
  'GET /ogc': EVERYONE,
  'GET /ogc/conformance': EVERYONE,
  'GET /ogc/collections': EVERYONE,
  'GET /ogc/collections/{collectionId}': EVERYONE,
  'GET /ogc/collections/boreholes/items': EVERYONE,
  'GET /ogc/collections/boreholes/items/{featureId}': EVERYONE,
  'GET /ogc/collections/catalog/items': EVERYONE,
  'GET /ogc/collections/catalog/items/{featureId}': EVERYONE,
  'POST /api/auth/signup': EVERYONE,
  'POST /api/auth/verify-email': EVERYONE,
  'POST /api/auth/resend-verification': EVERYONE,
  'POST /api/auth/login': EVERYONE,
  'POST /api/auth/logout': EVERYONE,
  'GET /api/auth/me': EVERYONE,
  'GET /api/auth/tokens': SIGNED_IN,
  'POST /api/auth/tokens': SIGNED_IN,
  'DELETE /api/auth/tokens/{id}': SIGNED_IN,
  'POST /api/auth/real-name': SIGNED_IN,
  'POST /api/auth/real-name/decisions': {
    who: ADMIN,
    body: { email: 'visitor@access.test', decision: 'verified' },
  },
  'GET /api/offers': EVERYONE,
  'POST /api/offers': { who: CURATORS, body: { scope: 'collection', custodian: 'XZ', ...OFFER_TERMS } },
  'PUT /api/offers/{id}': { who: CURATORS, body: OFFER_TERMS },
  'DELETE /api/offers/{id}': CURATORS,
  'POST /api/requests': {
    who: ['researcher', 'curator', 'owner', 'administrator'],
    body: {
      borehole: '{borehole}',
      kind: 'cooperation',
      mode: 'cooperative',
      purpose: 'research',
      title: 'access test',
    },
  },
  // Signed-in callers only; someone else's request answers 404, so ids reveal nothing.
  'GET /api/requests': SIGNED_IN,
  'GET /api/requests/{id}': SIGNED_IN,
  // Only the request's parties act on it: here the requester withdraws, everyone else is refused.
  'POST /api/requests/{id}/transitions': {
    who: ['researcher'],
    body: { action: 'withdraw', reason: 'access test' },
  },
  // The request's agreement: its parties (here the requester, the custodian's curator and a national
  // administrator) read it; anyone else signed in gets 404, like the request itself.
  'GET /api/agreements/{id}': SIGNED_IN,
  'GET /api/agreements/{id}/pdf': SIGNED_IN,
  'GET /api/requests/{id}/agreement': SIGNED_IN,
  // By year (the default) and by custodian level for everyone; the rest is checked below.
  'GET /api/stats': EVERYONE,
  // Results come back from the request's requester (or its custodian's curator); the request here was
  // withdrawn a row earlier, so they hear 409, everyone else a refusal.
  'POST /api/requests/{id}/returns': ['researcher', 'curator'],
  'GET /api/boreholes/{id}/returns': EVERYONE,
  // No dataset exists here: every caller hears 404; embargo access is tested in test/services/sharing/returns.test.ts.
  'GET /api/returns/{id}': EVERYONE,
  'GET /api/returns/{id}/file': EVERYONE,
  'GET /api/custodians/{code}/overdue': CURATORS,
  'GET /api/custodians/{code}/policy': EVERYONE,
  'PUT /api/custodians/{code}/policy': {
    who: CURATORS,
    body: { sampling: { max_samples_per_visit: 50 }, embargo: {} },
  },
  // Every account here belongs to the organisation asked about.
  'GET /api/organisations/{code}/credit': SIGNED_IN,
  'GET /api/notifications': SIGNED_IN,
  'POST /api/notifications/read': SIGNED_IN,
  'GET /api/audit': ADMIN,
  'GET /api/audit/verify': ADMIN,
};

describe('access to every endpoint, for every role', () => {
  let app: CoreShareApp;
  let store: Store;
  let routes: Array<{ method: string; path: string }>;
  let boreholeId: string;
  let offerId: string;
  let requestId: string;
  let agreementId: string;
  const tokens = new Map<Who, string>();
  const catalogId = publicId('catalog', 'DZ-ACCESS-1');

  beforeAll(async () => {
    store = openStore({
      engine: 'sqlite',
      file: join(mkdtempSync(join(tmpdir(), 'cs-access-')), 'a.sqlite'),
    });
    await store.migrate();
    await seedBoreholes(store, 3);
    const now = '2026-01-01';
    await store.bulk.transaction((s) =>
      s.upsert('catalog_record', [
        {
          public_id: catalogId,
          record_no: 'DZ-ACCESS-1',
          title_zh: '岩芯',
          title_en: null,
          material_type: 'core',
          borehole_id: null,
          custodian_id: null,
          province_code: null,
          quantity: null,
          unit: null,
          year: null,
          description: null,
          created_at: now,
          updated_at: now,
        },
      ]),
    );
    await store.db
      .insertInto('organisation')
      .values({
        code: 'ORG',
        name_zh: '单位',
        name_en: null,
        kind: 'other',
        province_code: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const role of ROLES) {
      const account = await addUser(store, cli, {
        email: `${role}@access.test`,
        organisation: 'ORG',
        role,
        ...(role === 'curator' && { custodian: 'XZ' }),
      });
      const user = (
        await store.db
          .selectFrom('app_user')
          .select('id')
          .where('public_id', '=', account.id)
          .executeTakeFirstOrThrow()
      ).id;
      const actor = (await authenticate(store, {})).actor;
      // Token creation needs the user as caller: build it from the stored account.
      const self = {
        ...actor,
        kind: 'user' as const,
        user_id: user,
        public_id: account.id,
        email: account.email,
        label: account.email,
      };
      tokens.set(
        role,
        (await createApiToken(store, { actor: self, ip: null }, { name: 'access test' })).token,
      );
    }
    app = await buildApp({ store, config: { webDir: '/nonexistent', logLevel: 'silent' }, logger: false });
    const paths = (await app.inject({ url: '/api/openapi.json' })).json().paths as Record<
      string,
      Record<string, unknown>
    >;
    routes = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
    boreholeId = (await app.inject({ url: '/api/boreholes' })).json().items[0].id;
    offerId = (
      await createOffer(store, cli, {
        scope: 'collection',
        custodian: 'XZ',
        modes: ['cooperative'],
        audience: 'everyone',
        fee_kind: 'none',
      })
    ).id;
    const researcher = {
      actor: await actorOf(
        store,
        await store.db
          .selectFrom('app_user')
          .selectAll()
          .where('email', '=', 'researcher@access.test')
          .executeTakeFirstOrThrow(),
        'token',
      ),
      ip: null,
    };
    requestId = (
      await createRequest(store, researcher, {
        borehole: boreholeId,
        kind: 'cooperation',
        mode: 'cooperative',
        purpose: 'research',
        title: 'access test',
      })
    ).id;
    // Its agreement, written directly (walking the request on would show in the statistics below).
    const draft = (await requestRepository(store.db).byPublicId(requestId))!;
    await store.db
      .transaction()
      .execute((trx) => draftAgreement(trx, cli, draft, { at: '2026-01-01T00:00:00.000Z' }));
    agreementId = (await getAgreement(store, cli, requestId)).id;
    if (!existsSync(DEFAULT_CJK_FONT))
      requirement('fonts-noto-cjk', 'agreement PDFs in the access test', 'apt-get install fonts-noto-cjk');
  });

  const concrete = (p: string) =>
    p
      .replace(
        '{id}',
        p.startsWith('/api/boreholes')
          ? boreholeId
          : p.startsWith('/api/catalog')
            ? catalogId
            : p.startsWith('/api/offers')
              ? offerId
              : p.startsWith('/api/agreements')
                ? agreementId
                : p.startsWith('/api/requests')
                  ? requestId
                  : 'CSTNOTATOKEN0000',
      )
      .replace('{code}', p.startsWith('/api/organisations') ? 'ORG' : 'XZ')
      .replace('{collectionId}', 'boreholes')
      .replace('{featureId}', p.startsWith('/ogc/collections/catalog/') ? catalogId : boreholeId) +
    (p === '/api/map/clusters' || p === '/api/search/clusters' ? '?bbox=0,0,180,80&zoom=2' : '') +
    (p.endsWith('/returns') && p.startsWith('/api/requests')
      ? '?kind=publication&title=x&doi=10.1000/x'
      : '');

  const deniedCount = async () =>
    Number(
      (
        await store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('outcome', '=', 'denied')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('has a row for every documented endpoint, and documents every row', () => {
    const documented = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented).toEqual(Object.keys(ACCESS).sort());
  });

  it('lets exactly the listed roles through; refuses the rest with 401 or 403, each one audited', async () => {
    for (const { method, path } of routes) {
      const rule = ACCESS[`${method} ${path}`]!;
      const allowed = Array.isArray(rule) ? rule : rule.who;
      const body = JSON.parse(
        JSON.stringify(Array.isArray(rule) ? {} : rule.body).replace('{borehole}', boreholeId),
      );
      for (const who of EVERYONE) {
        const before = await deniedCount();
        const res = await app.inject({
          method: method as 'GET',
          url: concrete(path),
          ...(method !== 'GET' && { payload: body as object }),
          headers: who === 'anonymous' ? {} : { authorization: `Bearer ${tokens.get(who)}` },
        });
        const label = `${who} ${method} ${path} → ${res.statusCode} ${res.statusCode >= 400 ? res.body.slice(0, 200) : ''}`;
        if (allowed.includes(who)) {
          expect([401, 403], label).not.toContain(res.statusCode);
          expect(res.statusCode, label).toBeLessThan(500);
        } else {
          expect(res.statusCode, label).toBe(who === 'anonymous' ? 401 : 403);
          expect(res.headers['content-type'], label).toContain('application/problem+json');
          expect(res.json().errors[0].message_zh, label).toBeTruthy();
          expect(await deniedCount(), `${label} is audited`).toBe(before + 1);
        }
      }
    }
  });

  it('shows statistics per custodian or province only to its curators and administrators', async () => {
    const breakdowns: Array<[string, Who[]]> = [
      ['/api/stats?group=level&from=2016&to=2019', EVERYONE],
      ['/api/stats?group=province', ADMIN],
      ['/api/stats?group=custodian', ADMIN],
      ['/api/stats?group=custodian&custodian=XZ', CURATORS],
      ['/api/stats?custodian=XZ&format=csv', CURATORS],
    ];
    for (const [url, allowed] of breakdowns) {
      for (const who of EVERYONE) {
        const before = await deniedCount();
        const res = await app.inject({
          url,
          headers: who === 'anonymous' ? {} : { authorization: `Bearer ${tokens.get(who)}` },
        });
        const label = `${who} ${url} → ${res.statusCode}`;
        if (allowed.includes(who)) expect(res.statusCode, label).toBe(200);
        else {
          expect(res.statusCode, label).toBe(who === 'anonymous' ? 401 : 403);
          expect(res.json().errors[0].message_zh, label).toBeTruthy();
          expect(await deniedCount(), `${label} is audited`).toBe(before + 1);
        }
      }
    }
  });

  it('sends statistics as JSON, or as CSV with a byte-order mark for spreadsheets', async () => {
    const json = await app.inject({ url: '/api/stats?group=year' });
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.json()).toMatchObject({ group: 'year', totals: { requests: expect.any(Number) } });
    const csv = await app.inject({ url: '/api/stats?group=level&format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body).toContain('total,合计,Total');
  });

  it('answers methods no route has with a problem-details 404', async () => {
    for (const { path } of routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/search'))) {
      const res = await app.inject({ method: 'PUT', url: concrete(path), payload: {} });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
