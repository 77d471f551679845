// Consistent online backups. SQLite's backup API copies pages while the server keeps serving;
// PostgreSQL deployments use the database's own tools.
import { existsSync, statSync } from 'node:fs';
import type { Store } from '../store/store.js';
import { AppError, InvalidInputError } from './errors.js';

export async function backupStore(
  store: Store,
  file: string,
  overwrite = false,
): Promise<{ file: string; bytes: number }> {
  if (!store.sqlite) {
    throw new AppError(
      'use_pg_dump',
      400,
      `the store is PostgreSQL (${store.location}): back it up with pg_dump, e.g. pg_dump --format=custom --file=${file} "$CORESHARE_DATABASE_URL"`,
    );
  }
  if (existsSync(file) && !overwrite)
    throw new InvalidInputError(`${file} exists; choose another name or pass --force`);
  await store.sqlite.backup(file);
  return { file, bytes: statSync(file).size };
}
