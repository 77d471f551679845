// Bulk writes for imports and the demo generator: many rows, one transaction, engine-tuned SQL
// (prepared statements on SQLite, UNNEST batches on PostgreSQL). Everything or nothing per run.
import type { Database } from './schema.js';

export type ColumnKind = 'text' | 'float8' | 'int4';

export interface BulkTableSpec {
  readonly columns: Readonly<Record<string, ColumnKind>>;
  /** The natural key: a row whose key exists updates it instead of adding a duplicate. */
  readonly conflict: readonly string[];
  /** Columns kept from the first insert when the row is updated later. */
  readonly keep?: readonly string[];
}

const text = 'text' as const;
const float8 = 'float8' as const;
const int4 = 'int4' as const;

export const BULK_TABLES = {
  custodian: {
    columns: {
      code: text,
      name_zh: text,
      name_en: text,
      level: text,
      province_code: text,
      contact_name: text,
      contact_email: text,
      contact_phone: text,
      address: text,
      created_at: text,
      updated_at: text,
    },
    conflict: ['code'],
    keep: ['created_at'],
  },
  organisation: {
    columns: {
      code: text,
      name_zh: text,
      name_en: text,
      kind: text,
      province_code: text,
      created_at: text,
      updated_at: text,
    },
    conflict: ['code'],
    keep: ['created_at'],
  },
  borehole: {
    columns: {
      public_id: text,
      dataset: text,
      hole_id: text,
      name: text,
      project: text,
      deposit_name: text,
      province_code: text,
      county: text,
      lon: float8,
      lat: float8,
      src_crs: text,
      src_x: float8,
      src_y: float8,
      collar_elev: float8,
      total_depth: float8,
      drill_start: text,
      drill_end: text,
      purpose: text,
      commodities: text,
      deposit_type: text,
      tectonic_unit: text,
      metallogenic_belt: text,
      core_class: text,
      custodian_id: int4,
      depositor_id: int4,
      funding_source: text,
      ownership_dispute: int4,
      confidentiality: text,
      core_length: float8,
      recovery: float8,
      created_at: text,
      updated_at: text,
    },
    conflict: ['dataset', 'hole_id'],
    keep: ['public_id', 'created_at'],
  },
  borehole_commodity: {
    columns: { borehole_id: int4, commodity: text },
    conflict: ['borehole_id', 'commodity'],
  },
  survey: {
    columns: { borehole_id: int4, depth: float8, azimuth: float8, dip: float8 },
    conflict: ['borehole_id', 'depth'],
  },
  lithology: {
    columns: {
      borehole_id: int4,
      depth_from: float8,
      depth_to: float8,
      code: text,
      name_zh: text,
      name_en: text,
      description: text,
    },
    conflict: ['borehole_id', 'depth_from'],
  },
  core_box: {
    columns: {
      public_id: text,
      borehole_id: int4,
      box_no: text,
      depth_from: float8,
      depth_to: float8,
      shelf_location: text,
    },
    conflict: ['borehole_id', 'box_no'],
    keep: ['public_id'],
  },
  sample: {
    columns: {
      public_id: text,
      borehole_id: int4,
      sample_no: text,
      depth_from: float8,
      depth_to: float8,
      sample_type: text,
      taken_for: text,
      taken_at: text,
      remaining_fraction: float8,
    },
    conflict: ['borehole_id', 'sample_no'],
    keep: ['public_id'],
  },
  catalog_record: {
    columns: {
      public_id: text,
      record_no: text,
      title_zh: text,
      title_en: text,
      material_type: text,
      borehole_id: int4,
      custodian_id: int4,
      province_code: text,
      quantity: float8,
      unit: text,
      year: int4,
      description: text,
      created_at: text,
      updated_at: text,
    },
    conflict: ['record_no'],
    keep: ['public_id', 'created_at'],
  },
} as const satisfies Record<string, BulkTableSpec>;

export type BulkTable = keyof typeof BULK_TABLES & keyof Database;
/** A row for a bulk table: every column of the spec, null where unknown. */
export type BulkRow<T extends BulkTable> = {
  [K in keyof (typeof BULK_TABLES)[T]['columns']]: string | number | null;
};

