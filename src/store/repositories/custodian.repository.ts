import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function custodianRepository(db: Kysely<Database>) {
  const withCounts = () =>
    db
      .selectFrom('custodian as c')
      .selectAll('c')
      .select([
        sql<number>`(SELECT count(*) FROM borehole b WHERE b.custodian_id = c.id)`.as('borehole_count'),
        sql<number>`(SELECT count(*) FROM catalog_record r WHERE r.custodian_id = c.id)`.as('catalog_count'),
      ]);
  return {
    listWithCounts: () =>
      withCounts().orderBy('c.level').orderBy('c.province_code').orderBy('c.code').execute(),
    byCodeWithCounts: (code: string) => withCounts().where('c.code', '=', code).executeTakeFirst(),
    /** What access checks need of a custodian: its id and province. */
    scopeByCode: (code: string) =>
      db.selectFrom('custodian').select(['id', 'province_code']).where('code', '=', code).executeTakeFirst(),
    idByCode: async (code: string) =>
      (await db.selectFrom('custodian').select('id').where('code', '=', code).executeTakeFirst())?.id,
  };
}
