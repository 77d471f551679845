// `npm run bench:search`: loads the benchmark dataset (1,050,000 boreholes + 2,000,000 catalog
// records by default; `--boreholes 100000 --catalog 200000` for a quick check) into SQLite and,
// when PostgreSQL is at hand, into PostgreSQL, and builds the full-text index (time and size on
// disk), in a child process; then starts the server in its own process, as `coreshare serve` would
// run (it builds the search columns: time and memory), and runs the committed query set
// (bench/search-queries.json) through HTTP against it, one request at a time, each query three
// times (`--rounds`): a results page, then the same with every facet counted, and a whole-China
// cluster view. Prints p50/p95 per query class and the SQLite ÷ PostgreSQL ratio.
// Figures only; benchmarks never assert time.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { loadDemo } from '../src/services/demo/demo.service.js';
import { importFile } from '../src/services/import/import.service.js';
import { updateSearchIndex } from '../src/services/search/search-indexer.service.js';
import { searchColumns } from '../src/services/search/search-columns.js';
import { openStore, type StoreTarget } from '../src/store/store.js';
import { tuneCollectorForServing } from '../src/cli/serving-process.js';
import { startThrowawayPostgres } from '../test/support/postgres-cluster.js';
import { BENCH_DATASET, benchFiles, generateCsv } from './generate-csv.js';
import type { BenchQuery } from './search-queries.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(SELF, '../..');
const QUERIES = JSON.parse(readFileSync(join(ROOT, 'bench/search-queries.json'), 'utf8')) as BenchQuery[];
const SHARED_BUFFERS = `${Math.max(1, Math.floor(totalmem() / 4 / 2 ** 30))}GB`;
const CHINA_CLUSTERS = '/api/map/clusters?bbox=73,18,135,54&zoom=4';

interface EngineFigures {
  engine: string;
  indexSeconds: number;
  indexMiB: number;
  columnsSeconds: number;
  columnsMiB: number;
  docs: number;
  /** class → latencies (ms) of result pages and of pages with every facet. */
  page: Map<string, number[]>;
  facets: Map<string, number[]>;
  clusters: number[];
}

