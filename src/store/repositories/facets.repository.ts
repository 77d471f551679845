// Facet counts for a search: how many of the matching boreholes fall in each province, commodity,
// class … One GROUP BY per facet over the same condition the result page uses; the "has" and
// sharing-mode facets count the language's own `has:` and `mode:` conditions, so a facet and the
// filter it turns into always agree.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import {
  byCount,
  DEPTH_BANDS,
  HAS_CODES,
  inFacetOrder,
  SHARING_MODE_CODES,
  type Facet,
  type FacetCount,
} from '../../domain/search/facets.js';

export type { FacetCount };
import type { QueryNode } from '../../domain/search/query-language.js';
import type { Database } from '../schema.js';
import type { SearchIndex } from '../search.js';
import { boreholeCondition, shownInArea, type SearchArea } from './search.repository.js';

type Holes = Parameters<typeof shownInArea>[0];

function depthBand(): ReturnType<typeof sql<string>> {
  const cases = DEPTH_BANDS.map(([label, , to]) =>
    Number.isFinite(to) ? sql`WHEN b.total_depth < ${to} THEN ${label}` : sql`ELSE ${label}`,
  );
  return sql<string>`CASE ${sql.join(cases, sql` `)} END`;
}

export function facetsRepository(db: Kysely<Database>, search: SearchIndex) {
  const matching = (node: QueryNode | null, area: SearchArea) => (eb: Holes) => {
    const parts: Expression<SqlBool>[] = [];
    if (node) parts.push(boreholeCondition(eb, node, search));
    parts.push(shownInArea(eb, area, search));
    return eb.and(parts);
  };
  const rows = (list: Array<{ value: string | null; count: number | string | bigint }>): FacetCount[] =>
    byCount(
      list.filter((r) => r.value !== null).map((r) => ({ value: String(r.value), count: Number(r.count) })),
    );

  /** Counts of one column of the borehole (or its custodian) over the matching boreholes. */
  const grouped = async (
    node: QueryNode | null,
    area: SearchArea,
    column: 'b.province_code' | 'b.core_class' | 'b.funding_source' | 'b.deposit_type' | 'c.code' | 'c.level',
  ) =>
    rows(
      await db
        .selectFrom('borehole as b')
        .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
        .select([sql<string | null>`${sql.ref(column)}`.as('value'), sql<number>`count(*)`.as('count')])
        .where(matching(node, area))
        .groupBy(column)
        .execute(),
    );

  /** One count per code of a `term` field (has:, mode:) in a single pass. */
  const flagged = async (
    node: QueryNode | null,
    area: SearchArea,
    field: 'has' | 'mode',
    codes: readonly string[],
  ) => {
    const row = await db
      .selectFrom('borehole as b')
      .select((eb) =>
        codes.map((code) =>
          sql<number>`sum(CASE WHEN ${boreholeCondition(eb, { kind: 'term', field, values: [code], span: { start: 0, end: 0 } }, search)} THEN 1 ELSE 0 END)`.as(
            `f_${code}`,
          ),
        ),
      )
      .where(matching(node, area))
      .executeTakeFirst();
    const counts = (row ?? {}) as Record<string, number | string | null>;
    return codes
      .map((code) => ({ value: code, count: Number(counts[`f_${code}`] ?? 0) }))
      .filter((f) => f.count > 0);
  };

  return {
    async count(facet: Facet, node: QueryNode | null, area: SearchArea = {}): Promise<FacetCount[]> {
      switch (facet) {
        case 'province':
          return grouped(node, area, 'b.province_code');
        case 'class':
          return grouped(node, area, 'b.core_class');
        case 'funding':
          return grouped(node, area, 'b.funding_source');
        case 'type':
          return grouped(node, area, 'b.deposit_type');
        case 'custodian':
          return grouped(node, area, 'c.code');
        case 'level':
          return grouped(node, area, 'c.level');
        case 'commodity':
          return rows(
            await db
              .selectFrom('borehole_commodity as bc')
              .innerJoin('borehole as b', 'b.id', 'bc.borehole_id')
              .select(['bc.commodity as value', sql<number>`count(*)`.as('count')])
              .where(matching(node, area))
              .groupBy('bc.commodity')
              .execute(),
          );
        case 'depth': {
          const counts = rows(
            await db
              .selectFrom('borehole as b')
              .select([depthBand().as('value'), sql<number>`count(*)`.as('count')])
              .where('b.total_depth', 'is not', null)
              .where(matching(node, area))
              .groupBy(sql`1`)
              .execute(),
          );
          return inFacetOrder('depth', counts);
        }
        case 'decade': {
          const counts = rows(
            await db
              .selectFrom('borehole as b')
              .select([
                sql<string>`substr(b.drill_start, 1, 3) || '0s'`.as('value'),
                sql<number>`count(*)`.as('count'),
              ])
              .where('b.drill_start', 'is not', null)
              .where(matching(node, area))
              .groupBy(sql`1`)
              .execute(),
          );
          return inFacetOrder('decade', counts);
        }
        case 'has':
          return flagged(node, area, 'has', HAS_CODES);
        case 'mode':
          return flagged(node, area, 'mode', SHARING_MODE_CODES);
      }
    },
  };
}
