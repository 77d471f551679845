import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function holdingsRepository(db: Kysely<Database>) {
  return {
    /** True when none of the catalog's main tables holds a row. */
    async isEmpty(): Promise<boolean> {
      for (const table of ['borehole', 'catalog_record', 'custodian', 'organisation'] as const) {
        if (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return false;
      }
      return true;
    },
  };
}
