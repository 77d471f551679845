// Loads the generated national demo dataset into a store: custodians, organisations and one account
// per role first, then chunk by chunk (whole deposits) the boreholes with ids resolved by natural
// key, their commodities, detail rows and catalog records. One transaction per chunk keeps SQLite's
// dirty pages within its cache (one huge transaction spills them and ran ~50% slower) and memory
// flat; every row is an upsert on its natural key, so a second load, or one resumed after an
// interruption, updates the same rows instead of adding new ones.
import type { BulkRow, BulkSession, BulkTable } from '../../store/bulk.js';
import type { Store } from '../../store/store.js';
import { holdingsRepository } from '../../store/repositories/holdings.repository.js';
import type { DemoChunk, DemoOptions } from './demo.types.js';
import { holeDetail } from './downhole.generator.js';
import { demoStream, resolvePlan } from './national.generator.js';
import { demoParties } from './parties.generator.js';
import { addDemoAccounts } from './demo-accounts.service.js';
import { addDemoOffers } from './demo-offers.service.js';
import { recordAuditAlone } from '../audit.service.js';
import { systemActor } from '../../domain/accounts/access.js';

/**
 * Boreholes per transaction: about 150,000 rows, large enough to amortise each commit's writes of
 * the pages it touched in the random-order public-id indexes, small enough for the dirty pages to
 * fit SQLite's page cache (default 20,000 with full detail: 1,000 holes a chunk ran ~20% faster
 * than 2,000). With thinned detail a chunk takes more holes, up to 10,000 (1,050,000 boreholes:
 * 1,000 a chunk → 324 s; 10,000 → 166 s, 600 MiB RSS; 20,000 → 147 s but 730 MiB).
 */
function chunkHoles(detail: number): number {
  return Math.round(Math.min(10_000, Math.max(1000, 1000 / Math.max(detail, 0.1))));
}

export interface DemoReport {
  custodians: number;
  organisations: number;
  boreholes: number;
  lithology: number;
  surveys: number;
  boxes: number;
  samples: number;
  catalog: number;
  seconds: number;
}

/** Boreholes plus catalog records written so far, out of the total planned. */
export interface DemoProgress {
  done: number;
  total: number;
}

/** Batches rows per table and writes them 5,000 at a time (one UNNEST round trip on PostgreSQL). */
class RowBuffers {
  private readonly rows = new Map<BulkTable, Array<Record<string, unknown>>>();

  constructor(private readonly session: BulkSession) {}

  async push<T extends BulkTable>(table: T, list: ReadonlyArray<BulkRow<T>>): Promise<void> {
    const rows = this.rows.get(table) ?? [];
    this.rows.set(table, rows);
    for (const row of list) rows.push(row);
    if (rows.length >= 5000) await this.flush(table);
  }

  async flush(table: BulkTable): Promise<void> {
    const rows = this.rows.get(table);
    if (!rows?.length) return;
    this.rows.set(table, []);
    await this.session.upsert(table, rows as never);
  }

  async flushAll(): Promise<void> {
    for (const table of this.rows.keys()) await this.flush(table);
  }
}

function idOf(ids: ReadonlyMap<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`demo data refers to unknown code ${code}`);
  return id;
}

