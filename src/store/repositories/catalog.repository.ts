import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface CatalogFilter {
  custodianId?: number;
  materialType?: string;
}

/** What a catalog record shows: its own columns, its borehole's public id, its custodian's code. */
export const CATALOG_COLUMNS = [
  'r.id',
  'r.public_id',
  'r.record_no',
  'r.title_zh',
  'r.title_en',
  'r.material_type',
  'r.province_code',
  'r.quantity',
  'r.unit',
  'r.year',
  'r.description',
  'b.public_id as borehole_public_id',
  'c.code as custodian_code',
] as const;

/** A row selected with CATALOG_COLUMNS. */
export interface CatalogRow {
  id: number;
  public_id: string;
  record_no: string;
  title_zh: string;
  title_en: string | null;
  material_type: string;
  province_code: string | null;
  quantity: number | null;
  unit: string | null;
  year: number | null;
  description: string | null;
  borehole_public_id: string | null;
  custodian_code: string | null;
}

export function catalogRepository(db: Kysely<Database>) {
  return {
    page(afterId: number, limit: number, filter: CatalogFilter = {}) {
      let q = db
        .selectFrom('catalog_record as r')
        .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
        .leftJoin('custodian as c', 'c.id', 'r.custodian_id')
        .select(CATALOG_COLUMNS)
        .where('r.id', '>', afterId);
      if (filter.custodianId !== undefined) q = q.where('r.custodian_id', '=', filter.custodianId);
      if (filter.materialType !== undefined) q = q.where('r.material_type', '=', filter.materialType);
      return q.orderBy('r.id').limit(limit).execute();
    },
  };
}
