// `npm run bench:import`: imports the demo collar and catalog CSVs (1,050,000 + 2,000,000 rows by
// default; `--boreholes 100000 --catalog 200000` for a quick check) into a fresh embedded store and,
// when PostgreSQL is at hand, into PostgreSQL; each import runs in its own child process so its peak
// RSS is the import's own. Then GDAL's ogr2ogr loads the same collar CSV (GeoPackage, PostGIS) for
// a yardstick, PostgreSQL loads the rows our imports stored once more with none of our work, for its
// own share of the time (`--no-share` skips it), the search index catches up with the imported
// records (`--no-index` skips it), and autocannon measures GET /api/boreholes against the server.
// Prints figures only; benchmarks never assert time.
import {
  execFileSync,
  spawn,
  spawnSync,
  type ExecFileSyncOptionsWithStringEncoding,
} from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type * as AppModule from '../src/api/app.js';
import type * as DemoModule from '../src/services/demo/demo.service.js';
import type * as ImportThreadModule from '../src/services/import/import-thread.js';
import type * as IndexerModule from '../src/services/search/search-indexer.service.js';
import type * as StoreModule from '../src/store/store.js';
import type { StoreTarget } from '../src/store/store.js';
import { deferredDefinitions, REBUILD_SETTINGS } from '../src/store/dialects/postgres/bulk.js';
import { startThrowawayPostgres } from '../test/support/postgres-cluster.js';
import { BENCH_DATASET, benchFiles, generateCsv, type BenchFiles } from './generate-csv.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(SELF, '../..');
const OGR2OGR = '/usr/bin/ogr2ogr';

type Step =
  | { step: 'prepare' }
  | { step: 'import'; kind: 'collars' | 'catalog'; path: string }
  | { step: 'index' }
  | { step: 'serve' };
interface Figure {
  what: string;
  engine: string;
  rows: number;
  seconds: number;
  rssMiB: number | null;
  ours?: number;
}

// ---- child side: one step per process ------------------------------------------------------------

/**
 * The server as `coreshare` runs it: the compiled modules in dist/server (main builds them first).
 * From the TypeScript source, an import's two worker threads would each compile their modules again
 * through tsx as they start, and the import would be timed with work no user's import does.
 */
async function compiledServer() {
  const load = (path: string) => import(pathToFileURL(join(ROOT, 'dist/server', path)).href);
  return {
    ...((await load('store/store.js')) as typeof StoreModule),
    ...((await load('api/app.js')) as typeof AppModule),
    ...((await load('services/demo/demo.service.js')) as typeof DemoModule),
    ...((await load('services/import/import-thread.js')) as typeof ImportThreadModule),
    ...((await load('services/search/search-indexer.service.js')) as typeof IndexerModule),
  };
}

