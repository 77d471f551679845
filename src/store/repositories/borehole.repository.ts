import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface BoreholeFilter {
  custodianId?: number;
  province?: string;
}

/** What a borehole shows in lists and search results (with its custodian's code). */
export const BOREHOLE_SUMMARY_COLUMNS = [
  'b.id',
  'b.public_id',
  'b.hole_id',
  'b.dataset',
  'b.name',
  'b.province_code',
  'b.lon',
  'b.lat',
  'b.total_depth',
  'b.core_class',
  'b.commodities',
  'b.deposit_name',
  'b.confidentiality',
  'c.code as custodian_code',
] as const;

/** A row selected with BOREHOLE_SUMMARY_COLUMNS. */
export interface BoreholeSummaryRow {
  id: number;
  public_id: string;
  hole_id: string;
  dataset: string;
  name: string;
  province_code: string | null;
  lon: number | null;
  lat: number | null;
  total_depth: number | null;
  core_class: string | null;
  commodities: string;
  deposit_name: string | null;
  confidentiality: string;
  custodian_code: string | null;
}

export function boreholeRepository(db: Kysely<Database>) {
  return {
    /** Rows with id > afterId in id order: keyset pagination that stays fast on the last page. */
    page(afterId: number, limit: number, filter: BoreholeFilter = {}) {
      let q = db
        .selectFrom('borehole as b')
        .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
        .select(BOREHOLE_SUMMARY_COLUMNS)
        .where('b.id', '>', afterId);
      if (filter.custodianId !== undefined) q = q.where('b.custodian_id', '=', filter.custodianId);
      if (filter.province !== undefined) q = q.where('b.province_code', '=', filter.province);
      return q.orderBy('b.id').limit(limit).execute();
    },

    byPublicId(publicId: string) {
      return db
        .selectFrom('borehole as b')
        .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
        .leftJoin('organisation as o', 'o.id', 'b.depositor_id')
        .selectAll('b')
        .select([
          'c.code as custodian_code',
          'c.name_zh as custodian_name_zh',
          'c.name_en as custodian_name_en',
          'c.level as custodian_level',
          'o.code as depositor_code',
          'o.name_zh as depositor_name_zh',
          'o.name_en as depositor_name_en',
          'o.kind as depositor_kind',
        ])
        .where('b.public_id', '=', publicId)
        .executeTakeFirst();
    },

    async children(boreholeId: number) {
      const [lithology, surveys, boxes, samples, catalog] = await Promise.all([
        db
          .selectFrom('lithology')
          .selectAll()
          .where('borehole_id', '=', boreholeId)
          .orderBy('depth_from')
          .execute(),
        db.selectFrom('survey').selectAll().where('borehole_id', '=', boreholeId).orderBy('depth').execute(),
        db
          .selectFrom('core_box')
          .selectAll()
          .where('borehole_id', '=', boreholeId)
          .orderBy('depth_from')
          .execute(),
        db
          .selectFrom('sample')
          .selectAll()
          .where('borehole_id', '=', boreholeId)
          .orderBy('depth_from')
          .orderBy('sample_no')
          .execute(),
        db
          .selectFrom('catalog_record')
          .selectAll()
          .where('borehole_id', '=', boreholeId)
          .orderBy('record_no')
          .execute(),
      ]);
      return { lithology, surveys, boxes, samples, catalog };
    },

    /** Mapped holes after `afterId` in id order, as narrow rows, to build the cluster index in pages. */
    mapPointsAfter(afterId: number, limit: number) {
      return db
        .selectFrom('borehole')
        .select(['id', 'lon', 'lat', 'confidentiality'])
        .where('id', '>', afterId)
        .where('lon', 'is not', null)
        .where('lat', 'is not', null)
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    /** Labels for the single boreholes a map view shows. */
    labelsByIds(ids: readonly number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('borehole')
        .select(['id', 'public_id', 'name', 'core_class'])
        .where('id', 'in', ids)
        .execute();
    },

    deleteByPublicId(publicId: string) {
      return db.deleteFrom('borehole').where('public_id', '=', publicId).executeTakeFirst();
    },
  };
}

export type BoreholeRepository = ReturnType<typeof boreholeRepository>;
