// Keeps the full-text index in step with the records: every borehole and catalog record changed
// since the last run (by `updated_at`) is turned into tokens by the shared analyzer and written to
// the engine's index. Imports and the demo loader call it after they commit; `rebuild` starts over.
import { COMMODITIES, DEPOSIT_TYPES, provinceByCode } from '../../domain/china.js';
import { indexText } from '../../domain/search/analyzer.js';
import type { Store } from '../../store/store.js';
import { refreshChangedOfferedModes } from '../sharing/offer.service.js';
import type { IndexedDoc, SearchEntity } from '../../store/search.js';

const PAGE = 5000;
/** Pages being written at once (on PostgreSQL, each on a connection of its own). */
const WRITES_AT_ONCE = 2;
/** After this many entries written in one run the engine puts its index in order (settle()). */
const SETTLE_AFTER = 50_000;

const commodityNames = new Map(COMMODITIES.map((c) => [c.code, [c.code, c.zh, c.en]]));
const depositTypeNames = new Map(DEPOSIT_TYPES.map((t) => [t.key, [t.zh, t.en]]));
const MATERIAL_NAMES: Record<string, string> = {
  core: '岩芯 drill core',
  cuttings: '岩屑 cuttings',
  specimen: '标本 specimen',
  thin_section: '薄片 thin section',
  sample: '样品 sample',
  other: '其他 other',
};

function provinceNames(code: string | null): string[] {
  const p = code ? provinceByCode(code) : undefined;
  return p ? [p.zh, p.en] : [];
}

function commodityList(json: string): string[] {
  try {
    const codes = JSON.parse(json) as unknown;
    if (!Array.isArray(codes)) return [];
    return codes.flatMap((c) => commodityNames.get(String(c)) ?? [String(c)]);
  } catch {
    return [];
  }
}

export interface IndexProgress {
  entity: SearchEntity;
  /** Records indexed so far in this run, of `total` changed since the last. */
  docs: number;
  total: number;
}

export interface IndexReport {
  entity: SearchEntity;
  docs: number;
  seconds: number;
}

type Reader = (store: Store, since: string, afterId: number) => Promise<IndexedDoc[]>;

const readBoreholes: Reader = async (store, since, afterId) => {
  const rows = await store.db
    .selectFrom('borehole as b')
    .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
    .leftJoin('organisation as o', 'o.id', 'b.depositor_id')
    .select([
      'b.id',
      'b.hole_id',
      'b.name',
      'b.project',
      'b.deposit_name',
      'b.province_code',
      'b.county',
      'b.commodities',
      'b.deposit_type',
      'b.tectonic_unit',
      'b.metallogenic_belt',
      'b.purpose',
      'c.code as custodian_code',
      'c.name_zh as custodian_zh',
      'c.name_en as custodian_en',
      'o.name_zh as depositor_zh',
    ])
    .where('b.updated_at', '>', since)
    .where('b.id', '>', afterId)
    .orderBy('b.id')
    .limit(PAGE)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tokens: indexText([
      r.hole_id,
      r.name,
      r.project,
      r.deposit_name,
      ...provinceNames(r.province_code),
      r.county,
      ...commodityList(r.commodities),
      ...(r.deposit_type ? (depositTypeNames.get(r.deposit_type) ?? [r.deposit_type]) : []),
      r.tectonic_unit,
      r.metallogenic_belt,
      r.purpose,
      r.custodian_code,
      r.custodian_zh,
      r.custodian_en,
      r.depositor_zh,
    ]),
  }));
};

const readCatalog: Reader = async (store, since, afterId) => {
  const rows = await store.db
    .selectFrom('catalog_record as r')
    .leftJoin('custodian as c', 'c.id', 'r.custodian_id')
    .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
    .select([
      'r.id',
      'r.record_no',
      'r.title_zh',
      'r.title_en',
      'r.material_type',
      'r.province_code',
      'r.description',
      'c.code as custodian_code',
      'c.name_zh as custodian_zh',
      'c.name_en as custodian_en',
      'b.hole_id',
    ])
    .where('r.updated_at', '>', since)
    .where('r.id', '>', afterId)
    .orderBy('r.id')
    .limit(PAGE)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tokens: indexText([
      r.record_no,
      r.title_zh,
      r.title_en,
      MATERIAL_NAMES[r.material_type] ?? r.material_type,
      ...provinceNames(r.province_code),
      r.description,
      r.custodian_code,
      r.custodian_zh,
      r.custodian_en,
      r.hole_id,
    ]),
  }));
};

