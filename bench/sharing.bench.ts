// `npm run bench:sharing`: 200 concurrent users asking for and approving loans through HTTP against
// the running server, on the embedded store and on PostgreSQL. Each requester creates a loan
// request for a depth range of one of a few boreholes (so approvals collide), submits and signs it;
// ten curators of the custodian review, accept, sign and fulfil whatever is waiting. Prints
// throughput and p50/p95 per transition, then checks the store: no interval lent twice at once, and
// one audit entry for every successful step with the chain intact. Figures only; no assertions on time.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { openStore, type StoreTarget } from '../src/store/store.js';
import { systemActor } from '../src/domain/accounts/access.js';
import { addUser } from '../src/services/accounts/user-admin.service.js';
import { actorOf } from '../src/services/accounts/auth.service.js';
import { createApiToken } from '../src/services/accounts/api-token.service.js';
import { createOffer } from '../src/services/sharing/offer.service.js';
import { verifyAuditChain } from '../src/services/audit.service.js';
import { startThrowawayPostgres } from '../test/support/postgres-cluster.js';
import { boreholeRow, custodianRow } from '../test/support/factories.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    curators: { type: 'string', default: '10' },
    boreholes: { type: 'string', default: '20' },
    'sqlite-only': { type: 'boolean', default: false },
  },
});
const USERS = Number(args.users);
const CURATORS = Number(args.curators);
const HOLES = Number(args.boreholes);

interface Figures {
  engine: string;
  seconds: number;
  steps: number;
  latencies: Map<string, number[]>;
  refusedDoubleLoans: number;
  doubleAllocations: number;
  auditOk: number;
  stepsOk: number;
  chainIntact: boolean;
}

