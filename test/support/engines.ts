// Runs a suite against every engine in CORESHARE_TEST_ENGINES (default: both), the way Kysely's own
// suite runs every test against every dialect. Each call to `fresh()` gives an empty, migrated store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Engine } from '../../src/config.js';
import { openStore, type Store } from '../../src/store/store.js';
import { requirement } from './requirements.js';

export const testEngines: Engine[] = (process.env.CORESHARE_TEST_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is Engine => e === 'sqlite' || e === 'postgres');

export interface EngineContext {
  engine: Engine;
  /** A new empty store with all migrations applied; closed and removed after the file's tests. */
  fresh(): Promise<Store>;
  /** Same as fresh() but without migrations, for migration tests. */
  empty(): Promise<Store>;
}

let counter = 0;

async function createPgDatabase(baseUrl: string): Promise<string> {
  const name = `cs_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function eachEngine(title: string, body: (ctx: EngineContext) => void): void {
  for (const engine of testEngines) {
    const pgUrl = engine === 'postgres' ? inject('pgUrl') : '';
    if (engine === 'postgres' && !pgUrl) {
      requirement('postgres', `${title} on PostgreSQL`, 'apt-get install postgresql postgresql-15-postgis-3');
      describe.skip(`${title} [postgres]`, () => body({ engine, fresh: unavailable, empty: unavailable }));
      continue;
    }
    describe(`${title} [${engine}]`, () => {
      const opened: Array<() => Promise<void>> = [];
      const create = async (migrate: boolean): Promise<Store> => {
        let store: Store;
        if (engine === 'sqlite') {
          const dir = mkdtempSync(join(tmpdir(), 'coreshare-test-'));
          store = openStore({ engine, file: join(dir, 'test.sqlite') });
          opened.push(async () => {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          });
        } else {
          store = openStore({ engine, url: await createPgDatabase(pgUrl), poolSize: 4 });
          opened.push(() => store.close());
        }
        if (migrate) await store.migrate();
        return store;
      };
      afterAllClose(opened);
      body({ engine, fresh: () => create(true), empty: () => create(false) });
    });
  }
}

function unavailable(): Promise<Store> {
  throw new Error('engine not available');
}

import { afterAll } from 'vitest';
function afterAllClose(opened: Array<() => Promise<void>>): void {
  afterAll(async () => {
    for (const close of opened.splice(0)) await close();
  });
}
