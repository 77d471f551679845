// `coreshare user` and `coreshare audit` as an operator runs them on the embedded store: accounts
// with passwords from stdin or a named variable (never a flag's value), the list, and a chain check
// that exits 1 naming the entry changed behind the application's back.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ANONYMOUS } from '../../src/domain/accounts/access.js';
import { signIn } from '../../src/services/accounts/auth.service.js';
import { openStore, type Store } from '../../src/store/store.js';
import { tempDir } from '../services/import/import-helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real command in a child process, with text on its standard input. */
function spawned(dataDir: string, input: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CORESHARE_DATA_DIR: dataDir, CORESHARE_LOG_LEVEL: 'warn' };
  delete env.CORESHARE_DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
    cwd: ROOT,
    env,
    input,
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

async function withSqlite<R>(dataDir: string, work: (store: Store) => Promise<R>): Promise<R> {
  const store = openStore({ engine: 'sqlite', file: join(dataDir, 'coreshare.sqlite') });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const mailer = { send: async () => {} };
const signsIn = (dataDir: string, email: string, password: string) =>
  withSqlite(dataDir, (store) =>
    signIn(
      { store, mailer, publicUrl: 'http://localhost' },
      { actor: ANONYMOUS, ip: '127.0.0.1' },
      {
        email,
        password,
      },
    ).then(
      () => true,
      () => false,
    ),
  );

async function prepared(): Promise<string> {
  const data = tempDir();
  expect(
    (
      await run(
        data,
        'organisation',
        'add',
        '--code',
        'UNI',
        '--name-zh',
        '中国地质大学（北京）',
        '--kind',
        'university',
      )
    ).code,
  ).toBe(0);
  expect(
    (
      await run(
        data,
        'custodian',
        'add',
        '--code',
        'NGAC',
        '--name-zh',
        '实物地质资料中心',
        '--level',
        'national',
      )
    ).code,
  ).toBe(0);
  return data;
}

describe('coreshare user (CLI)', () => {
  it('adds accounts with a password from a named variable, or none, and lists them', async () => {
    const data = await prepared();
    const plain = await run(
      data,
      'user',
      'add',
      '--email',
      'Li.Ming@Example.org',
      '--org',
      'UNI',
      '--role',
      'researcher',
      '--name',
      '李明',
    );
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^user CSU\w+ li\.ming@example\.org\n {2}role {2}researcher at UNI\n/);
    expect(plain.stdout).toContain('API tokens only');
    expect(await signsIn(data, 'li.ming@example.org', 'anything-at-all')).toBe(false);

    process.env.CS_TEST_ADMIN_PASSWORD = 'admin-password-1';
    try {
      const admin = await run(
        data,
        'user',
        'add',
        '--email',
        'admin@example.org',
        '--org',
        'UNI',
        '--role',
        'administrator',
        '--password-env',
        'CS_TEST_ADMIN_PASSWORD',
      );
      expect(admin.code, admin.stderr).toBe(0);
      expect(admin.stdout).toContain('role  administrator at UNI (national)');
    } finally {
      delete process.env.CS_TEST_ADMIN_PASSWORD;
    }
    expect(await signsIn(data, 'admin@example.org', 'admin-password-1')).toBe(true);

    const list = await run(data, 'user', 'list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^email\s+verified\s+roles$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ['admin@example.org', 'yes', 'administrator at UNI (national)'],
      ['li.ming@example.org', 'yes', 'researcher at UNI'],
    ]);
  });

  it('reads a password from standard input (a real child process)', async () => {
    const data = await prepared();
    const r = spawned(
      data,
      'curator-password-1\n',
      'user',
      'add',
      '--email',
      'cur@example.org',
      '--org',
      'UNI',
      '--role',
      'curator',
      '--custodian',
      'NGAC',
      '--password-stdin',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('role  curator at UNI (custodian NGAC)');
    expect(await signsIn(data, 'cur@example.org', 'curator-password-1')).toBe(true);
  });

  it('refuses passwords as flag values and unclear sources (exit 2), bad accounts (exit 1)', async () => {
    const data = await prepared();
    const base = ['user', 'add', '--email', 'x@example.org', '--org', 'UNI', '--role', 'visitor'];
    expect((await run(data, ...base, '--password', 'in-the-history')).code).toBe(2);
    const both = await run(data, ...base, '--password-env', 'HOME', '--password-stdin');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
    const unset = await run(data, ...base, '--password-env', 'CS_TEST_NO_SUCH_VARIABLE');
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('CS_TEST_NO_SUCH_VARIABLE is not set');
    expect(
      (await run(data, 'user', 'add', '--email', 'x@example.org', '--org', 'UNI', '--role', 'king')).code,
    ).toBe(2);
    const org = await run(
      data,
      'user',
      'add',
      '--email',
      'x@example.org',
      '--org',
      'NOPE',
      '--role',
      'visitor',
    );
    expect(org.code).toBe(1);
    expect(org.stderr).toContain('organisation "NOPE" does not exist');
    const curator = await run(
      data,
      'user',
      'add',
      '--email',
      'x@example.org',
      '--org',
      'UNI',
      '--role',
      'curator',
    );
    expect(curator.code).toBe(1);
    expect(curator.stderr).toContain('custodian: a curator works for a custodian');
    expect((await run(data, 'user', 'list')).stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('coreshare audit (CLI)', () => {
  it('lists entries, verifies the chain, and exits 1 naming a tampered entry', async () => {
    const data = await prepared();
    for (const who of ['a', 'b', 'c'])
      expect(
        (
          await run(
            data,
            'user',
            'add',
            '--email',
            `${who}@example.org`,
            '--org',
            'UNI',
            '--role',
            'researcher',
          )
        ).code,
      ).toBe(0);

    const list = await run(data, 'audit', 'list', '--limit', '4');
    expect(list.code).toBe(0);
    const rows = list.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^seq\s+at \(UTC\)\s+actor\s+action\s+outcome\s+subject$/);
    expect(rows.slice(1).map((r) => r.trim().split(/\s+/)[0])).toEqual(['8', '7', '6', '5']);
    expect(rows[1]).toMatch(
      /^ {2}8 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}cli:\S+\s+account\.grant_role\s+ok\s+user CSU\w+$/,
    );
    expect(list.stderr).toContain('raise --limit');
    const creates = await run(data, 'audit', 'list', '--action', 'account.create');
    expect(
      creates.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((r) => r.trim().split(/\s+/)[0]),
    ).toEqual(['7', '5', '3']);
    expect(
      (await run(data, 'audit', 'list', '--action', 'account.')).stdout.trimEnd().split('\n'),
    ).toHaveLength(7);
    expect((await run(data, 'audit', 'list', '--limit', '0')).code).toBe(2);

    const intact = await run(data, 'audit', 'verify');
    expect(intact).toMatchObject({ code: 0, stdout: 'audit chain intact: 8 entries\n' });

    await withSqlite(data, (store) =>
      sql`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 6`.execute(store.db),
    );
    const broken = await run(data, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('audit entry 6: its content was changed after it was written');
    expect(broken.stderr).toContain('审计记录 6：记录写入后内容被修改');
  });

  it('shows both commands and their environment twins in --help', async () => {
    const top = await run(tempDir(), '--help');
    expect(top.stdout).toMatch(/\buser\b/);
    expect(top.stdout).toMatch(/\baudit\b/);
    const add = (await run(tempDir(), 'user', 'add', '--help')).stdout.replace(/\s+/g, ' ');
    for (const twin of [
      'CORESHARE_USER_ADD_PASSWORD_ENV',
      'CORESHARE_USER_ADD_PASSWORD_STDIN',
      'CORESHARE_USER_ADD_ORG',
    ])
      expect(add).toContain(twin);
    const list = (await run(tempDir(), 'audit', 'list', '--help')).stdout.replace(/\s+/g, ' ');
    expect(list).toContain('CORESHARE_AUDIT_LIST_LIMIT');
    expect(list).toContain('CORESHARE_AUDIT_LIST_ACTION');
  });
});
