// The import thread answers as importFile does: the report, the file's problems (with file, line
// and field) and wrong options arrive as the same typed errors; the rows are in the caller's store.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importOnThread } from '../../../src/services/import/import-thread.js';
import {
  ImportError,
  ImportUsageError,
  type ImportProgress,
} from '../../../src/services/import/import.types.js';
import { openStore } from '../../../src/store/store.js';
import { eachEngine } from '../../support/engines.js';
import { count, tempDir } from './import-helpers.js';

function collars(rows: string[]): string {
  const path = join(tempDir(), 'collars.csv');
  writeFileSync(path, ['hole_id,lon,lat,total_depth,drill_start', ...rows].join('\n') + '\n');
  return path;
}

eachEngine('import on the import thread', ({ fresh }) => {
  it('imports on its own connection and reports as importFile does', async () => {
    const store = await fresh();
    const progress: ImportProgress[] = [];
    const report = await importOnThread(
      store,
      { kind: 'collars', path: collars(['ZK1,91.1,29.6,300,2019-06-11', 'ZK2,91.2,29.7,420.5,2020-02-29']) },
      (p) => progress.push(p),
    );
    expect(report).toMatchObject({ kind: 'collars', rowsRead: 2, inserted: 2, updated: 0, rejected: 0 });
    expect(progress.at(-1)).toMatchObject({ rowsRead: 2 });
    expect(await count(store, 'borehole')).toBe(2);
    const again = await importOnThread(store, {
      kind: 'collars',
      path: collars(['ZK1,91.1,29.6,310,2019-06-11']),
    });
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
  });

  it("passes the file's problems back as an ImportError and stores nothing", async () => {
    const store = await fresh();
    const path = collars(['ZK1,91.1,29.6,300,2019-06-11', 'ZK2,91.2,129.7,420.5,2019-02-30']);
    const error = await importOnThread(store, { kind: 'collars', path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const problems = (error as ImportError).problems;
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
      [path, 3, 'lat'],
      [path, 3, 'drill_start'],
    ]);
    expect((error as ImportError).report).toMatchObject({ rowsRead: 2, problemCount: 2 });
    expect(await count(store, 'borehole')).toBe(0);
  });

  it('passes wrong options back as an ImportUsageError', async () => {
    const store = await fresh();
    const error = await importOnThread(store, {
      kind: 'collars',
      path: collars(['ZK1,500000,3300000,300,2019-06-11']),
      crs: 'EPSG:1',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportUsageError);
    expect((error as Error).message).toMatch(/--crs/);
  });
});

it('imports into a store in memory in the calling thread', async () => {
  const store = openStore({ engine: 'sqlite', file: ':memory:' });
  try {
    await store.migrate();
    const report = await importOnThread(store, { kind: 'collars', path: collars(['ZK1,91.1,29.6,300,']) });
    expect(report.inserted).toBe(1);
    expect(await count(store, 'borehole')).toBe(1);
  } finally {
    await store.close();
  }
});