async function runStep(target: StoreTarget, task: Step): Promise<void> {
  const { openStore, buildApp, loadDemo, importOnThread, updateSearchIndex } = await compiledServer();
  const store = openStore(target);
  if (task.step === 'serve') {
    const app = await buildApp({ store, config: { webDir: join(ROOT, 'no-web'), logLevel: 'silent' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.stdout.write(`${JSON.stringify({ port: (app.server.address() as { port: number }).port })}\n`);
    process.once('SIGTERM', () => void app.close().then(() => store.close()));
    return;
  }
  try {
    if (task.step === 'prepare') {
      await store.migrate();
      // Custodian and organisation codes the CSV rows refer to.
      await loadDemo(store, { boreholes: 0, catalog: 0 });
      process.stdout.write('{}\n');
      return;
    }
    if (task.step === 'index') {
      // What `coreshare import` does after it commits: the search index catches up with the rows.
      const started = performance.now();
      const reports = await updateSearchIndex(store);
      const seconds = (performance.now() - started) / 1000;
      const rows = reports.reduce((n, r) => n + r.docs, 0);
      const rssMiB = process.resourceUsage().maxRSS / 1024;
      process.stdout.write(`${JSON.stringify({ rows, seconds, rssMiB })}\n`);
      return;
    }
    // As `coreshare import` runs it: on an import thread with its own connection (decision 0008).
    const started = performance.now();
    const report = await importOnThread(store, {
      kind: task.kind,
      path: task.path,
      dataset: BENCH_DATASET,
      crs: 'EPSG:4326',
    });
    const seconds = (performance.now() - started) / 1000;
    const rssMiB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ rows: report.rowsRead, seconds, rssMiB })}\n`);
  } finally {
    await store.close();
  }
}

// ---- parent side -----------------------------------------------------------------------------------

type Measured = { rows: number; seconds: number; rssMiB: number };

function child(target: StoreTarget, task: Step): Measured {
  const args = ['--import', 'tsx', SELF, '--child', JSON.stringify({ target, task })];
  const opts: ExecFileSyncOptionsWithStringEncoding = {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  };
  return JSON.parse(execFileSync(process.execPath, args, opts).trim().split('\n').at(-1)!) as Measured;
}

/**
 * Each import, then, with `index`, the search index catching up with both (what `coreshare import`
 * does after each commit): timed apart, after both, so that the imports run as they always have.
 */
function importFigures(engine: string, target: StoreTarget, files: BenchFiles, index: boolean) {
  child(target, { step: 'prepare' });
  const imports = (['collars', 'catalog'] as const).map((kind): Figure => {
    const path = kind === 'collars' ? files.collars : files.catalog;
    const r = child(target, { step: 'import', kind, path });
    return { what: `import ${kind}`, engine, rows: r.rows, seconds: r.seconds, rssMiB: r.rssMiB };
  });
  if (!index) return { imports, indexing: [] };
  const i = child(target, { step: 'index' });
  const indexing: Figure[] = [
    { what: 'search index catch-up', engine, rows: i.rows, seconds: i.seconds, rssMiB: i.rssMiB },
  ];
  return { imports, indexing };
}

/** ogr2ogr under /usr/bin/time, which reports the peak RSS in KiB on its last stderr line. */
function ogr2ogr(engine: string, args: string[], rows: number, ours: number): Figure | string {
  if (!existsSync(OGR2OGR)) return `${OGR2OGR} not found (apt-get install gdal-bin)`;
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', OGR2OGR, ...args], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) return `ogr2ogr failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`;
  const kib = Number(r.stderr.trim().split('\n').at(-1));
  const rssMiB = Number.isFinite(kib) ? kib / 1024 : null;
  return { what: 'ogr2ogr collars', engine, rows, seconds, rssMiB, ours };
}

// The command from GDAL's CSV driver documentation: columns named lon/lat, one transaction per 65,536 rows.
const CSV_OPEN = '-oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -a_srs EPSG:4326 -gt 65536'.split(' ');

function pgConnection(url: string): string {
  const u = new URL(url);
  const password = u.password ? ` password=${decodeURIComponent(u.password)}` : '';
  return `PG:host=${u.hostname} port=${u.port || 5432} dbname=${u.pathname.slice(1)} user=${decodeURIComponent(u.username)}${password}`;
}

async function sql(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new empty database in the cluster; with PostGIS for ogr2ogr's table (ours migrates itself). */
async function freshDatabase(baseUrl: string, name: string, postgis = false): Promise<string> {
  await sql(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  if (postgis) await sql(url.toString(), 'CREATE EXTENSION IF NOT EXISTS postgis');
  return url.toString();
}

/** The tables each import fills, as our bulk session loads them (append mode into empty tables). */
const LOADED_TABLES = { collars: ['borehole', 'borehole_commodity'], catalog: ['catalog_record'] } as const;

/**
 * PostgreSQL's own share of our imports: the rows they stored, copied out (binary) and loaded into a
 * fresh database the way our bulk session loads them, with none of our work (reading, checking,
 * encoding, look-ups): secondary indexes and foreign keys dropped, COPY, indexes rebuilt and keys
 * checked with the session's memory settings, ANALYZE, COMMIT. Our time less this is what reading
 * and checking the file adds while the server waits.
 */
async function serverShare(
  stored: { url: string; seconds: Record<string, number> },
  baseUrl: string,
  work: string,
): Promise<Figure[]> {
  const source = new pg.Client({ connectionString: stored.url });
  await source.connect();
  const columns = new Map<string, string>();
  try {
    for (const table of Object.values(LOADED_TABLES).flat()) {
      const { rows } = await source.query<{ list: string }>(
        `SELECT string_agg(attname, ', ' ORDER BY attnum) AS list FROM pg_attribute
         WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
        [table],
      );
      columns.set(table, rows[0]!.list);
      const copy = source.query(copyTo(`COPY ${table} (${rows[0]!.list}) TO STDOUT (FORMAT binary)`));
      await pipeline(copy, createWriteStream(join(work, `${table}.copy`)));
    }
  } finally {
    await source.end();
  }
  const url = await freshDatabase(baseUrl, `cs_share_${Date.now().toString(36)}`);
  child({ engine: 'postgres', url }, { step: 'prepare' });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const figures: Figure[] = [];
  try {
    for (const [kind, tables] of Object.entries(LOADED_TABLES)) {
      const started = performance.now();
      await client.query('BEGIN');
      const query = <R extends pg.QueryResultRow>(text: string, params?: unknown[]) =>
        client.query<R>(text, params);
      const definitions = [];
      for (const table of tables) definitions.push(await deferredDefinitions(query, table));
      for (const statement of definitions.flatMap((d) => d.drop)) await client.query(statement);
      for (const table of tables) {
        const copy = client.query(
          copyFrom(`COPY ${table} (${columns.get(table)}) FROM STDIN (FORMAT binary)`),
        );
        await pipeline(createReadStream(join(work, `${table}.copy`)), copy);
      }
      const restore = [...definitions.flatMap((d) => d.indexes), ...definitions.flatMap((d) => d.keys)];
      for (const statement of [...REBUILD_SETTINGS, ...restore]) await client.query(statement);
      for (const table of tables) await client.query(`ANALYZE ${table}`);
      await client.query('COMMIT');
      const seconds = (performance.now() - started) / 1000;
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tables[0]}`);
      figures.push({
        what: `PostgreSQL's share of import ${kind}`,
        engine: 'postgres',
        rows: rows[0]!.n,
        seconds,
        rssMiB: null,
        ours: stored.seconds[kind],
      });
    }
  } finally {
    await client.end();
    for (const table of Object.values(LOADED_TABLES).flat())
      rmSync(join(work, `${table}.copy`), { force: true });
  }
  return figures;
}

