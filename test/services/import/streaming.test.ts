// A large generated file goes through in constant memory: the reader, the per-hole buffers and the
// batches never hold more than a chunk. Embedded engine only: the streaming path is the same on both,
// and the PostgreSQL writer sends the same batches.
import { createWriteStream, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/services/import/import.service.js';
import { ImportError } from '../../../src/services/import/import.types.js';
import { openStore } from '../../../src/store/store.js';
import { count, tempDir } from './import-helpers.js';

// Live heap = heap after a full collection; the flag can be set at run time for this one function.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const HOLES = 2_500;
const INTERVALS_PER_HOLE = 100;
const DESCRIPTION = '灰白色中粗粒花岗岩，块状构造，局部见黄铁矿化及绿泥石化蚀变，岩芯较完整，采取率高'
  .repeat(2)
  .slice(0, 52);

async function generate(dir: string): Promise<{ collars: string; intervals: string }> {
  const collars = join(dir, 'collars.csv');
  const intervals = join(dir, 'intervals.csv');
  const c = createWriteStream(collars);
  c.write('hole_id,lon,lat,total_depth\n');
  for (let h = 0; h < HOLES; h++)
    c.write(`ZK${h},${90 + h / 1000},${30 + h / 2000},${INTERVALS_PER_HOLE * 2}\n`);
  c.end();
  const collarsWritten = once(c, 'finish');
  const out = createWriteStream(intervals);
  out.write('hole_id,from,to,lith,description\n');
  for (let h = 0; h < HOLES; h++) {
    const lines: string[] = [];
    for (let i = 0; i < INTERVALS_PER_HOLE; i++)
      lines.push(`ZK${h},${i * 2},${i * 2 + 2},GR${i % 7},"${DESCRIPTION} ${h}-${i}"\n`);
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await Promise.all([collarsWritten, once(out, 'finish')]);
  return { collars, intervals };
}

describe('streaming import', () => {
  const store = openStore({ engine: 'sqlite', file: join(tempDir(), 'streaming.sqlite') });
  afterAll(() => store.close());

  it('imports a ~50 MB interval file with flat memory', async () => {
    await store.migrate();
    const { collars, intervals } = await generate(tempDir());
    const size = statSync(intervals).size;
    expect(size).toBeGreaterThan(45e6);
    await importFile(store, { kind: 'collars', path: collars });
    collectGarbage();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakLive = base.heapUsed;
    let calls = 0;
    const report = await importFile(store, { kind: 'intervals', path: intervals }, () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (++calls % 8 === 0) {
        collectGarbage();
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      }
    });
    expect(report).toMatchObject({
      rowsRead: HOLES * INTERVALS_PER_HOLE,
      written: HOLES * INTERVALS_PER_HOLE,
    });
    expect(await count(store, 'lithology')).toBe(HOLES * INTERVALS_PER_HOLE);
    const mb = (n: number) => Math.round(n / 1e6);
    process.stderr.write(
      `streaming: ${mb(size)} MB file, ${report.rowsPerSecond} rows/s, live heap +${mb(peakLive - base.heapUsed)} MB, ` +
        `RSS +${mb(peakRss - base.rss)} MB (with SQLite's 64 MiB page cache and uncollected garbage)\n`,
    );
    // Held in memory the file alone would take ~2× its size as UTF-16 strings, plus objects per row.
    // What streaming holds is one 64 KiB chunk decoded with its rows and one 5,000-row batch: a few MB
    // whatever the file's size (the 2 GiB test below holds as little).
    expect(peakLive - base.heapUsed).toBeLessThan(size / 3);
    expect(peakRss - base.rss).toBeLessThan(300e6);
  }, 60_000);

  // The reader's values of 13 characters and more are views of a decoded chunk; the hole ids an
  // importer keeps for the whole file (surveys' and intervals' per-hole state) must be copies, or
  // every chunk of the file stays in memory with them.
  for (const kind of ['surveys', 'intervals'] as const)
    it(`keeps no chunk alive through the hole ids the ${kind} import remembers`, async () => {
      await store.migrate();
      const dir = tempDir();
      const holes = 10_000;
      const dataset = `chunks-${kind}`;
      const id = (h: number) => `KQ-520000-${String(h).padStart(6, '0')}-ZK0001`;
      const collars = join(dir, 'collars.csv');
      const collarLines = ['hole_id,lon,lat,total_depth'];
      for (let h = 0; h < holes; h++) collarLines.push(`${id(h)},${90 + h / 1e4},30,100`);
      writeFileSync(collars, collarLines.join('\n'));
      await importFile(store, { kind: 'collars', path: collars, dataset });
      // An ignored column makes each row ~6 KB: a 64 KiB chunk holds ~10 of them.
      const note = '岩芯'.repeat(1000);
      const rows = join(dir, `${kind}.csv`);
      const out = createWriteStream(rows);
      out.write(kind === 'surveys' ? 'hole_id,depth,azimuth,dip,note\n' : 'hole_id,from,to,note\n');
      for (let h = 0; h < holes; h++) {
        const line = kind === 'surveys' ? `${id(h)},10,45,-60,${note}\n` : `${id(h)},0,10,${note}\n`;
        if (!out.write(line)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      const size = statSync(rows).size;
      collectGarbage();
      const base = process.memoryUsage().heapUsed;
      let peakLive = base;
      let calls = 0;
      // Batches of 200 rows: what a batch holds (a chunk or two) stays small beside the file.
      const options = { kind, path: rows, dataset, batchSize: 200 };
      const report = await importFile(store, options, () => {
        if (++calls % 8 === 0) {
          collectGarbage();
          peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
        }
      });
      expect(report.written).toBe(holes);
      // Every chunk kept would be ~2/3 of the file (UTF-16 strings of 3-byte characters).
      expect(size).toBeGreaterThan(55e6);
      expect(peakLive - base).toBeLessThan(size / 6);
    }, 60_000);

  // A 2 GiB catalog (the size the issue names) whose third line is bad: the whole file is read and
  // checked in flat memory, the error names line and field, and what was stored before is kept.
  it('reads a 2 GiB file in flat memory and rolls it back for one bad row', async () => {
    await store.migrate();
    const dir = tempDir();
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'record_no,title_zh,material_type\nKEEP-1,保留的记录,岩芯\n');
    await importFile(store, { kind: 'catalog', path: small });
    const big = join(dir, 'big.csv');
    const description = '岩芯完整，灰白色中粗粒花岗岩，块状构造，局部见黄铁矿化及绿泥石化蚀变'.repeat(80);
    const out = createWriteStream(big, { highWaterMark: 1 << 22 });
    out.write('record_no,title_zh,material_type,year,description\n');
    let bytes = 0;
    for (let i = 0; bytes < 2 ** 31; i++) {
      const year = i === 1 ? '19x5' : String(1960 + (i % 60));
      const line = `BIG-${i},钻孔岩芯 ${i},岩芯,${year},${description}\n`;
      bytes += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const size = statSync(big).size;
    expect(size).toBeGreaterThanOrEqual(2 ** 31);
    collectGarbage();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakLive = base.heapUsed;
    let calls = 0;
    const started = performance.now();
    const error = await importFile(store, { kind: 'catalog', path: big }, () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (++calls % 256 === 0) {
        collectGarbage();
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      }
    }).catch((e: unknown) => e);
    rmSync(big);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems).toEqual([
      expect.objectContaining({ file: big, line: 3, field: 'year' }),
    ]);
    expect(await count(store, 'catalog_record')).toBe(1);
    process.stderr.write(
      `streaming: ${(size / 2 ** 30).toFixed(2)} GiB checked in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `live heap +${Math.round((peakLive - base.heapUsed) / 1e6)} MB, RSS +${Math.round((peakRss - base.rss) / 1e6)} MB\n`,
    );
    // RSS also holds garbage not yet collected; the live heap is what the import keeps: one chunk
    // and one batch (5,000 rows of ~8 KB here = 40 MB), whatever the file's size.
    expect(peakLive - base.heapUsed).toBeLessThan(100e6);
    expect(peakRss - base.rss).toBeLessThan(600e6);
  }, 300_000);
});
