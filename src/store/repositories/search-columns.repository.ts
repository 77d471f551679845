// What the in-memory search columns (src/services/search/search-columns.ts) read from the store, in
// keyset pages, and the rows of a result page by id. Every column read here is one the search-epoch
// triggers watch (src/store/dialects/shared/search-epoch.migration.ts): read a new one, watch it too.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { BOREHOLE_SUMMARY_COLUMNS, type BoreholeSummaryRow } from './borehole.repository.js';
import { CATALOG_COLUMNS, type CatalogRow } from './catalog.repository.js';

export interface HoleColumnsRow {
  id: number;
  hole_id: string;
  lon: number | null;
  lat: number | null;
  total_depth: number | null;
  collar_elev: number | null;
  drill_start: string | null;
  province_code: string | null;
  deposit_type: string | null;
  core_class: string | null;
  custodian_id: number | null;
  funding_source: string | null;
  ownership_dispute: number;
  confidentiality: string;
  offered_modes: number;
}

export interface RecordColumnsRow {
  id: number;
  borehole_id: number | null;
  province_code: string | null;
  material_type: string;
  custodian_id: number | null;
  year: number | null;
}

/** Child tables whose rows mean "has": the language's `has:` values. */
export type HasTable = 'lithology' | 'sample' | 'core_box' | 'survey';

/** Rows of `ids` in the order of `ids` (missing ones, deleted meanwhile, left out). */
function inOrder<T extends { id: number }>(ids: readonly number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [Number(r.id), r] as const));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function searchColumnsRepository(db: Kysely<Database>) {
  return {
    async epoch(): Promise<string> {
      const row = await db.selectFrom('search_epoch').select('n').where('id', '=', 1).executeTakeFirst();
      return String(row?.n ?? 0);
    },
    holes(afterId: number, limit: number): Promise<HoleColumnsRow[]> {
      return db
        .selectFrom('borehole')
        .select([
          'id',
          'hole_id',
          'lon',
          'lat',
          'total_depth',
          'collar_elev',
          'drill_start',
          'province_code',
          'deposit_type',
          'core_class',
          'custodian_id',
          'funding_source',
          'ownership_dispute',
          'confidentiality',
          'offered_modes',
        ])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute() as Promise<HoleColumnsRow[]>;
    },
    commodities(afterHole: number, limit: number) {
      return db
        .selectFrom('borehole_commodity')
        .select(['borehole_id', 'commodity'])
        .where('borehole_id', '>', afterHole)
        .where('borehole_id', '<=', afterHole + limit)
        .orderBy('borehole_id')
        .execute();
    },
    custodians() {
      return db.selectFrom('custodian').select(['id', 'code', 'name_zh', 'name_en', 'level']).execute();
    },
    async holesWith(table: HasTable): Promise<number[]> {
      const rows = await db.selectFrom(table).select('borehole_id').distinct().execute();
      return rows.map((r) => Number(r.borehole_id));
    },
    /** (borehole, material) pairs of the catalog: the language's `material:` on boreholes. */
    holeMaterials() {
      return db
        .selectFrom('catalog_record')
        .select(['borehole_id', 'material_type'])
        .distinct()
        .where('borehole_id', 'is not', null)
        .execute();
    },
    records(afterId: number, limit: number): Promise<RecordColumnsRow[]> {
      return db
        .selectFrom('catalog_record')
        .select(['id', 'borehole_id', 'province_code', 'material_type', 'custodian_id', 'year'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
    },
    async holeSummaries(ids: readonly number[]): Promise<BoreholeSummaryRow[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('borehole as b')
        .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
        .select(BOREHOLE_SUMMARY_COLUMNS)
        .where('b.id', 'in', ids)
        .execute();
      return inOrder(ids, rows);
    },
    async recordRows(ids: readonly number[]): Promise<CatalogRow[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('catalog_record as r')
        .leftJoin('custodian as c', 'c.id', 'r.custodian_id')
        .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
        .select(CATALOG_COLUMNS)
        .where('r.id', 'in', ids)
        .execute();
      return inOrder(ids, rows);
    },
    /** For a cheap "is anything there" before a build. */
    async holeCount(): Promise<number> {
      const row = await db
        .selectFrom('borehole')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
