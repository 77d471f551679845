// The whole national dataset as a stream of chunks: one deposit at a time, so memory stays flat
// from 300 boreholes to 1,050,000. Famous deposits are mixed in (every third deposit while any are
// left) between generated long-tail mining areas; catalog records follow their deposit's holes.
import { FAMOUS_DEPOSITS } from '../../domain/china.js';
import { CatalogNumbering, depositCatalog, regionalCatalog } from './catalog.generator.js';
import { famousOrder, planDeposit } from './deposit.generator.js';
import {
  DEFAULT_DETAILED_HOLES,
  DEFAULT_SEED,
  type DemoChunk,
  type DemoOptions,
  type DemoParties,
  type DemoPlan,
} from './demo.types.js';
import { depositHoles } from './hole.generator.js';
import { InvalidInputError } from '../errors.js';
import { hashString } from './random.util.js';

const REGIONAL_BATCH = 5000;

function count(value: number | undefined, fallback: number, what: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidInputError(`${what} must be a whole number ≥ 0 (got ${n})`);
  return n;
}

/** Fills in the defaults documented on DemoOptions and checks the numbers. */
export function resolvePlan(options: DemoOptions): DemoPlan {
  const boreholes = count(options.boreholes, 0, 'boreholes');
  const catalog = count(options.catalog, boreholes * 2, 'catalog');
  const raw = options.seed ?? DEFAULT_SEED;
  const seed = typeof raw === 'number' && Number.isInteger(raw) ? raw >>> 0 : hashString(String(raw));
  const detail =
    options.detail ?? (boreholes <= DEFAULT_DETAILED_HOLES ? 1 : DEFAULT_DETAILED_HOLES / boreholes);
  if (!(detail >= 0 && detail <= 1))
    throw new InvalidInputError(`detail must be between 0 and 1 (got ${detail})`);
  return { boreholes, catalog, seed, detail };
}

/**
 * Yields chunks of about `chunkHoles` boreholes (whole deposits) with their catalog records, then
 * any catalog records beyond the boreholes' share in chunks of 5,000.
 */
export function* demoStream(plan: DemoPlan, parties: DemoParties, chunkHoles = 2000): Generator<DemoChunk> {
  const famous = famousOrder(plan.seed, FAMOUS_DEPOSITS);
  const numbering = new CatalogNumbering();
  let holesDone = 0;
  let catalogDone = 0;
  let nextFamous = 0;
  let chunk: DemoChunk = { holes: [], catalog: [] };
  for (let index = 0; holesDone < plan.boreholes; index++) {
    const useFamous = index % 3 === 0 && nextFamous < famous.length;
    const deposit = planDeposit(
      plan.seed,
      index,
      useFamous ? famous[nextFamous++] : undefined,
      parties,
      plan.boreholes - holesDone,
    );
    const holes = depositHoles(deposit, plan);
    if (!holes.length) throw new Error(`deposit ${deposit.dataset} came out without holes`);
    holesDone += holes.length;
    // Catalog records keep pace with the boreholes so every chunk carries its share.
    const target = Math.floor((plan.catalog * holesDone) / plan.boreholes);
    const records = depositCatalog(plan.seed, deposit, holes, target - catalogDone, numbering);
    catalogDone += records.length;
    chunk.holes.push(...holes);
    chunk.catalog.push(...records);
    if (chunk.holes.length >= chunkHoles) {
      yield chunk;
      chunk = { holes: [], catalog: [] };
    }
  }
  for (let batch = 0; catalogDone < plan.catalog; batch++) {
    const n = Math.min(REGIONAL_BATCH, plan.catalog - catalogDone);
    chunk.catalog.push(...regionalCatalog(plan.seed, batch, n, numbering));
    catalogDone += n;
    if (chunk.catalog.length >= REGIONAL_BATCH) {
      yield chunk;
      chunk = { holes: [], catalog: [] };
    }
  }
  if (chunk.holes.length || chunk.catalog.length) yield chunk;
}
