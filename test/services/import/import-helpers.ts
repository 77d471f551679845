// Shared by the import tests: fixture paths, temp folders, a custodian to reference, row counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { sharedDataDir } from '../../support/shared-data.js';
import type { Database } from '../../../src/store/schema.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/import', import.meta.url));
export const DRILLHOLES = sharedDataDir('drillholes');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

const created: string[] = [];
// Registered once per test file that imports these helpers: its generated files go with it.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coreshare-import-'));
  created.push(dir);
  return dir;
}

export async function addCustodian(store: Store, code: string): Promise<void> {
  const now = '2026-11-26T00:00:00.000Z';
  await store.bulk.transaction((s) =>
    s.upsert('custodian', [
      {
        code,
        name_zh: `${code} 岩芯库`,
        name_en: null,
        level: 'provincial',
        province_code: '540000',
        contact_name: null,
        contact_email: null,
        contact_phone: null,
        address: null,
        created_at: now,
        updated_at: now,
      },
    ]),
  );
}

export async function count(store: Store, table: keyof Database): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