/** Lets timers (the progress bar, a server's health check) run between chunks of synchronous SQLite work. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Generates and writes the demo dataset; see DemoOptions for sizes and defaults. */
export async function loadDemo(
  store: Store,
  options: DemoOptions,
  onProgress?: (progress: DemoProgress) => void,
): Promise<DemoReport> {
  const started = performance.now();
  const plan = resolvePlan(options);
  const parties = demoParties(plan.seed);
  const report: DemoReport = {
    custodians: parties.custodians.length,
    organisations: parties.organisations.length,
    boreholes: 0,
    lithology: 0,
    surveys: 0,
    boxes: 0,
    samples: 0,
    catalog: 0,
    seconds: 0,
  };
  const total = plan.boreholes + plan.catalog;
  const [custodianIds, organisationIds] = await store.bulk.transaction(async (session) => {
    await session.upsert('custodian', parties.custodians);
    await session.upsert('organisation', parties.organisations);
    const custodians = await session.findCodes(
      'custodian',
      parties.custodians.map((c) => String(c.code)),
    );
    const organisations = await session.findCodes(
      'organisation',
      parties.organisations.map((o) => String(o.code)),
    );
    return [custodians, organisations] as const;
  });
  await addDemoAccounts(store, parties);
  onProgress?.({ done: 0, total });
  for (const chunk of demoStream(plan, parties, chunkHoles(plan.detail))) {
    await store.bulk.transaction(async (session) => {
      const buffers = new RowBuffers(session);
      await writeChunk(session, buffers, chunk, custodianIds, organisationIds, report);
      await buffers.flushAll();
    });
    onProgress?.({ done: report.boreholes + report.catalog, total });
    await breathe();
  }
  await addDemoOffers(store);
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  // The demo is a deposit too: the audit log says what was loaded, by whom, and when.
  await recordAuditAlone(
    store,
    { actor: systemActor('demo'), ip: null },
    {
      action: 'deposit.demo',
      subject_type: 'dataset',
      subject_id: 'demo',
      detail: { ...report },
    },
  );
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  return report;
}

async function writeChunk(
  session: BulkSession,
  buffers: RowBuffers,
  chunk: DemoChunk,
  custodianIds: ReadonlyMap<string, number>,
  organisationIds: ReadonlyMap<string, number>,
  report: DemoReport,
): Promise<void> {
  const boreholeIds = new Map<string, number>();
  if (chunk.holes.length) {
    await session.upsert(
      'borehole',
      chunk.holes.map((h) => ({
        ...h.row,
        custodian_id: idOf(custodianIds, h.custodianCode),
        depositor_id: idOf(organisationIds, h.depositorCode),
      })),
    );
    const byDataset = new Map<string, string[]>();
    for (const h of chunk.holes) {
      const dataset = String(h.row.dataset);
      byDataset.set(dataset, [...(byDataset.get(dataset) ?? []), String(h.row.hole_id)]);
    }
    for (const [dataset, holeIds] of byDataset) {
      for (const [holeId, ref] of await session.findBoreholes(dataset, holeIds)) {
        boreholeIds.set(`${dataset}/${holeId}`, ref.id);
      }
    }
  }
  for (const h of chunk.holes) {
    const id = idOf(boreholeIds, `${String(h.row.dataset)}/${String(h.row.hole_id)}`);
    await buffers.push(
      'borehole_commodity',
      h.commodities.map((commodity) => ({ borehole_id: id, commodity })),
    );
    if (!h.detailed) continue;
    const d = holeDetail(h);
    await buffers.push(
      'lithology',
      d.lithology.map((r) => ({ ...r, borehole_id: id })),
    );
    await buffers.push(
      'survey',
      d.surveys.map((r) => ({ ...r, borehole_id: id })),
    );
    await buffers.push(
      'core_box',
      d.boxes.map((r) => ({ ...r, borehole_id: id })),
    );
    await buffers.push(
      'sample',
      d.samples.map((r) => ({ ...r, borehole_id: id })),
    );
    report.lithology += d.lithology.length;
    report.surveys += d.surveys.length;
    report.boxes += d.boxes.length;
    report.samples += d.samples.length;
  }
  report.boreholes += chunk.holes.length;
  await buffers.push(
    'catalog_record',
    chunk.catalog.map((c) => ({
      ...c.row,
      borehole_id: c.dataset ? idOf(boreholeIds, `${c.dataset}/${String(c.holeId)}`) : null,
      custodian_id: idOf(custodianIds, c.custodianCode),
    })),
  );
  report.catalog += chunk.catalog.length;
}

/** True when the store holds no boreholes, catalog records, custodians or organisations yet. */
export function isStoreEmpty(store: Store): Promise<boolean> {
  return holdingsRepository(store.db).isEmpty();
}
