// The store: one Kysely handle plus the few operations whose SQL differs per engine.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config, Engine } from '../config.js';
import type { Database } from './schema.js';
import { migrateToLatest } from './migrate.js';
import { openSqlite, type SqliteHandle } from './dialects/sqlite/connect.js';
import { openPostgres, type PostgresHandle } from './dialects/postgres/connect.js';
import { sqliteMigrations } from './dialects/sqlite/migrations.js';
import { postgresMigrations } from './dialects/postgres/migrations.js';
import { sqliteBulkWriter } from './dialects/sqlite/bulk.js';
import { postgresBulkWriter } from './dialects/postgres/bulk.js';
import type { BulkWriter } from './bulk.js';
import type { SearchIndex } from './search.js';
import { sqliteSearchIndex } from './dialects/sqlite/search.js';
import { postgresSearchIndex } from './dialects/postgres/search.js';

export interface Store {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** Present on the embedded engine only: the raw better-sqlite3 handle for bulk paths. */
  readonly sqlite: SqliteHandle['raw'] | undefined;
  /** Present on PostgreSQL only. */
  readonly pgPool: PostgresHandle['pool'] | undefined;
  /** What the store was opened on: another thread opens its own connection with it. */
  readonly target: StoreTarget;
  /** Human-readable location (file path or URL without password). */
  readonly location: string;
  /** Many-row writes in one transaction (imports, demo data). */
  readonly bulk: BulkWriter;
  /** The full-text index of boreholes and catalog records. */
  readonly search: SearchIndex;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export type StoreTarget =
  { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; poolSize?: number };

export function storeTarget(config: Config): StoreTarget {
  return config.engine === 'postgres' && config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl }
    : { engine: 'sqlite', file: join(config.dataDir, 'coreshare.sqlite') };
}

export function openStore(target: StoreTarget): Store {
  if (target.engine === 'sqlite') {
    const handle = openSqlite(target.file);
    return {
      engine: 'sqlite',
      db: handle.db,
      sqlite: handle.raw,
      pgPool: undefined,
      target,
      location: target.file,
      bulk: sqliteBulkWriter(handle.db, handle.raw, target.file),
      search: sqliteSearchIndex(handle.raw),
      migrate: () => migrateToLatest(handle.db as Kysely<unknown>, sqliteMigrations),
      close: () => handle.db.destroy(),
    };
  }
  const handle = openPostgres(target.url, target.poolSize);
  return {
    engine: 'postgres',
    db: handle.db,
    sqlite: undefined,
    pgPool: handle.pool,
    target,
    location: target.url.replace(/:[^:@/]*@/, ':***@'),
    bulk: postgresBulkWriter(handle.pool),
    search: postgresSearchIndex(handle.pool),
    migrate: () => migrateToLatest(handle.db as Kysely<unknown>, postgresMigrations),
    close: () => handle.db.destroy(),
  };
}
