// Writes the benchmark's input files from the demo generator: a collar CSV (1,050,000 boreholes by
// default, as on the national platform) and a catalog CSV (2,000,000 records), WGS84, with English
// headers the importer recognises. Usage: node --import tsx bench/generate-csv.ts [--boreholes N]
// [--catalog N] [--seed S] [--out DIR]. Files go to .bench/ (gitignored), named by their size.
import { createWriteStream, mkdirSync, renameSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { demoStream, resolvePlan } from '../src/services/demo/national.generator.js';
import { demoParties } from '../src/services/demo/parties.generator.js';

export const BENCH_DATASET = 'bench';

export interface BenchFiles {
  collars: string;
  catalog: string;
}

export function benchFiles(dir: string, boreholes: number, catalog: number): BenchFiles {
  return {
    collars: join(dir, `collars-${boreholes}.csv`),
    catalog: join(dir, `catalog-${catalog}-${boreholes}.csv`),
  };
}

// prettier-ignore
const COLLAR_HEADER = [
  'hole_id', 'name', 'lon', 'lat', 'elevation', 'total_depth', 'project', 'deposit', 'province', 'county',
  'commodity', 'class', 'custodian', 'depositor', 'funding', 'purpose', 'drill_start', 'drill_end',
  'deposit_type', 'tectonic_unit', 'metallogenic_belt', 'confidentiality', 'core_length', 'recovery',
];
const CATALOG_HEADER = [
  'record_no',
  'title_zh',
  'title_en',
  'material_type',
  'hole_id',
  'custodian',
  'year',
  'quantity',
  'unit',
  'province',
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (values: unknown[]) => values.map(cell).join(',') + '\n';

/** Writes with back-pressure so a million rows never sit in memory at once. */
function writer(path: string): { write(text: string): Promise<void>; close(): Promise<void> } {
  const stream: WriteStream = createWriteStream(path);
  return {
    write: (text) =>
      stream.write(text) ? Promise.resolve() : new Promise((done) => stream.once('drain', () => done())),
    close: () =>
      new Promise((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done()))),
  };
}

/**
 * Generates both files (to temporary names, renamed when complete, so an interrupted run never
 * leaves a file that looks finished). A hole id is unique in one file: deposit code + ZK number.
 */
export async function generateCsv(options: {
  boreholes: number;
  catalog: number;
  seed?: number;
  dir: string;
}): Promise<BenchFiles> {
  mkdirSync(options.dir, { recursive: true });
  const files = benchFiles(options.dir, options.boreholes, options.catalog);
  // Detail rows are not part of these files, so none are generated.
  const plan = resolvePlan({
    boreholes: options.boreholes,
    catalog: options.catalog,
    seed: options.seed,
    detail: 0,
  });
  const collars = writer(`${files.collars}.part`);
  const catalog = writer(`${files.catalog}.part`);
  await collars.write(line(COLLAR_HEADER));
  await catalog.write(line(CATALOG_HEADER));
  for (const chunk of demoStream(plan, demoParties(plan.seed))) {
    let text = '';
    for (const h of chunk.holes) {
      const r = h.row;
      // prettier-ignore
      text += line([
        `${String(r.dataset)}-${String(r.hole_id)}`, r.name, r.lon, r.lat, r.collar_elev, r.total_depth, r.project,
        r.deposit_name, r.province_code, r.county, h.commodities.join(';'), r.core_class, h.custodianCode,
        h.depositorCode, r.funding_source, r.purpose, r.drill_start, r.drill_end, r.deposit_type, r.tectonic_unit,
        r.metallogenic_belt, r.confidentiality, r.core_length, r.recovery,
      ]);
    }
    await collars.write(text);
    text = '';
    for (const c of chunk.catalog) {
      const r = c.row;
      const hole = c.dataset ? `${c.dataset}-${String(c.holeId)}` : null;
      text += line([
        r.record_no,
        r.title_zh,
        r.title_en,
        r.material_type,
        hole,
        c.custodianCode,
        r.year,
        r.quantity,
        r.unit,
        r.province_code,
      ]);
    }
    await catalog.write(text);
  }
  await collars.close();
  await catalog.close();
  renameSync(`${files.collars}.part`, files.collars);
  renameSync(`${files.catalog}.part`, files.catalog);
  return files;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      boreholes: { type: 'string', default: '1050000' },
      catalog: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', default: '.bench' },
    },
  });
  const boreholes = Number(values.boreholes);
  const catalog = values.catalog === undefined ? 2_000_000 : Number(values.catalog);
  const started = performance.now();
  const files = await generateCsv({
    boreholes,
    catalog,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    dir: resolve(values.out),
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`wrote ${files.collars} and ${files.catalog} in ${seconds.toFixed(1)} s\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
