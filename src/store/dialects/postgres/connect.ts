import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../../schema.js';

export interface PostgresHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
}

// COUNT(*) and SUM() come back as int8/numeric; our values fit in a double, so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openPostgres(url: string, max = 10): PostgresHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
