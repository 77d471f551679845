import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import {
  appendColumns,
  BULK_TABLES,
  rowCodeCache,
  IdRanges,
  oncePerKey,
  updatableColumns,
  type LoadMode,
  type LoadTable,
  type HoleRefs,
  refsByHole,
  type BulkSession,
  type BulkTable,
  type BulkWriter,
} from '../../bulk.js';
import { packRtree, PointLog, rtreeIsEmpty } from './rtree-pack.js';
import { WriterThread } from './writer-thread.js';

/** Where lon and lat stand in an appended borehole row (the id is first). */
const BOREHOLE_POSITION = [
  appendColumns('borehole').indexOf('lon'),
  appendColumns('borehole').indexOf('lat'),
] as const;

/**
 * The page cache (KiB) while dropped indexes are rebuilt. SQLite sorts an index's keys in runs the
 * size of the cache: runs of 4 MiB (about the least it takes) sort within the CPU's caches, and a
 * million-row table's six indexes were built in 2.4 s instead of 3.9 with 64 MiB (decision 0013).
 */
const INDEX_BUILD_CACHE_KIB = 4096;

/** Rows per INSERT: many rows per statement cut the per-statement cost by about a third. */
const ROWS_PER_STATEMENT = 25;

function tuples(columns: number, rows: number): string {
  const tuple = `(${Array<string>(columns).fill('?').join(', ')})`;
  return Array<string>(rows).fill(tuple).join(', ');
}

