// An import killed with SIGKILL half-way leaves the store exactly as it was, on both engines:
// the whole file is one transaction, which SQLite's journal or PostgreSQL's abort undoes.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { eachEngine } from '../support/engines.js';
import { seedBoreholes } from '../support/factories.js';
import type { Store } from '../../src/store/store.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cs-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function bigCollarFile(): Promise<string> {
  const file = join(work, 'big.csv');
  const out = createWriteStream(file);
  out.write('hole_id,lon,lat,elevation,total_depth\n');
  for (let block = 0; block < 40; block++) {
    const rows: string[] = [];
    for (let i = block * 10_000; i < (block + 1) * 10_000; i++)
      rows.push(`K${i},${90 + (i % 1000) / 100},${30 + (i % 997) / 100},${i % 3000},${i % 1500}\n`);
    if (!out.write(rows.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

async function count(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('borehole')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

eachEngine('import killed with SIGKILL', ({ engine, fresh }) => {
  it('changes nothing', async () => {
    const store = await fresh();
    await seedBoreholes(store, 3);
    const big = await bigCollarFile();
    const target =
      engine === 'sqlite'
        ? { CORESHARE_DATA_DIR: dirname(store.location), CORESHARE_DATABASE_URL: '' }
        : { CORESHARE_DATABASE_URL: store.location };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'import', 'collars', big], {
      cwd: ROOT,
      env: { ...process.env, ...target, CORESHARE_LOG_LEVEL: 'warn' },
    });
    let stderr = '';
    const exited = once(child, 'exit');
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/[\d,]+ rows read/.test(stderr)) resolve(); // rows are flowing into the open transaction
      });
      child.on('exit', () => reject(new Error(`import ended before it was killed:\n${stderr}`)));
    });
    child.kill('SIGKILL');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
    // PostgreSQL aborts the killed client's transaction once it sees the connection drop: wait for
    // that, so the count below is taken after the rollback, not merely outside an open transaction.
    for (let i = 0; engine === 'postgres' && i < 40; i++) {
      const open = await sql<{ n: number }>`
        SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`.execute(
        store.db,
      );
      if (Number(open.rows[0]?.n) === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await count(store)).toBe(3);
  });
});
