// Who may call what. Until accounts arrive (the sharing issue) every published endpoint is a public
// read, and no write is reachable over HTTP: curators write through the CLI.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { openStore } from '../../src/store/store.js';
import { seedBoreholes } from '../support/factories.js';
import { publicId } from '../../src/domain/public-id.js';

describe('access to every endpoint', () => {
  let app: CoreShareApp;
  let paths: string[];
  let boreholeId: string;
  const catalogId = publicId('catalog', 'DZ-ACCESS-1');
  beforeAll(async () => {
    const store = openStore({
      engine: 'sqlite',
      file: join(mkdtempSync(join(tmpdir(), 'cs-access-')), 'a.sqlite'),
    });
    await store.migrate();
    await seedBoreholes(store, 3);
    // One catalog record, so the OGC catalog feature route has a feature to show.
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
          created_at: '2026-01-01',
          updated_at: '2026-01-01',
        },
      ]),
    );
    app = await buildApp({ store, config: { webDir: '/nonexistent', logLevel: 'silent' }, logger: false });
    paths = Object.keys((await app.inject({ url: '/api/openapi.json' })).json().paths);
    boreholeId = (await app.inject({ url: '/api/boreholes' })).json().items[0].id;
  });

  const concrete = (p: string) =>
    p
      .replace('{id}', boreholeId)
      .replace('{code}', 'XZ')
      .replace('{collectionId}', 'boreholes')
      .replace('{featureId}', p.startsWith('/ogc/collections/catalog/') ? catalogId : boreholeId) +
    (p === '/api/map/clusters' || p === '/api/search/clusters' ? '?bbox=0,0,180,80&zoom=2' : '');

  it('lets an anonymous visitor read every documented endpoint', async () => {
    for (const path of paths) {
      const res = await app.inject({ url: concrete(path) });
      expect(res.statusCode, path).toBe(200);
    }
  });

  it('exposes no write over HTTP yet', async () => {
    for (const path of paths) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const res = await app.inject({ method, url: concrete(path), payload: {} });
        expect(res.statusCode, `${method} ${path}`).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
  });
});
