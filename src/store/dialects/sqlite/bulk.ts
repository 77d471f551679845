import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import {
  appendColumns,
  BULK_TABLES,
  updatableColumns,
  type LoadMode,
  type LoadTable,
  type BoreholeRef,
  type BulkSession,
  type BulkTable,
  type BulkWriter,
} from '../../bulk.js';

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
 * Prepared statements inside one BEGIN IMMEDIATE … COMMIT. The work runs while holding Kysely's
 * single connection, so nothing else in this process writes in between.
 */
export function sqliteBulkWriter(db: Kysely<Database>, raw: SQLite.Database): BulkWriter {
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (key: string, make: () => string) => {
    let s = statements.get(key);
    if (!s) statements.set(key, (s = raw.prepare(make())));
    return s;
  };
  // The R*Tree insert trigger costs about a third of each borehole insert. During a bulk run it is
  // dropped and new holes (ids above the old maximum: rowids only grow) are indexed in one statement
  // before COMMIT, with the trigger restored from its own stored SQL. A rollback restores it too.
  let deferred: { afterId: number; triggerSql: string } | undefined;
  const deferRtree = () => {
    if (deferred) return;
    const trigger = raw
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'borehole_rtree_insert'")
      .get() as { sql: string } | undefined;
    if (!trigger) return;
    const { m } = raw.prepare('SELECT coalesce(max(id), 0) AS m FROM borehole').get() as { m: number };
    raw.exec('DROP TRIGGER borehole_rtree_insert');
    deferred = { afterId: m, triggerSql: trigger.sql };
  };
  const restoreRtree = () => {
    if (!deferred) return;
    raw
      .prepare(
        'INSERT INTO borehole_rtree SELECT id, lon, lon, lat, lat FROM borehole WHERE id > ? AND lon IS NOT NULL AND lat IS NOT NULL',
      )
      .run(deferred.afterId);
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
    columns: readonly string[],
    rows: ReadonlyArray<object>,
  ) => {
    const many = prepared(`${key}:${ROWS_PER_STATEMENT}`, () => make(ROWS_PER_STATEMENT));
    const params: unknown[] = [];
    let start = 0;
    for (; start + ROWS_PER_STATEMENT <= rows.length; start += ROWS_PER_STATEMENT) {
      params.length = 0;
      for (let i = start; i < start + ROWS_PER_STATEMENT; i++) {
        const row = rows[i] as Record<string, unknown>;
        for (const c of columns) params.push(row[c] ?? null);
      }
      many.run(params);
    }
    const one = prepared(`${key}:1`, () => make(1));
    for (; start < rows.length; start++) {
      const row = rows[start] as Record<string, unknown>;
      one.run(columns.map((c) => row[c] ?? null));
    }
  };
  // Append mode: the CREATE INDEX statements of the indexes dropped for the run, rebuilt before
  // COMMIT; a rollback brings them back by itself (SQLite's DDL is transactional).
  const modes = new Map<LoadTable, LoadMode>();
  let deferredIndexes: string[] = [];
  const reserved = new Map<string, number>();
  const buildDeferredIndexes = () => {
    for (const statement of deferredIndexes) raw.exec(statement);
    deferredIndexes = [];
  };
  const session: BulkSession = {
    upsert: async (table, rows) => {
      if (table === 'borehole' && rows.length > 0) deferRtree();
      writeRows(`upsert:${table}`, (n) => upsertSql(table, n), Object.keys(BULK_TABLES[table].columns), rows);
    },
    loadMode: async (table) => {
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
        if (table === 'borehole') deferRtree();
      }
      modes.set(table, mode);
      return mode;
    },
    nextIds: async (table, count) => {
      // Rowids only grow (no AUTOINCREMENT gaps to honour); ids handed out earlier in the run count too.
      const { next } = raw.prepare(`SELECT coalesce(max(id), 0) + 1 AS next FROM ${table}`).get() as {
        next: number;
      };
      const first = Math.max(next, reserved.get(table) ?? 0);
      reserved.set(table, first + count);
      return Array.from({ length: count }, (_, i) => first + i);
    },
    append: async (table, rows) => {
      if (table === 'borehole' && rows.length > 0) deferRtree();
      writeRows(`append:${table}`, (n) => appendSql(table, n), appendColumns(table), rows);
    },
    deleteForBoreholes: async (table, ids) => {
      const statement = prepared(`delete:${table}`, () => `DELETE FROM ${table} WHERE borehole_id = ?`);
      for (const id of ids) statement.run(id);
    },
    findBoreholes: async (dataset, holeIds) => {
      const statement = prepared(
        'find:borehole',
        () => 'SELECT id, total_depth FROM borehole WHERE dataset = ? AND hole_id = ?',
      );
      const found = new Map<string, BoreholeRef>();
      for (const hole of holeIds) {
        const row = statement.get(dataset, hole) as BoreholeRef | undefined;
        if (row) found.set(hole, row);
      }
      return found;
    },
    findCodes: async (table, codes) => {
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
  return {
    transaction: (work) =>
      db.connection().execute(async () => {
        modes.clear();
        reserved.clear();
        raw.exec('BEGIN IMMEDIATE');
        try {
          deferEpoch();
          const result = await work(session);
          restoreEpoch();
          restoreRtree();
          buildDeferredIndexes();
          raw.exec('COMMIT');
          return result;
        } catch (error) {
          deferred = undefined;
          deferredIndexes = [];
          epochTriggers = [];
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw error;
        }
      }),
  };
}