function appendSql(table: LoadTable, rows: number): string {
  const columns = appendColumns(table);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples(columns.length, rows)}`;
}

function upsertSql(table: BulkTable, rows: number): string {
  const spec = BULK_TABLES[table];
  const columns = Object.keys(spec.columns);
  const updates = updatableColumns(spec);
  const action = updates.length
    ? `DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
    : 'DO NOTHING';
  const values = tuples(columns.length, rows);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT (${spec.conflict.join(', ')}) ${action}`;
}

/**
 * Rows as one flat list of values, `columns` at a time: what a statement binds (or a thread
 * receives). Built by push, so the array stays packed: structured clone copies a holey array
 * element by element, three times slower.
 */
const flattenerFor = rowCodeCache<(rows: ReadonlyArray<object>) => unknown[]>(
  null,
  (loads) =>
    `const values = []; for (const r of rows) values.push(${loads.map((l) => `${l} ?? null`).join(', ')}); return values;`,
);

function flatRows(columns: readonly string[], rows: ReadonlyArray<object>): unknown[] {
  return flattenerFor(columns)(rows);
}

/**
 * The bulk work on one connection, synchronous, with rows as flat value lists: the same code
 * serves an in-process run and a run on the writer thread.
 */
export interface SqliteBulkCore {
  begin(): void;
  commit(): void;
  rollback(): void;
  loadMode(table: LoadTable): LoadMode;
  nextIds(table: 'borehole' | 'catalog_record', count: number): number[];
  append(table: LoadTable, values: readonly unknown[]): void;
  appendCommodities(from: number, to: number): void;
  upsert(table: BulkTable, values: readonly unknown[]): void;
  deleteForBoreholes(table: 'survey' | 'lithology' | 'borehole_commodity', ids: readonly number[]): void;
  holeRefs(dataset: string, holeIds: readonly string[]): HoleRefs;
  findCodes(table: 'custodian' | 'organisation', codes: readonly string[]): Map<string, number>;
}

/** The core's operations as they are called from the session: directly or through the thread. */
export type CoreCalls = {
  [K in keyof SqliteBulkCore]: (
    ...args: Parameters<SqliteBulkCore[K]>
  ) => ReturnType<SqliteBulkCore[K]> | Promise<ReturnType<SqliteBulkCore[K]>>;
};

/** Prepared statements inside one BEGIN IMMEDIATE … COMMIT on `raw`. */
export function sqliteBulkCore(raw: SQLite.Database): SqliteBulkCore {
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (key: string, make: () => string) => {
    let s = statements.get(key);
    if (!s) statements.set(key, (s = raw.prepare(make())));
    return s;
  };
  // The R*Tree insert trigger costs about a third of each borehole insert. During a bulk run it is
  // dropped and new holes (ids above the last indexed: rowids only grow) are indexed a batch at a
  // time after each append (on a writer thread, while the caller reads on) and once more before
  // COMMIT, with the trigger restored from its own stored SQL. A rollback restores it too.
  // An empty R*Tree filled by an append run (a first national load) is instead built in one pass
  // before COMMIT (rtree-pack.ts) from `points`, logged as the rows were appended (an
  // append-mode table takes appends only: BulkSession.loadMode).
  let deferred: { afterId: number; triggerSql: string; points: PointLog | undefined } | undefined;
  const deferRtree = () => {
    if (deferred) return;
    const trigger = raw
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'borehole_rtree_insert'")
      .get() as { sql: string } | undefined;
    if (!trigger) return;
    const { m } = raw.prepare('SELECT coalesce(max(id), 0) AS m FROM borehole').get() as { m: number };
    raw.exec('DROP TRIGGER borehole_rtree_insert');
    deferred = { afterId: m, triggerSql: trigger.sql, points: undefined };
  };
  const indexNewHoles = () => {
    if (!deferred || deferred.points) return;
    prepared(
      'rtree:new',
      () =>
        'INSERT INTO borehole_rtree SELECT id, lon, lon, lat, lat FROM borehole WHERE id > ? AND lon IS NOT NULL AND lat IS NOT NULL',
    ).run(deferred.afterId);
    deferred.afterId = (
      prepared('rtree:max', () => 'SELECT coalesce(max(id), 0) AS m FROM borehole').get() as { m: number }
    ).m;
  };
  const restoreRtree = () => {
    if (!deferred) return;
    // The tree is checked for emptiness again all the same: packing needs an empty one.
    if (deferred.points && rtreeIsEmpty(raw, 'borehole_rtree'))
      packRtree(raw, 'borehole_rtree', deferred.points);
    else deferred.points = undefined;
    indexNewHoles();
    raw.exec(deferred.triggerSql);
    deferred = undefined;
  };
  // The search-epoch triggers (one counter UPDATE per row) are dropped for the run and the counter
  // bumped once before COMMIT; a rollback brings the triggers back by itself.
  let epochTriggers: string[] = [];
  const deferEpoch = () => {
    const triggers = raw
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_epoch\\_%' ESCAPE '\\'",
      )
      .all() as Array<{ name: string; sql: string }>;
    for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`);
    epochTriggers = triggers.map((t) => t.sql);
  };
  const restoreEpoch = () => {
    if (epochTriggers.length === 0) return;
    raw.exec('UPDATE search_epoch SET n = n + 1');
    for (const statement of epochTriggers) raw.exec(statement);
    epochTriggers = [];
  };
  /** Runs `make(n)` statements over the rows, ROWS_PER_STATEMENT at a time, then one by one. */
  const writeRows = (
    key: string,
    make: (rows: number) => string,
    width: number,
    values: readonly unknown[],
  ) => {
    const many = prepared(`${key}:${ROWS_PER_STATEMENT}`, () => make(ROWS_PER_STATEMENT));
    const step = ROWS_PER_STATEMENT * width;
    let start = 0;
    // Values as arguments, not one array: better-sqlite3 then reads each from the call's own
    // arguments instead of through an array getter, a tenth less time per inserted row.
    for (; start + step <= values.length; start += step) many.run(...values.slice(start, start + step));
    const one = prepared(`${key}:1`, () => make(1));
    for (; start < values.length; start += width) one.run(...values.slice(start, start + width));
  };
  // Append mode: the CREATE INDEX statements of the indexes dropped for the run, rebuilt before
  // COMMIT; a rollback brings them back by itself (SQLite's DDL is transactional).
  const modes = new Map<LoadTable, LoadMode>();
  let deferredIndexes: string[] = [];
  const reserved = new Map<string, number>();
  const buildDeferredIndexes = () => {
    if (deferredIndexes.length === 0) return;
    const cache = raw.pragma('cache_size', { simple: true }) as number;
    raw.pragma(`cache_size = -${INDEX_BUILD_CACHE_KIB}`);
    try {
      for (const statement of deferredIndexes) raw.exec(statement);
    } finally {
      raw.pragma(`cache_size = ${cache}`);
    }
    deferredIndexes = [];
  };
  return {
    begin: () => {
      modes.clear();
      reserved.clear();
      raw.exec('BEGIN IMMEDIATE');
      deferEpoch();
    },
    commit: () => {
      restoreEpoch();
      restoreRtree();
      buildDeferredIndexes();
      raw.exec('COMMIT');
    },
    rollback: () => {
      deferred = undefined;
      deferredIndexes = [];
      epochTriggers = [];
      if (raw.inTransaction) raw.exec('ROLLBACK');
    },
    upsert: (table, values) => {
      if (table === 'borehole' && values.length > 0) deferRtree();
      const width = Object.keys(BULK_TABLES[table].columns).length;
      writeRows(`upsert:${table}`, (n) => upsertSql(table, n), width, values);
    },
    loadMode: (table) => {
      let mode = modes.get(table);
      if (mode) return mode;
      mode = raw.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() ? 'merge' : 'append';
      if (mode === 'append') {
        const indexes = raw
          .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
          )
          .all(table) as Array<{ name: string; sql: string }>;
        for (const index of indexes) {
          raw.exec(`DROP INDEX ${index.name}`);
          deferredIndexes.push(index.sql);
        }
        if (table === 'borehole') {
          deferRtree();
          if (deferred && rtreeIsEmpty(raw, 'borehole_rtree')) deferred.points = new PointLog();
        }
      }
      modes.set(table, mode);
      return mode;
    },
    nextIds: (table, count) => {
      // Rowids only grow (no AUTOINCREMENT gaps to honour); ids handed out earlier in the run count too.
      const { next } = raw.prepare(`SELECT coalesce(max(id), 0) + 1 AS next FROM ${table}`).get() as {
        next: number;
      };
      const first = Math.max(next, reserved.get(table) ?? 0);
      reserved.set(table, first + count);
      return Array.from({ length: count }, (_, i) => first + i);
    },
    append: (table, values) => {
      if (table === 'borehole' && values.length > 0) deferRtree();
      const columns = appendColumns(table);
      writeRows(`append:${table}`, (n) => appendSql(table, n), columns.length, values);
      if (table !== 'borehole') return;
      if (deferred?.points) deferred.points.addRows(values, columns.length, 0, ...BOREHOLE_POSITION);
      indexNewHoles();
    },
    appendCommodities: (from, to) => {
      prepared(
        'append:commodities',
        () =>
          'INSERT INTO borehole_commodity (borehole_id, commodity) SELECT b.id, c.value FROM borehole AS b, json_each(b.commodities) AS c WHERE b.id BETWEEN ? AND ?',
      ).run(from, to);
    },
    deleteForBoreholes: (table, ids) => {
      const statement = prepared(`delete:${table}`, () => `DELETE FROM ${table} WHERE borehole_id = ?`);
      for (const id of ids) statement.run(id);
    },
    holeRefs: (dataset, holeIds) => {
      // One statement per call, the ids as a JSON list walked by json_each (each looked up in the
      // unique (dataset, hole_id) index), instead of a statement run per id: a catalog's million
      // holes are found in 1.4 s instead of 3.2. CROSS JOIN keeps json_each the outer loop; its
      // key is the hole's position in the list.
      const statement = prepared(
        'find:borehole',
        () =>
          'SELECT wanted.key, b.id, b.total_depth FROM json_each(?) AS wanted CROSS JOIN borehole AS b ON b.dataset = ? AND b.hole_id = wanted.value',
      );
      const refs = {
        ids: new Int32Array(holeIds.length),
        depths: new Float64Array(holeIds.length).fill(NaN),
      };
      if (holeIds.length === 0) return refs;
      const rows = statement.raw().all(JSON.stringify(holeIds), dataset) as Array<
        [number, number, number | null]
      >;
      for (const [at, id, depth] of rows) {
        refs.ids[at] = id;
        if (depth !== null) refs.depths[at] = depth;
      }
      return refs;
    },
    findCodes: (table, codes) => {
      codes = [...new Set(codes)];
      const statement = prepared(`find:${table}`, () => `SELECT id FROM ${table} WHERE code = ?`);
      const found = new Map<string, number>();
      for (const code of codes) {
        const row = statement.get(code) as { id: number } | undefined;
        if (row) found.set(code, row.id);
      }
      return found;
    },
  };
}