function quantile(ms: number[], q: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** A request's time at the client, and the server's own (its Server-Timing `app;dur`), in ms. */
async function timed(url: string): Promise<{ client: number; server: number }> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  const client = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const server = Number(/app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
  return { client, server };
}

interface LoadFigures {
  indexSeconds: number;
  bytes: number;
  docs: number;
}

/**
 * The child process of a load: imports the CSVs and builds the word index, then prints its figures
 * as one JSON line. Loading in a process of its own leaves the measuring process small: the
 * garbage of three million imported rows would otherwise be collected under the measurement.
 */
async function loadStore(target: StoreTarget, files: { collars: string; catalog: string }): Promise<void> {
  const store = openStore(target);
  try {
    await store.migrate();
    await loadDemo(store, { boreholes: 0, catalog: 0 });
    for (const [kind, path] of [
      ['collars', files.collars],
      ['catalog', files.catalog],
    ] as const) {
      const r = await importFile(store, { kind, path, dataset: BENCH_DATASET, crs: 'EPSG:4326' });
      process.stderr.write(
        `  ${kind}: ${r.rowsRead.toLocaleString('en-US')} rows in ${r.seconds.toFixed(1)} s\n`,
      );
    }
    const started = performance.now();
    const reports = await updateSearchIndex(store);
    const indexSeconds = (performance.now() - started) / 1000;
    const bytes = (await store.search.size('borehole')) + (await store.search.size('catalog_record'));
    const docs = reports.reduce((s, r) => s + r.docs, 0);
    process.stderr.write(`  search index: ${docs} records in ${indexSeconds.toFixed(1)} s\n`);
    process.stdout.write(`${JSON.stringify({ indexSeconds, bytes, docs } satisfies LoadFigures)}\n`);
  } finally {
    await store.close();
  }
}

async function measure(
  engine: string,
  target: StoreTarget,
  files: { collars: string; catalog: string },
  rounds: number,
) {
  process.stderr.write(`${engine}: loading …\n`);
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', SELF, '--load', JSON.stringify({ target, files })],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  const { indexSeconds, bytes, docs } = JSON.parse(output.trim().split('\n').at(-1)!) as LoadFigures;
  // The load behind us must not run under the measurement: the gigabytes just written still being
  // flushed by the kernel.
  if (target.engine === 'postgres') {
    // PostgreSQL's share of it: the pages the index build dirtied, written out by a checkpoint now
    // rather than by the checkpointer during the measurement, as a store in service long has.
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query('CHECKPOINT');
    await client.end();
  }
  execFileSync('sync');
  (globalThis as { gc?: () => void }).gc?.();
  const server = await startServer(target);
  try {
    process.stderr.write(
      `  search columns: ${server.columnsSeconds.toFixed(1)} s, ${server.columnsMiB.toFixed(0)} MiB\n`,
    );
    const base = `http://127.0.0.1:${server.port}`;
    const figures: EngineFigures = {
      engine,
      indexSeconds,
      indexMiB: bytes / 2 ** 20,
      columnsSeconds: server.columnsSeconds,
      columnsMiB: server.columnsMiB,
      docs,
      page: new Map(),
      facets: new Map(),
      clusters: [],
    };
    for (const q of QUERIES.slice(0, 10)) await timed(urlOf(base, q, false));
    // Every query is asked `rounds` times, and each round starts with no word matches remembered:
    // every request reads its words afresh, and one stall of the shared cores weighs on one sample
    // of a query, not on the query.
    for (const [facets, into] of [
      [false, figures.page],
      [true, figures.facets],
    ] as const) {
      // class → every request's times and query.
      const samples = new Map<string, Array<{ client: number; server: number; query: string }>>();
      for (let round = 0; round < rounds; round++) {
        await server.forgetWords();
        for (const q of QUERIES) {
          const list = samples.get(q.class) ?? [];
          samples.set(q.class, list);
          list.push({ ...(await timed(urlOf(base, q, facets))), query: describe(q) });
        }
      }
      for (const [cls, list] of samples)
        into.set(
          cls,
          list.map((s) => s.client),
        );
      // Where a class's p95 comes from (stderr, not the table): the server's own p95 beside the
      // client's, and the three slowest requests with the server's share of each.
      for (const [cls, list] of samples) {
        const top = [...list].sort((a, b) => b.client - a.client).slice(0, 3);
        const serverP95 = quantile(
          list.map((s) => s.server),
          0.95,
        );
        process.stderr.write(
          `  ${engine} ${facets ? 'facets' : 'page'} ${cls}: server p95 ${serverP95.toFixed(1)} ms; slowest ${top.map((s) => `${s.client.toFixed(1)} (server ${s.server.toFixed(1)}) ms ${s.query}`).join(' | ')}\n`,
        );
      }
    }
    for (let i = 0; i < 20; i++) figures.clusters.push((await timed(`${base}${CHINA_CLUSTERS}`)).client);
    return figures;
  } finally {
    await server.stop();
  }
}

function describe(q: BenchQuery): string {
  const parts = [
    q.q && JSON.stringify(q.q),
    q.bbox && 'bbox',
    q.polygon && 'polygon',
    q.near && `near ${q.near}`,
  ];
  return parts.filter(Boolean).join(' ');
}

// ---- the server, in its own process ----------------------------------------------------------------

interface ServerFigures {
  port: number;
  columnsSeconds: number;
  columnsMiB: number;
}

/**
 * Runs the API server in a child process, so the load generator's own work does not share the
 * server's event loop and heap. It builds the search columns (timed) and the cluster index before
 * it listens; a line `forget` on its stdin drops the remembered word matches.
 */
async function startServer(target: StoreTarget) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', SELF, '--serve', JSON.stringify(target)],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await Promise.race([lines.next(), exited.then(() => undefined)]);
    if (!line || line.done) throw new Error('the search server exited');
    return JSON.parse(line.value) as unknown;
  };
  const ready = (await next()) as ServerFigures;
  return {
    ...ready,
    forgetWords: async () => {
      child.stdin.write('forget\n');
      await next();
    },
    stop: async () => {
      // Wait for it to close its pool, or stopping PostgreSQL next would kill its connections.
      child.stdin.end();
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
      child.kill('SIGKILL');
    },
  };
}

async function serve(target: StoreTarget): Promise<void> {
  tuneCollectorForServing();
  const store = openStore(target);
  const heldBefore = held();
  const started = performance.now();
  await searchColumns(store).ready();
  const columnsSeconds = (performance.now() - started) / 1000;
  const columnsMiB = (held() - heldBefore) / 2 ** 20;
  const app = await buildApp({ store, config: { webDir: join(ROOT, 'no-web'), logLevel: 'silent' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // Warm-up: the cluster index builds in the background; caches fill.
  await app.clusters.refresh();
  const port = (app.server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ port, columnsSeconds, columnsMiB } satisfies ServerFigures)}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'forget') searchColumns(store).forgetWords();
    process.stdout.write('{}\n');
  }
  await app.close();
  await store.close();
}