export interface BoreholeRef {
  id: number;
  total_depth: number | null;
}

/**
 * Holes as the store found them, by position in the list asked for: `ids[i]` is the i-th hole's id
 * (0 where the dataset has no such hole), `depths[i]` its total depth (NaN where unknown). Typed
 * arrays cross from a writer thread as one copy each, and need no look-up by key afterwards.
 */
export interface HoleRefs {
  ids: Int32Array;
  depths: Float64Array;
}

/** HoleRefs from holes found by id (a hole named twice gets its answer twice). */
export function alignedRefs(holeIds: readonly string[], found: ReadonlyMap<string, BoreholeRef>): HoleRefs {
  const ids = new Int32Array(holeIds.length);
  const depths = new Float64Array(holeIds.length).fill(NaN);
  holeIds.forEach((hole, i) => {
    const ref = found.get(hole);
    if (!ref) return;
    ids[i] = ref.id;
    depths[i] = ref.total_depth ?? NaN;
  });
  return { ids, depths };
}

/** The i-th hole of HoleRefs, or null where it was not found. */
export function refAt(refs: HoleRefs, i: number): BoreholeRef | null {
  const id = refs.ids[i]!;
  if (id === 0) return null;
  const depth = refs.depths[i]!;
  return { id, total_depth: Number.isNaN(depth) ? null : depth };
}

/** The found holes of HoleRefs by hole id. */
export function refsByHole(holeIds: readonly string[], refs: HoleRefs): Map<string, BoreholeRef> {
  const found = new Map<string, BoreholeRef>();
  holeIds.forEach((hole, i) => {
    const ref = refAt(refs, i);
    if (ref) found.set(hole, ref);
  });
  return found;
}

/** Tables an import can load in append mode. */
export type LoadTable = 'borehole' | 'borehole_commodity' | 'catalog_record';
/** `append`: the table was empty when the run began; `merge`: rows may exist and are upserted. */
export type LoadMode = 'append' | 'merge';
/** A row for append: new, so it carries the id reserved for it (tables with an id column). */
export type AppendRow<T extends LoadTable> = T extends 'borehole_commodity'
  ? BulkRow<T>
  : BulkRow<T> & { id: number };

export interface BulkSession {
  /**
   * How this run writes `table`, decided at the first call. `append` when the table is empty: its
   * secondary indexes (unique ones too) are dropped now and built once before COMMIT, the way
   * pg_restore and ogr2ogr load, and the caller writes only new rows, with `append` and ids from
   * `nextIds`, and does not look rows of that table up during the run. `merge` otherwise.
   */
  loadMode(table: LoadTable): Promise<LoadMode>;
  /** Ids for new rows, reserved for this run. */
  nextIds(table: 'borehole' | 'catalog_record', count: number): Promise<number[]>;
  /** Inserts rows known to be new, without conflict handling (COPY on PostgreSQL). */
  append<T extends LoadTable>(table: T, rows: ReadonlyArray<AppendRow<T>>): Promise<void>;
  /**
   * Appends the borehole_commodity rows of the boreholes with ids `from`…`to`, appended by this run
   * (borehole_commodity in append mode): one per code of each hole's `commodities` list (a JSON
   * array), derived by the store from the rows it has just written instead of sent a second time.
   */
  appendCommodities(from: number, to: number): Promise<void>;
  /** Inserts rows, updating those whose natural key exists already. */
  upsert<T extends BulkTable>(table: T, rows: ReadonlyArray<BulkRow<T>>): Promise<void>;
  /** Deletes the rows of `table` whose `borehole_id` is one of `ids` (to replace a hole's intervals). */
  deleteForBoreholes(
    table: 'survey' | 'lithology' | 'borehole_commodity',
    ids: readonly number[],
  ): Promise<void>;
  /** Finds boreholes of a dataset by hole id; the map has the holes found, by hole id. */
  findBoreholes(dataset: string, holeIds: readonly string[]): Promise<Map<string, BoreholeRef>>;
  /** Finds boreholes of a dataset by hole id, the answers by position (an import's look-ups). */
  holeRefs(dataset: string, holeIds: readonly string[]): Promise<HoleRefs>;
  /** Finds ids by code in custodian or organisation. */
  findCodes(table: 'custodian' | 'organisation', codes: readonly string[]): Promise<Map<string, number>>;
}