type Result = { requests: { average: number }; non2xx: number };
type OnResponse = (client: unknown, status: number, bytes: number, ms: number) => void;
type Autocannon = (
  opts: object,
  done: (e: Error | null, r: Result) => void,
) => {
  on(event: 'response', listener: OnResponse): void;
};

/** Pages deep in the keyset: cursors collected by walking the list 1,000 rows at a time. */
async function boreholePaths(base: string): Promise<string[]> {
  const paths = [
    '/api/boreholes',
    '/api/boreholes?province=540000',
    '/api/boreholes?province=360000&limit=100',
  ];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const url: string = `${base}/api/boreholes?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    cursor = ((await (await fetch(url)).json()) as { next_cursor: string | null }).next_cursor;
    if (!cursor) break;
    paths.push(`/api/boreholes?cursor=${encodeURIComponent(cursor)}`);
  }
  return paths;
}

/**
 * GET /api/boreholes latency against the server in its own process (so the load generator does not
 * share its event loop): first pages, province-filtered pages and pages deep in the keyset.
 */
export async function httpFigures(target: StoreTarget, connections: number, seconds = 10) {
  const task = JSON.stringify({ target, task: { step: 'serve' } });
  const server = spawn(process.execPath, ['--import', 'tsx', SELF, '--child', task], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  try {
    const port = await new Promise<number>((done, fail) => {
      server.stdout.once('data', (b: Buffer) => done((JSON.parse(b.toString()) as { port: number }).port));
      void exited.then(() => fail(new Error('the API server exited before listening')));
    });
    const base = `http://127.0.0.1:${port}`;
    const requests = (await boreholePaths(base)).map((path) => ({ method: 'GET', path }));
    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    const ms: number[] = [];
    const result = await new Promise<Result>((done, fail) => {
      const run = autocannon({ url: base, connections, duration: seconds, requests }, (e, r) =>
        e ? fail(e) : done(r),
      );
      run.on('response', (_c, _s, _b, t) => ms.push(t));
    });
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;
    return { p50: at(0.5), p95: at(0.95), rps: result.requests.average, errors: result.non2xx };
  } finally {
    // Wait for it to close its pool, or stopping PostgreSQL next would kill its connections.
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  }
}

