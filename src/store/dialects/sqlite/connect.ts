import type SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../schema.js';
import { openSqliteConnection } from './connection.js';

export interface SqliteHandle {
  db: Kysely<Database>;
  raw: SQLite.Database;
}

/** The store's connection, with Kysely over it. */
export function openSqlite(file: string): SqliteHandle {
  const raw = openSqliteConnection(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, raw };
}