/** Memory the process holds in JavaScript objects and typed arrays (after a collection when allowed). */
function held(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function urlOf(base: string, q: BenchQuery, facets: boolean): string {
  const params = new URLSearchParams({ limit: '50' });
  if (q.q) params.set('q', q.q);
  if (q.bbox) params.set('bbox', q.bbox);
  if (q.polygon) params.set('polygon', q.polygon);
  if (q.near) params.set('near', q.near);
  if (facets) params.set('facets', 'all');
  return `${base}/api/search?${params}`;
}

function report(all: EngineFigures[], rounds: number): string {
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const cpu = cpus();
  const lines = [
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${QUERIES.length} queries × ${rounds} rounds (words read afresh each round), one request at a time; PostgreSQL shared_buffers ${SHARED_BUFFERS}`,
    '',
    '| engine | records indexed | index build s | index size MiB | search columns build s | columns MiB | China clusters p95 ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...all.map(
      (e) =>
        `| ${e.engine} | ${e.docs.toLocaleString('en-US')} | ${f(e.indexSeconds)} | ${f(e.indexMiB)} | ${f(e.columnsSeconds)} | ${f(e.columnsMiB, 0)} | ${f(quantile(e.clusters, 0.95))} |`,
    ),
    '',
    `| query class | ${all.map((e) => `${e.engine} page p50 / p95 ms | ${e.engine} with facets p95 ms`).join(' | ')}${all.length > 1 ? ' | SQLite ÷ PostgreSQL (page p95) |' : ' |'}`,
    `|---|${all.map(() => '---:|---:').join('|')}${all.length > 1 ? '|---:|' : '|'}`,
  ];
  for (const cls of [...new Set(QUERIES.map((q) => q.class))]) {
    const cells = all.map((e) => {
      const page = e.page.get(cls) ?? [];
      return `${f(quantile(page, 0.5))} / ${f(quantile(page, 0.95))} | ${f(quantile(e.facets.get(cls) ?? [], 0.95))}`;
    });
    const ratio =
      all.length > 1
        ? ` | ${f(quantile(all[0]!.page.get(cls) ?? [], 0.95) / quantile(all[1]!.page.get(cls) ?? [], 0.95), 2)}×`
        : '';
    lines.push(`| ${cls} | ${cells.join(' | ')}${ratio} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      boreholes: { type: 'string', default: '1050000' },
      catalog: { type: 'string' },
      'sqlite-only': { type: 'boolean', default: false },
      rounds: { type: 'string', default: '3' },
      serve: { type: 'string' },
      load: { type: 'string' },
    },
  });
  if (values.serve !== undefined) return serve(JSON.parse(values.serve) as StoreTarget);
  if (values.load !== undefined) {
    const { target, files } = JSON.parse(values.load) as {
      target: StoreTarget;
      files: { collars: string; catalog: string };
    };
    return loadStore(target, files);
  }
  const boreholes = Number(values.boreholes);
  const rounds = Math.max(1, Number(values.rounds));
  const catalog = values.catalog === undefined ? 2_000_000 : Number(values.catalog);
  const dir = join(ROOT, '.bench');
  let files = benchFiles(dir, boreholes, catalog);
  if (!existsSync(files.collars) || !existsSync(files.catalog))
    files = await generateCsv({ boreholes, catalog, dir });
  const work = mkdtempSync(join(tmpdir(), 'coreshare-search-bench-'));
  const all: EngineFigures[] = [];
  let cluster: Awaited<ReturnType<typeof startThrowawayPostgres>> | undefined;
  try {
    all.push(await measure('SQLite', { engine: 'sqlite', file: join(work, 'bench.sqlite') }, files, rounds));
    if (!values['sqlite-only']) {
      // Sized as a deployment would be (a quarter of the memory, PostgreSQL's own guidance; README,
      // "PostgreSQL deployment"): with the default 128 MB every search reads the word table's
      // pages into shared buffers anew (喷流 AND 沉积: 256 ms cold, 30 ms with its pages held).
      cluster = await startThrowawayPostgres({ shared_buffers: SHARED_BUFFERS });
      if (typeof cluster === 'string') process.stderr.write(`PostgreSQL skipped: ${cluster}\n`);
      else {
        const client = new pg.Client({ connectionString: cluster.url });
        await client.connect();
        await client.query('CREATE DATABASE search_bench');
        await client.end();
        const url = new URL(cluster.url);
        url.pathname = '/search_bench';
        all.push(await measure('PostgreSQL', { engine: 'postgres', url: url.toString() }, files, rounds));
      }
    }
  } finally {
    if (cluster && typeof cluster !== 'string') await cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`\n${report(all, rounds)}\n`);
}

await main();
