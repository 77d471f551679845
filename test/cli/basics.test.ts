import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCoreshare } from './run-cli.js';

describe('coreshare command', () => {
  it('documents every command and its environment twins', () => {
    const r = runCoreshare(['--help']);
    expect(r.status).toBe(0);
    for (const word of ['serve', 'migrate', 'backup', 'CORESHARE_DATA_DIR', 'CORESHARE_DATABASE_URL'])
      expect(r.stdout).toContain(word);
    const serve = runCoreshare(['serve', '--help']);
    expect(serve.stdout).toContain('CORESHARE_PORT');
  });

  it('gives every flag an environment twin, validated like the flag', () => {
    const help = runCoreshare(['import', '--help']).stdout.replace(/\s+/g, ' ');
    for (const twin of ['CORESHARE_IMPORT_CRS', 'CORESHARE_IMPORT_DRY_RUN', 'CORESHARE_IMPORT_UNITS'])
      expect(help).toContain(twin);
    const bad = runCoreshare(['import', 'collars', 'x.csv'], { CORESHARE_IMPORT_UNITS: 'yards' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('CORESHARE_IMPORT_UNITS');
  });

  it('fails fast with exit 2 and the variable name on bad configuration', () => {
    const r = runCoreshare(['migrate'], { CORESHARE_DATABASE_URL: 'mysql://x' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('CORESHARE_DATABASE_URL');
    expect(runCoreshare(['no-such-command']).status).toBe(2);
  });

  it('creates the store and writes a consistent backup that opens', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-cli-'));
    const env = { CORESHARE_DATA_DIR: dir };
    expect(runCoreshare(['migrate'], env).stdout).toContain('up to date');
    const copy = join(dir, 'copy.sqlite');
    const r = runCoreshare(['backup', copy], env);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(copy)).toBe(true);
    expect(runCoreshare(['migrate'], { CORESHARE_DATA_DIR: dir }).status).toBe(0);
    const again = runCoreshare(['backup', copy], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists');
  });
});