export interface BulkRunOptions {
  /**
   * A run of many rows (a large file, a national demo chunk). The embedded store then writes on a
   * thread of its own, so that reading and checking the next rows goes on while SQLite inserts:
   * worth its start-up (tens of milliseconds) from some ten thousand rows on.
   */
  readonly large?: boolean;
}

export interface BulkWriter {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside `work` use only the session: on SQLite the store's single connection is held for the
   * duration, so a query through `store.db` would wait forever.
   */
  transaction<R>(work: (session: BulkSession) => Promise<R>, options?: BulkRunOptions): Promise<R>;
}

/** The columns an append writes, in order: the reserved id first where the table has one. */
export function appendColumns(table: LoadTable): string[] {
  const columns = Object.keys(BULK_TABLES[table].columns);
  return table === 'borehole_commodity' ? columns : ['id', ...columns];
}

/**
 * True for a unique index or constraint refusing a row: SQLite's SQLITE_CONSTRAINT_UNIQUE (also as
 * rebuilt by the writer thread) or PostgreSQL's unique_violation (23505). An append run meets it
 * when it builds a dropped unique index at COMMIT over keys that repeat.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export function updatableColumns(spec: BulkTableSpec): string[] {
  return Object.keys(spec.columns).filter(
    (c) => !spec.conflict.includes(c) && !(spec.keep ?? []).includes(c),
  );
}

/**
 * Ids for new rows, handed out in call order even to calls that overlap (an import's flushes may:
 * KindImporter.overlappingFlushes): a table's first call asks `start` where its ids begin, later
 * calls count on from the range before without asking the store. `forget` makes the next call ask
 * again (an upsert may have added rows with ids of the store's choosing).
 */
export class IdRanges<T extends string> {
  private readonly next = new Map<T, Promise<number>>();

  constructor(private readonly start: (table: T, count: number) => Promise<number>) {}

  async take(table: T, count: number): Promise<number[]> {
    if (count === 0) return [];
    const first = this.next.get(table) ?? this.start(table, count);
    const after = first.then((id) => id + count);
    // A failed start fails this call; the calls after it fail with the same error.
    after.catch(() => {});
    this.next.set(table, after);
    const id = await first;
    return Array.from({ length: count }, (_, i) => id + i);
  }

  forget(table: T): void {
    this.next.delete(table);
  }

  /** The next id of each table ids were taken for. */
  async ends(): Promise<Array<[T, number]>> {
    return Promise.all([...this.next].map(async ([table, next]) => [table, await next] as [T, number]));
  }
}

/** One answer per key, however many calls ask for it at once (a table's load mode). */
export function oncePerKey<K, V>(answer: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const answers = new Map<K, Promise<V>>();
  return (key) => {
    let p = answers.get(key);
    if (!p) answers.set(key, (p = answer(key)));
    return p;
  };
}

/** compileRowCode for every column list a caller meets, each compiled once. */
export function rowCodeCache<F>(
  helper: unknown,
  body: (loads: string[]) => string,
): (columns: readonly string[]) => F {
  const compiled = new Map<string, F>();
  return (columns) => {
    const key = columns.join(',');
    let code = compiled.get(key);
    if (code === undefined) compiled.set(key, (code = compileRowCode<F>(columns, helper, body)));
    return code;
  };
}

/**
 * Compiles a function over row objects whose body reads each of `columns` by a named property load
 * (`r["hole_id"]`). A loop over column names (`row[c]`) makes every load a keyed, megamorphic one:
 * for a million 33-column rows that alone cost seconds of an import. `body` gets the loads in
 * column order and returns the function's body, with the rows in `rows` and `helper` as the one
 * free value it may use. Column names are the store's own, never input.
 */
export function compileRowCode<F>(
  columns: readonly string[],
  helper: unknown,
  body: (loads: string[]) => string,
): F {
  const loads = columns.map((c) => `r[${JSON.stringify(c)}]`);
  return new Function('helper', `return (rows) => { ${body(loads)} };`)(helper) as F;
}
