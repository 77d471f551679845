// The embedded store's bulk core on a connection of its own: the small page cache it sorts rebuilt
// indexes with is the connection's own cache again afterwards, whether the rebuild succeeds or fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendColumns } from '../../../../src/store/bulk.js';
import { openSqliteConnection } from '../../../../src/store/dialects/sqlite/connection.js';
import { sqliteBulkCore } from '../../../../src/store/dialects/sqlite/bulk.js';
import { openStore } from '../../../../src/store/store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function migratedFile(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'coreshare-bulk-core-'));
  dirs.push(dir);
  const file = join(dir, 'store.sqlite');
  const store = openStore({ engine: 'sqlite', file });
  await store.migrate();
  await store.close();
  return file;
}

/** A borehole row as the flat values an append takes, in appendColumns order. */
function holeValues(id: number, holeId: string, publicId: string): unknown[] {
  const row: Record<string, unknown> = {
    id,
    public_id: publicId,
    dataset: 'd',
    hole_id: holeId,
    name: holeId,
    commodities: '[]',
    ownership_dispute: 0,
    confidentiality: 'public',
    created_at: '2026-11-27T00:00:00.000Z',
    updated_at: '2026-11-27T00:00:00.000Z',
  };
  return appendColumns('borehole').map((c) => row[c] ?? null);
}

const indexNames = (raw: ReturnType<typeof openSqliteConnection>) =>
  raw
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'borehole' AND sql IS NOT NULL",
    )
    .pluck()
    .all();

describe('sqliteBulkCore', () => {
  it('sorts large data in temporary files, where SQLite can use its helper threads', async () => {
    const raw = openSqliteConnection(await migratedFile());
    expect(raw.pragma('temp_store', { simple: true })).toBe(1); // FILE
    raw.close();
  });

  it("rebuilds an append run's indexes at commit and gives the connection its cache back", async () => {
    const raw = openSqliteConnection(await migratedFile());
    raw.pragma('cache_size = -12345');
    const before = indexNames(raw);
    const core = sqliteBulkCore(raw);
    core.begin();
    expect(core.loadMode('borehole')).toBe('append');
    expect(indexNames(raw)).not.toContain('borehole_public_id');
    core.append('borehole', [...holeValues(1, 'A', 'CSB-A'), ...holeValues(2, 'B', 'CSB-B')]);
    core.commit();
    expect(indexNames(raw)).toEqual(before);
    expect(raw.pragma('cache_size', { simple: true })).toBe(-12345);
    expect(raw.prepare('SELECT hole_id FROM borehole ORDER BY id').pluck().all()).toEqual(['A', 'B']);
    raw.close();
  });

  it('gives the cache back when a rebuilt unique index fails, and the rollback keeps nothing', async () => {
    const raw = openSqliteConnection(await migratedFile());
    raw.pragma('cache_size = -12345');
    const before = indexNames(raw);
    const core = sqliteBulkCore(raw);
    core.begin();
    core.loadMode('borehole');
    core.append('borehole', [...holeValues(1, 'A', 'CSB-A'), ...holeValues(2, 'B', 'CSB-A')]);
    expect(() => core.commit()).toThrow(/UNIQUE/);
    expect(raw.pragma('cache_size', { simple: true })).toBe(-12345);
    core.rollback();
    expect(indexNames(raw)).toEqual(before);
    expect(raw.prepare('SELECT count(*) FROM borehole').pluck().get()).toBe(0);
    raw.close();
  });
});