const quantile = (ms: number[], q: number) =>
  [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;

async function setUp(target: StoreTarget) {
  const store = openStore(target);
  await store.migrate();
  const now = '2026-11-27T00:00:00.000Z';
  await store.bulk.transaction(async (s) => {
    await s.upsert('custodian', [custodianRow('XZ')]);
    const custodian = (await s.findCodes('custodian', ['XZ'])).get('XZ')!;
    await s.upsert(
      'borehole',
      Array.from({ length: HOLES }, (_, i) =>
        boreholeRow(`ZK${String(i + 1).padStart(4, '0')}`, { custodian_id: custodian, total_depth: 1000 }),
      ),
    );
  });
  for (const code of ['XZ-ORG', 'UNI'])
    await store.db
      .insertInto('organisation')
      .values({
        code,
        name_zh: code,
        name_en: null,
        kind: 'other',
        province_code: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  const cli = { actor: systemActor('bench'), ip: null };
  const tokenFor = async (email: string, role: 'curator' | 'researcher') => {
    const account = await addUser(store, cli, {
      email,
      organisation: role === 'curator' ? 'XZ-ORG' : 'UNI',
      role,
      ...(role === 'curator' && { custodian: 'XZ' }),
    });
    const user = await store.db
      .selectFrom('app_user')
      .selectAll()
      .where('public_id', '=', account.id)
      .executeTakeFirstOrThrow();
    return (
      await createApiToken(store, { actor: await actorOf(store, user, 'token'), ip: null }, { name: 'bench' })
    ).token;
  };
  const curators = [];
  for (let i = 0; i < CURATORS; i++) curators.push(await tokenFor(`curator${i}@bench.test`, 'curator'));
  const users = [];
  for (let i = 0; i < USERS; i++) users.push(await tokenFor(`user${i}@bench.test`, 'researcher'));
  await createOffer(store, cli, {
    scope: 'collection',
    custodian: 'XZ',
    modes: ['public_loan'],
    audience: 'everyone',
    fee_kind: 'none',
  });
  const holes = (await store.db.selectFrom('borehole').select('public_id').orderBy('id').execute()).map(
    (h) => h.public_id,
  );
  return { store, curators, users, holes };
}

async function run(engine: string, target: StoreTarget): Promise<Figures> {
  process.stderr.write(`${engine}: setting up ${USERS} users and ${CURATORS} curators …\n`);
  const { store, curators, users, holes } = await setUp(target);
  const app = await buildApp({ store, config: { webDir: join(ROOT, 'no-web'), logLevel: 'silent' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const latencies = new Map<string, number[]>();
  let stepsOk = 0;
  let refusedDoubleLoans = 0;
  const call = async (token: string, label: string, path: string, body: unknown) => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id?: string; errors?: Array<{ rule?: string }> };
    latencies.set(label, [...(latencies.get(label) ?? []), performance.now() - started]);
    if (res.ok) stepsOk++;
    return { status: res.status, json };
  };
  const step = (token: string, id: string, action: string, extra: object = {}) =>
    call(token, action, `/api/requests/${id}/transitions`, { action, ...extra });
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const started = performance.now();
  // Each user: one request, walked by itself and a curator picked round-robin, steps interleaving across users.
  await Promise.all(
    users.map(async (token, i) => {
      const curator = curators[i % curators.length]!;
      // Users of one hole ask for 50 m windows 30 m apart: neighbours overlap, so approvals collide.
      const from = (Math.floor(i / holes.length) * 30) % 900;
      const created = await call(token, 'create', '/api/requests', {
        borehole: holes[i % holes.length],
        kind: 'loan',
        mode: 'public_loan',
        purpose: 'education',
        depth_from: from,
        depth_to: from + 50,
        title: `bench ${i}`,
      });
      const id = created.json.id;
      if (!id) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
      for (const [who, action] of [
        [token, 'submit'],
        [curator, 'start_review'],
        [curator, 'accept'],
        [token, 'sign'],
        [curator, 'sign'],
      ] as const) {
        const r = await step(who, id, action);
        if (r.status !== 200) throw new Error(`${action} answered ${r.status}: ${JSON.stringify(r.json)}`);
      }
      const fulfil = await step(curator, id, 'fulfil', { due_date: due });
      if (fulfil.status === 409 && fulfil.json.errors?.[0]?.rule === 'already_allocated')
        refusedDoubleLoans++;
      else if (fulfil.status !== 200)
        throw new Error(`fulfil answered ${fulfil.status}: ${JSON.stringify(fulfil.json)}`);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  // Overlapping live loans on one hole would be a double allocation.
  const loans = await store.db
    .selectFrom('core_allocation')
    .select(['borehole_id', 'depth_from', 'depth_to'])
    .where('kind', '=', 'loan')
    .where('released_at', 'is', null)
    .execute();
  let doubleAllocations = 0;
  for (const [i, a] of loans.entries())
    for (const b of loans.slice(i + 1))
      if (a.borehole_id === b.borehole_id && a.depth_from < b.depth_to && b.depth_from < a.depth_to)
        doubleAllocations++;
  const auditOk = Number(
    (
      await store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', 'like', 'request.%')
        .where('outcome', '=', 'ok')
        .executeTakeFirstOrThrow()
    ).n,
  );
  const chainIntact = (await verifyAuditChain(store)).ok;
  await store.close();
  const steps = [...latencies.values()].reduce((s, l) => s + l.length, 0);
  return {
    engine,
    seconds,
    steps,
    latencies,
    refusedDoubleLoans,
    doubleAllocations,
    auditOk,
    stepsOk,
    chainIntact,
  };
}

function report(all: Figures[]): string {
  const actions = ['create', 'submit', 'start_review', 'accept', 'sign', 'fulfil'];
  const lines = [
    `CoreShare sharing benchmark — ${USERS} concurrent users, ${CURATORS} curators, ${HOLES} boreholes; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    '',
    `| engine | steps | seconds | steps/s | ${actions.map((a) => `${a} p50/p95 ms`).join(' | ')} | double loans refused | double allocations | audit entries = successful steps | chain |`,
    `|---|---:|---:|---:|${actions.map(() => '---:').join('|')}|---:|---:|---|---|`,
  ];
  for (const f of all)
    lines.push(
      `| ${f.engine} | ${f.steps} | ${f.seconds.toFixed(1)} | ${(f.steps / f.seconds).toFixed(0)} | ${actions
        .map((a) => {
          const l = f.latencies.get(a) ?? [];
          return `${quantile(l, 0.5).toFixed(0)} / ${quantile(l, 0.95).toFixed(0)}`;
        })
        .join(
          ' | ',
        )} | ${f.refusedDoubleLoans} | ${f.doubleAllocations} | ${f.auditOk} = ${f.stepsOk} ${f.auditOk === f.stepsOk ? '✓' : '✗'} | ${f.chainIntact ? 'intact' : 'BROKEN'} |`,
    );
  if (all.length === 2) {
    const [s, p] = all as [Figures, Figures];
    lines.push(
      '',
      `throughput SQLite ÷ PostgreSQL: ${(s.steps / s.seconds / (p.steps / p.seconds)).toFixed(2)}×`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'coreshare-sharing-bench-'));
  const all: Figures[] = [];
  let cluster: Awaited<ReturnType<typeof startThrowawayPostgres>> | undefined;
  try {
    all.push(await run('SQLite', { engine: 'sqlite', file: join(work, 'bench.sqlite') }));
    if (!args['sqlite-only']) {
      cluster = await startThrowawayPostgres();
      if (typeof cluster === 'string') process.stderr.write(`PostgreSQL skipped: ${cluster}\n`);
      else {
        const client = new pg.Client({ connectionString: cluster.url });
        await client.connect();
        await client.query('CREATE DATABASE sharing_bench');
        await client.end();
        const url = new URL(cluster.url);
        url.pathname = '/sharing_bench';
        all.push(await run('PostgreSQL', { engine: 'postgres', url: url.toString(), poolSize: 10 }));
      }
    }
  } finally {
    if (cluster && typeof cluster !== 'string') await cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`\n${report(all)}\n`);
}

await main();