/**
 * The session over a core: rows flattened here, in the caller's thread. A table's load mode and,
 * between upserts into it, its next id are known here after the first answer, so that a steady run
 * of appends never waits for the writer thread to answer.
 */
function sessionOver(core: CoreCalls): BulkSession {
  const newIds = new IdRanges<'borehole' | 'catalog_record'>(
    async (table, count) => (await core.nextIds(table, count))[0]!,
  );
  return {
    loadMode: oncePerKey(async (table) => core.loadMode(table)),
    nextIds: (table, count) => newIds.take(table, count),
    append: async (table, rows) => core.append(table, flatRows(appendColumns(table), rows)),
    appendCommodities: async (from, to) => core.appendCommodities(from, to),
    upsert: async (table, rows) => {
      // An upsert may add rows with ids of SQLite's choosing: the next id is asked for again.
      if (table === 'borehole' || table === 'catalog_record') newIds.forget(table);
      return core.upsert(table, flatRows(Object.keys(BULK_TABLES[table].columns), rows));
    },
    deleteForBoreholes: async (table, ids) => core.deleteForBoreholes(table, ids),
    holeRefs: async (dataset, holeIds) => core.holeRefs(dataset, holeIds),
    findBoreholes: async (dataset, holeIds) => refsByHole(holeIds, await core.holeRefs(dataset, holeIds)),
    findCodes: async (table, codes) => core.findCodes(table, codes),
  };
}

/** Runs `work` inside the core's transaction: committed when it resolves, rolled back when it throws. */
async function inTransaction<R>(core: CoreCalls, work: (session: BulkSession) => Promise<R>): Promise<R> {
  await core.begin();
  try {
    const result = await work(sessionOver(core));
    await core.commit();
    return result;
  } catch (error) {
    try {
      await core.rollback();
    } catch {
      // A rollback that fails too (the thread is gone, which ends its transaction) must not hide why the run failed.
    }
    throw error;
  }
}

/**
 * Bulk runs on the store's connection, or, for a large run on a file, on a writer thread with a
 * connection of its own. Either way the store's single Kysely connection is held for the run, so
 * nothing else in this process writes (or waits on SQLite's lock) in between.
 */
export function sqliteBulkWriter(db: Kysely<Database>, raw: SQLite.Database, file: string): BulkWriter {
  const local = sqliteBulkCore(raw);
  return {
    transaction: (work, options) =>
      db.connection().execute(async () => {
        if (!options?.large || file === ':memory:') return inTransaction(local, work);
        const thread = await WriterThread.start(file);
        try {
          return await inTransaction(thread.calls, work);
        } finally {
          await thread.stop();
        }
      }),
  };
}