function table(figures: Figure[], http: string[], notes: string[]): string {
  const cpu = cpus();
  const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
  const f = (x: number, d = 0) =>
    x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const rows = figures.map((r) => {
    const ratio = r.ours === undefined ? '' : `${f(r.ours / r.seconds, 2)}×`;
    return `| ${r.what} | ${r.engine} | ${f(r.rows)} | ${f(r.seconds, 1)} | ${f(r.rows / r.seconds)} | ${r.rssMiB === null ? '' : f(r.rssMiB)} | ${ratio} |`;
  });
  return [
    `Machine: ${machine}`,
    '',
    '| step | engine | rows | seconds | rows/s | peak RSS MiB | our import ÷ this step |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
    ...(http.length
      ? [
          '',
          '| GET /api/boreholes | p50 ms | p95 ms | requests/s | non-2xx |',
          '|---|---:|---:|---:|---:|',
          ...http,
        ]
      : []),
    ...notes.map((n) => `\n> ${n}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      boreholes: { type: 'string', default: '1050000' },
      catalog: { type: 'string' },
      child: { type: 'string' },
      'no-http': { type: 'boolean', default: false },
      'no-index': { type: 'boolean', default: false },
      'no-share': { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    const { target, task } = JSON.parse(values.child) as { target: StoreTarget; task: Step };
    return runStep(target, task);
  }
  process.stderr.write('building the server (npm run build:server) …\n');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const boreholes = Number(values.boreholes);
  const catalog = values.catalog === undefined ? 2_000_000 : Number(values.catalog);
  const dir = join(ROOT, '.bench');
  let files = benchFiles(dir, boreholes, catalog);
  if (!existsSync(files.collars) || !existsSync(files.catalog)) {
    process.stderr.write(`generating ${boreholes} collars and ${catalog} catalog records in ${dir} …\n`);
    files = await generateCsv({ boreholes, catalog, dir });
  }
  const figures: Figure[] = [];
  const http: string[] = [];
  const notes: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'coreshare-bench-'));
  const engines: Array<[string, StoreTarget, string | null]> = [
    ['sqlite', { engine: 'sqlite', file: join(work, 'bench.sqlite') }, null],
  ];
  let cluster: Awaited<ReturnType<typeof startThrowawayPostgres>> | undefined;
  try {
    let baseUrl = process.env.CORESHARE_BENCH_DATABASE_URL;
    if (!baseUrl) {
      cluster = await startThrowawayPostgres();
      if (typeof cluster === 'string') notes.push(`PostgreSQL skipped: ${cluster}`);
      else baseUrl = cluster.url;
    }
    if (baseUrl) {
      const stamp = Date.now().toString(36);
      engines.push([
        'postgres',
        { engine: 'postgres', url: await freshDatabase(baseUrl, `cs_bench_${stamp}`) },
        await freshDatabase(baseUrl, `cs_ogr_${stamp}`, true),
      ]);
    }
    for (const [engine, target, ogrUrl] of engines) {
      process.stderr.write(`${engine}: importing …\n`);
      const { imports: ours, indexing } = importFigures(engine, target, files, !values['no-index']);
      figures.push(...ours);
      const args = ogrUrl
        ? ['-f', 'PostgreSQL', pgConnection(ogrUrl), files.collars, '-nln', 'ogr_collars', ...CSV_OPEN]
        : ['-f', 'GPKG', join(work, 'collars.gpkg'), files.collars, ...CSV_OPEN];
      const ogr = ogr2ogr(
        engine === 'sqlite' ? 'GeoPackage' : 'PostGIS',
        args,
        ours[0]!.rows,
        ours[0]!.seconds,
      );
      if (typeof ogr === 'string') notes.push(ogr);
      else figures.push(ogr);
      if (engine === 'postgres' && baseUrl && !values['no-share']) {
        process.stderr.write(`postgres: loading the stored rows again, server only …\n`);
        const seconds = { collars: ours[0]!.seconds, catalog: ours[1]!.seconds };
        const url = (target as { url: string }).url;
        figures.push(...(await serverShare({ url, seconds }, baseUrl, work)));
      }
      figures.push(...indexing);
      if (!values['no-http']) {
        // One client shows a user's latency; ten show it under load on the same two cores.
        for (const connections of [1, 10]) {
          const h = await httpFigures(target, connections);
          const row = [
            `${engine}, ${boreholes.toLocaleString('en-US')} boreholes, ${connections} connection${connections > 1 ? 's' : ''}`,
            h.p50.toFixed(1),
            h.p95.toFixed(1),
          ];
          http.push(`| ${[...row, Math.round(h.rps), h.errors].join(' | ')} |`);
        }
      }
    }
  } finally {
    if (cluster && typeof cluster !== 'string') await cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`\n${table(figures, http, notes)}\n`);
}

await main();
