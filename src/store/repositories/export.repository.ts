// The export's queries: pages of full rows in id order, joined to the codes the importer reads back.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function exportRepository(db: Kysely<Database>) {
  return {
    /** Boreholes with id > afterId: keyset pagination, constant memory however large the table. */
    boreholes(afterId: number, limit: number, dataset?: string) {
      let q = db
        .selectFrom('borehole as b')
        .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
        .leftJoin('organisation as o', 'o.id', 'b.depositor_id')
        .selectAll('b')
        .select(['c.code as custodian_code', 'o.code as depositor_code'])
        .where('b.id', '>', afterId);
      if (dataset !== undefined) q = q.where('b.dataset', '=', dataset);
      return q.orderBy('b.id').limit(limit).execute();
    },

    catalog(afterId: number, limit: number, dataset?: string) {
      let q = db
        .selectFrom('catalog_record as r')
        .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
        .leftJoin('custodian as c', 'c.id', 'r.custodian_id')
        .selectAll('r')
        .select(['b.hole_id', 'b.dataset', 'b.lon', 'b.lat', 'c.code as custodian_code'])
        .where('r.id', '>', afterId);
      if (dataset !== undefined) q = q.where('b.dataset', '=', dataset);
      return q.orderBy('r.id').limit(limit).execute();
    },
  };
}

export type ExportBorehole = Awaited<ReturnType<ReturnType<typeof exportRepository>['boreholes']>>[number];
export type ExportCatalogRecord = Awaited<ReturnType<ReturnType<typeof exportRepository>['catalog']>>[number];
