// Catalog records of physical geological materials as features for the OGC API. A record has no
// position of its own: it is placed at its borehole, so a box selects records whose borehole is
// shown in it (classified holes by their published cell, the search's own test).
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import type { Box, SearchIndex } from '../search.js';
import type { DayRange } from './borehole-features.repository.js';
import { shownInBox } from './search.repository.js';
import { CATALOG_COLUMNS, type CatalogRow } from './catalog.repository.js';

type Records = ExpressionBuilder<Database & { r: Database['catalog_record'] }, 'r'>;

/** Property filters by exact value, named as the feature properties they compare. */
export interface CatalogPropertyFilter {
  material_type?: string;
  province_code?: string;
  custodian_code?: string;
}

export interface CatalogFeatureFilter extends CatalogPropertyFilter {
  box?: Box;
  /** The record's year within these days' years. */
  days?: DayRange;
}

export interface CatalogFeatureRow extends CatalogRow {
  lon: number | null;
  lat: number | null;
  confidentiality: string | null;
}

/** A year stands for all its days: it overlaps the range unless it ends before or begins after it. */
function yearWithin(eb: Records, days: DayRange): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('r.year', 'is not', null)];
  if (days.from !== null) parts.push(eb('r.year', '>=', Number(days.from.slice(0, 4))));
  if (days.to !== null) parts.push(eb('r.year', '<=', Number(days.to.slice(0, 4))));
  return eb.and(parts);
}

export function catalogFeatureRepository(db: Kysely<Database>, search: SearchIndex) {
  const matching =
    (filter: CatalogFeatureFilter) =>
    (eb: Records): Expression<SqlBool> => {
      const parts: Expression<SqlBool>[] = [];
      if (filter.box) {
        const box = filter.box;
        parts.push(
          eb(
            'r.borehole_id',
            'in',
            db
              .selectFrom('borehole as b')
              .select('b.id')
              .where((holes) => shownInBox(holes, box, search)),
          ),
        );
      }
      if (filter.days) parts.push(yearWithin(eb, filter.days));
      if (filter.material_type !== undefined) parts.push(eb('r.material_type', '=', filter.material_type));
      if (filter.province_code !== undefined) parts.push(eb('r.province_code', '=', filter.province_code));
      if (filter.custodian_code !== undefined)
        parts.push(
          eb(
            'r.custodian_id',
            'in',
            eb.selectFrom('custodian').select('id').where('code', '=', filter.custodian_code),
          ),
        );
      return eb.and(parts);
    };
  const rows = () =>
    db
      .selectFrom('catalog_record as r')
      .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
      .leftJoin('custodian as c', 'c.id', 'r.custodian_id')
      .select([...CATALOG_COLUMNS, 'b.lon', 'b.lat', 'b.confidentiality']);
  return {
    /** Matching records with id > afterId, in id order. */
    page(filter: CatalogFeatureFilter, afterId: number, limit: number): Promise<CatalogFeatureRow[]> {
      return rows()
        .where('r.id', '>', afterId)
        .where(matching(filter))
        .orderBy('r.id')
        .limit(limit)
        .execute();
    },
    async count(filter: CatalogFeatureFilter): Promise<number> {
      const row = await db
        .selectFrom('catalog_record as r')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(matching(filter))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    byPublicId(publicId: string): Promise<CatalogFeatureRow | undefined> {
      return rows().where('r.public_id', '=', publicId).executeTakeFirst();
    },
  };
}
