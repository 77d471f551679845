// Who may call what. Until accounts arrive (the sharing issue) every published endpoint is a public
// read, and no write is reachable over HTTP: curators write through the CLI.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { openStore } from '../../src/store/store.js';
import { seedBoreholes } from '../support/factories.js';

describe('access to every endpoint', () => {
  let app: CoreShareApp;
  let paths: string[];
  let boreholeId: string;
  beforeAll(async () => {
    const store = openStore({
      engine: 'sqlite',
      file: join(mkdtempSync(join(tmpdir(), 'cs-access-')), 'a.sqlite'),
    });
    await store.migrate();
    await seedBoreholes(store, 3);
    app = await buildApp({ store, config: { webDir: '/nonexistent', logLevel: 'silent' }, logger: false });
    paths = Object.keys((await app.inject({ url: '/api/openapi.json' })).json().paths);
    boreholeId = (await app.inject({ url: '/api/boreholes' })).json().items[0].id;
  });

  const concrete = (p: string) =>
    p.replace('{id}', boreholeId).replace('{code}', 'XZ') +
    (p === '/api/map/clusters' ? '?bbox=0,0,180,80&zoom=2' : '');

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
