import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';

export type MigrationList = ReadonlyArray<{ name: string; up: (db: Kysely<unknown>) => Promise<void> }>;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Applies every pending migration of the engine in order; forward-only, so there is no `down`. */
export async function migrateToLatest(db: Kysely<unknown>, list: MigrationList): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const m of list) migrations[m.name] = { up: m.up };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'coreshare_migration',
    migrationLockTableName: 'coreshare_migration_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`,
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