const READERS: Record<SearchEntity, Reader> = { borehole: readBoreholes, catalog_record: readCatalog };
const BEGINNING = '';

async function indexedThrough(store: Store, entity: SearchEntity): Promise<string> {
  const row = await store.db
    .selectFrom('search_index_state')
    .select('indexed_through')
    .where('entity', '=', entity)
    .executeTakeFirst();
  return row?.indexed_through ?? BEGINNING;
}

/** How many records changed since `since`: what a run has before it. */
async function changedSince(store: Store, entity: SearchEntity, since: string): Promise<number> {
  const row = await store.db
    .selectFrom(entity)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('updated_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function latestChange(store: Store, entity: SearchEntity): Promise<string | null> {
  const row = await store.db
    .selectFrom(entity)
    .select((eb) => eb.fn.max('updated_at').as('latest'))
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/**
 * Indexes what changed since the last run (everything with `rebuild`). Records changed while it
 * runs are picked up by the next run: the mark it leaves is the newest change seen at the start.
 * Known gap: an import that began before another one's commit but commits after an index run
 * carries older `updated_at` stamps than the mark; `coreshare search reindex` catches those up.
 */
export async function updateSearchIndex(
  store: Store,
  opts: { rebuild?: boolean; onProgress?: (p: IndexProgress) => void } = {},
): Promise<IndexReport[]> {
  const reports: IndexReport[] = [];
  let boreholesSince = BEGINNING;
  for (const entity of ['borehole', 'catalog_record'] as const) {
    const started = performance.now();
    const latest = await latestChange(store, entity);
    if (opts.rebuild) await store.search.clear(entity);
    const since = opts.rebuild ? BEGINNING : await indexedThrough(store, entity);
    if (entity === 'borehole') boreholesSince = since;
    let docs = 0;
    if (latest !== null) {
      const total = await changedSince(store, entity, since);
      const large = total >= SETTLE_AFTER;
      await store.search.startRun(entity, large);
      opts.onProgress?.({ entity, docs, total });
      // Pages are written while the next are read and analysed, two at a time: on PostgreSQL each
      // write takes a server process of its own (the tsvectors' input is most of the run's time);
      // on SQLite a write runs in this thread anyway.
      const writing: Array<{ done: Promise<void>; docs: number }> = [];
      let written = 0;
      for (let afterId = 0; ;) {
        const page = await READERS[entity](store, since, afterId);
        // The oldest pages are written (or their failure is thrown here); all of them at the end.
        while (writing.length >= (page.length ? WRITES_AT_ONCE : 1)) {
          const oldest = writing.shift()!;
          await oldest.done;
          written += oldest.docs;
          opts.onProgress?.({ entity, docs: written, total });
        }
        if (!page.length) break;
        const done = store.search.write(entity, page);
        done.catch(() => {});
        writing.push({ done, docs: page.length });
        docs += page.length;
        afterId = page[page.length - 1]!.id;
      }
      // A load of many records leaves FTS5 with a segment per write: one b-tree reads faster.
      if (large || docs >= SETTLE_AFTER) await store.search.settle(entity);
      await store.db
        .insertInto('search_index_state')
        .values({ entity, indexed_through: latest })
        .onConflict((oc) => oc.column('entity').doUpdateSet({ indexed_through: latest }))
        .execute();
    }
    reports.push({ entity, docs, seconds: (performance.now() - started) / 1000 });
  }
  // New or moved boreholes fall under their custodian's collection offers: `mode:` reads those bits.
  if (reports.some((r) => r.entity === 'borehole' && r.docs > 0))
    await refreshChangedOfferedModes(store, boreholesSince);
  return reports;
}
