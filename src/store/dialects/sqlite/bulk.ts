import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import {
  BULK_TABLES,
  updatableColumns,
  type BoreholeRef,
  type BulkSession,
  type BulkTable,
  type BulkWriter,
} from '../../bulk.js';

function upsertSql(table: BulkTable): string {
  const spec = BULK_TABLES[table];
  const columns = Object.keys(spec.columns);
  const updates = updatableColumns(spec);
  const action = updates.length
    ? `DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
    : 'DO NOTHING';
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')}) ON CONFLICT (${spec.conflict.join(', ')}) ${action}`;
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
  const session: BulkSession = {
    upsert: async (table, rows) => {
      const statement = prepared(`upsert:${table}`, () => upsertSql(table));
      for (const row of rows) statement.run(row);
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
        raw.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(session);
          raw.exec('COMMIT');
          return result;
        } catch (error) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw error;
        }
      }),
  };
}
