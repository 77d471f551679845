// The `coreshare import` / `export` commands as a user runs them: a child process on the embedded
// store, checked by exit code, output and the store's contents afterwards.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openStore } from '../../src/store/store.js';
import { count, DRILLHOLES, fixture, tempDir } from '../services/import/import-helpers.js';
import { haveSharedData } from '../support/shared-data.js';

const haveData = haveSharedData('drillholes');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', 'src/cli/bin.ts'];

function environment(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CORESHARE_DATA_DIR: dataDir };
  delete env.CORESHARE_DATABASE_URL; // the embedded store, whatever the suite runs on
  return env;
}

/** The real command in a child process: what a user runs. */
function spawned(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    env: environment(dataDir),
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command in this process (no start-up cost), its output captured. */
async function run(dataDir: string, ...args: string[]) {
  const out = { stdout: '', stderr: '' };
  const original = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => ((out.stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((out.stderr += chunk), true)) as typeof process.stderr.write;
  try {
    const code = await runCli(['node', 'coreshare', '--data-dir', dataDir, ...args]);
    return { code, ...out };
  } finally {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
  }
}

async function boreholes(dataDir: string): Promise<number> {
  const store = openStore({ engine: 'sqlite', file: join(dataDir, 'coreshare.sqlite') });
  try {
    return await count(store, 'borehole');
  } finally {
    await store.close();
  }
}

describe('coreshare import (CLI)', () => {
  it.skipIf(!haveData)(
    'imports, reports and exits 0; exits 1 naming file, line and field with nothing changed',
    async () => {
      const data = tempDir();
      const ok = spawned(
        data,
        'import',
        'collars',
        join(DRILLHOLES, 'babbitt/collar_BABBITT.csv'),
        '--crs',
        'LOCAL',
        '--units',
        'ft',
        '--dataset',
        'babbitt',
      );
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(
        /imported collars from .*collar_BABBITT\.csv into dataset "babbitt" \(sqlite store\)/,
      );
      expect(ok.stdout).toMatch(/rows read\s+399\n\s+inserted\s+399, updated 0\n\s+rejected\s+0/);
      expect(ok.stdout).toMatch(/time\s+[\d.]+ s, [\d,]+ rows\/s/);

      const bad = spawned(data, 'import', 'collars', fixture('placeholders.csv'));
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`${fixture('placeholders.csv')}:5:hole_id: hole_id is required`);
      expect(bad.stderr).toContain('2 problems in');
      expect(bad.stderr).toContain('nothing was imported');
      const broken = await run(data, 'import', 'collars', fixture('unbalanced-quote.csv'));
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(`${fixture('unbalanced-quote.csv')}:3:(file): unbalanced quote`);
      expect(await boreholes(data)).toBe(399);

      const rejects = join(data, 'rejects.csv');
      const skipped = await run(
        data,
        'import',
        'collars',
        fixture('placeholders.csv'),
        '--skip-invalid',
        '--rejects',
        rejects,
      );
      expect(skipped.code).toBe(0);
      expect(skipped.stdout).toMatch(/rejected\s+2 → .*rejects\.csv/);
      expect(readFileSync(rejects, 'utf8').split('\n')[0]).toBe(
        'line,field,reason,hole_id,x,y,elevation,total_depth,project',
      );
      const dry = await run(
        data,
        'import',
        'collars',
        fixture('collars-gk-zone38.csv'),
        '--dry-run',
        '--crs',
        'EPSG:4526',
      );
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/checked \(dry run, nothing written\)/);
      expect(await boreholes(data)).toBe(402);
    },
  );

  it('exits 2 on usage errors: unknown kind, CRS, unit, field, or --rejects alone', async () => {
    const data = tempDir();
    const file = fixture('collars-zh.tsv');
    const crs = spawned(data, 'import', 'collars', file, '--crs', 'EPSG:99999');
    expect(crs.code).toBe(2);
    expect(crs.stderr).toMatch(
      /EPSG:99999 is not a supported CRS[\s\S]*CGCS2000 3° Gauss–Krüger zones 25–45/,
    );
    expect((await run(data, 'import', 'boxes', file)).code).toBe(2);
    expect((await run(data, 'import', 'collars', file, '--units', 'yd')).code).toBe(2);
    const field = await run(data, 'import', 'collars', file, '--columns', 'colour=经度');
    expect(field.code).toBe(2);
    expect(field.stderr).toMatch(/"colour" is not a field of collars; its fields are hole_id, name, easting/);
    const rejects = await run(data, 'import', 'collars', file, '--rejects', 'r.csv');
    expect(rejects).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--rejects needs --skip-invalid/),
    });
  });

  it.skipIf(!haveData)('exports CSV that the import reads back', async () => {
    const data = tempDir();
    expect(
      (
        await run(
          data,
          'import',
          'collars',
          join(DRILLHOLES, 'thalanga/ThalangaML_collar.csv'),
          '--crs',
          'EPSG:28355',
          '--skip-invalid',
          '--rejects',
          join(data, 'r.csv'),
        )
      ).code,
    ).toBe(0);
    const out = join(data, 'holes.csv');
    const exported = await run(data, 'export', 'boreholes', '--format', 'csv', '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('5,275 boreholes written');
    const again = await run(data, 'import', 'collars', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/inserted\s+0, updated 5,275/);
  });
});
