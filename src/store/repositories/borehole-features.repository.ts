// Boreholes as features for the OGC API: a keyset page, its count, and one by public id, filtered by
// map box, drilling date and a few exact property values. The box test is the search's own
// (shownInBox), so classified holes are selected by the cell they are shown in, never by where they are.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import type { Box, SearchIndex } from '../search.js';
import { shownInBox } from './search.repository.js';
import { BOREHOLE_SUMMARY_COLUMNS, type BoreholeSummaryRow } from './borehole.repository.js';

type Holes = Parameters<typeof shownInBox>[0];

/** Whole UTC days as `YYYY-MM-DD`, both ends included; null leaves that end open. */
export interface DayRange {
  from: string | null;
  to: string | null;
}

/** Property filters by exact value, named as the feature properties they compare. */
export interface BoreholePropertyFilter {
  province_code?: string;
  core_class?: string;
  custodian_code?: string;
  commodity?: string;
  hole_id?: string;
  dataset?: string;
}

export interface BoreholeFeatureFilter extends BoreholePropertyFilter {
  box?: Box;
  /** Drilling start within these days. */
  days?: DayRange;
}

export interface BoreholeFeatureRow extends BoreholeSummaryRow {
  drill_start: string | null;
}

/**
 * Start dates are stored as precisely as the source gave them (`2009`, `2009-05`, `2009-05-01`), and
 * a partial date stands for its whole year or month: it overlaps the range unless it ends before
 * `from` or begins after `to`. Plain text comparison does both, as the query language's `year` does.
 */
function drillStartWithin(eb: Holes, days: DayRange): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('b.drill_start', 'is not', null)];
  if (days.from !== null)
    parts.push(
      eb.or([
        eb('b.drill_start', '>=', days.from),
        eb('b.drill_start', 'in', [days.from.slice(0, 4), days.from.slice(0, 7)]),
      ]),
    );
  if (days.to !== null) parts.push(eb('b.drill_start', '<=', days.to));
  return eb.and(parts);
}

function matching(filter: BoreholeFeatureFilter, search: SearchIndex) {
  return (eb: Holes): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (filter.box) parts.push(shownInBox(eb, filter.box, search));
    if (filter.days) parts.push(drillStartWithin(eb, filter.days));
    if (filter.province_code !== undefined) parts.push(eb('b.province_code', '=', filter.province_code));
    if (filter.core_class !== undefined) parts.push(eb('b.core_class', '=', filter.core_class));
    if (filter.hole_id !== undefined) parts.push(eb('b.hole_id', '=', filter.hole_id));
    if (filter.dataset !== undefined) parts.push(eb('b.dataset', '=', filter.dataset));
    if (filter.custodian_code !== undefined)
      parts.push(
        eb(
          'b.custodian_id',
          'in',
          eb.selectFrom('custodian').select('id').where('code', '=', filter.custodian_code),
        ),
      );
    if (filter.commodity !== undefined)
      parts.push(
        eb.exists(
          eb
            .selectFrom('borehole_commodity as bc')
            .select(sql`1`.as('one'))
            .whereRef('bc.borehole_id', '=', 'b.id')
            .where('bc.commodity', '=', filter.commodity),
        ),
      );
    return eb.and(parts);
  };
}

export function boreholeFeatureRepository(db: Kysely<Database>, search: SearchIndex) {
  const rows = () =>
    db
      .selectFrom('borehole as b')
      .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
      .select([...BOREHOLE_SUMMARY_COLUMNS, 'b.drill_start']);
  return {
    /** Matching boreholes with id > afterId, in id order. */
    page(filter: BoreholeFeatureFilter, afterId: number, limit: number): Promise<BoreholeFeatureRow[]> {
      return rows()
        .where('b.id', '>', afterId)
        .where(matching(filter, search))
        .orderBy('b.id')
        .limit(limit)
        .execute();
    },
    async count(filter: BoreholeFeatureFilter): Promise<number> {
      const row = await db
        .selectFrom('borehole as b')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(matching(filter, search))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    byPublicId(publicId: string): Promise<BoreholeFeatureRow | undefined> {
      return rows().where('b.public_id', '=', publicId).executeTakeFirst();
    },
  };
}
