// The compiled server, as `npx coreshare` runs it after `npm start` built it: the other tests run
// the TypeScript sources through tsx, so this one checks what only the build has, such as the
// bulk writer thread starting its compiled entry for a large import.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { LARGE_FILE_BYTES } from '../../src/services/import/import.types.js';
import { openStore } from '../../src/store/store.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Inside node_modules, so that the compiled files find the packages the way dist/ does.
const OUT = join(ROOT, 'node_modules', '.cache', `coreshare-compiled-${process.pid}`);
const work = mkdtempSync(join(tmpdir(), 'cs-compiled-'));
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

function node(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, CORESHARE_DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('compiles, answers --help, and imports a large file through the writer thread', async () => {
  const tsc = node([
    join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    'tsconfig.build.json',
    '--outDir',
    OUT,
  ]);
  expect(tsc.stdout + tsc.stderr).toBe('');
  const cli = join(OUT, 'cli', 'bin.js');
  const help = node([cli, '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('import');

  const file = join(work, 'collars.csv');
  const out = createWriteStream(file);
  out.write('hole_id,name,lon,lat,elevation,total_depth,project\n');
  const holes = 150_000;
  for (let i = 0; i < holes; i++)
    out.write(
      `ZK${i},钻孔${i},${90 + (i % 1000) / 100},${30 + (i % 997) / 100},${i % 3000},${i % 1500},大型项目 ${i % 97}\n`,
    );
  out.end();
  await once(out, 'finish');
  expect(statSync(file).size).toBeGreaterThanOrEqual(LARGE_FILE_BYTES);

  const data = join(work, 'data');
  const imported = node([cli, 'import', 'collars', file], { CORESHARE_DATA_DIR: data });
  expect(imported.stderr).not.toMatch(/error|thread/i);
  expect(imported.code).toBe(0);
  const store = openStore({ engine: 'sqlite', file: join(data, 'coreshare.sqlite') });
  try {
    const row = await store.db
      .selectFrom('borehole')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(holes);
  } finally {
    await store.close();
  }
}, 240_000);
