// The same search over catalog records (实物地质资料目录): the record's own text, province,
// custodian, material and year; everything that describes a hole (commodity, class, depth, the map
// area …) through the borehole the record belongs to.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { queryGroups } from '../../domain/search/analyzer.js';
import type { QueryNode } from '../../domain/search/query-language.js';
import { holeOnly } from '../../domain/search/record-fields.js';
import type { Database } from '../schema.js';
import type { SearchIndex } from '../search.js';
import { boreholeCondition, shownInArea, type SearchArea } from './search.repository.js';
import { CATALOG_COLUMNS, type CatalogRow } from './catalog.repository.js';

type Records = ExpressionBuilder<Database & { r: Database['catalog_record'] }, 'r'>;
type Condition = Expression<SqlBool>;

const always = sql<SqlBool>`1 = 1`;

/** Records whose borehole meets `condition` (records without one never do). */
function throughBorehole(
  eb: Records,
  condition: (holes: Parameters<typeof boreholeCondition>[0]) => Condition,
): Condition {
  return eb(
    'r.borehole_id',
    'in',
    eb
      .selectFrom('borehole as b')
      .select('b.id')
      .where((holes) => condition(holes as Parameters<typeof boreholeCondition>[0])),
  );
}

function termCondition(
  eb: Records,
  node: Extract<QueryNode, { kind: 'term' }>,
  search: SearchIndex,
): Condition {
  switch (node.field) {
    case 'province':
      return eb('r.province_code', 'in', node.values);
    case 'material':
      return eb('r.material_type', 'in', node.values);
    case 'custodian':
      return eb(
        'r.custodian_id',
        'in',
        eb
          .selectFrom('custodian')
          .select('id')
          .where((c) =>
            c.or([
              c('code', 'in', node.values),
              c('name_zh', 'in', node.values),
              c('name_en', 'in', node.values),
            ]),
          ),
      );
    case 'level':
      return eb(
        'r.custodian_id',
        'in',
        eb.selectFrom('custodian').select('id').where('level', 'in', node.values),
      );
    case 'commodity':
    case 'type':
    case 'class':
    case 'funding':
    case 'confidentiality':
    case 'has':
    case 'mode':
    case 'id':
      return throughBorehole(eb, (holes) => boreholeCondition(holes, node, search));
  }
}

export function catalogCondition(eb: Records, node: QueryNode, search: SearchIndex): Condition {
  switch (node.kind) {
    case 'and': {
      // The hole conditions of an AND go through the borehole table once, together, instead of
      // once each: one subquery of the few holes that meet them all.
      const own = node.children.filter((c) => !holeOnly(c));
      const hole = node.children.filter(holeOnly);
      const parts = own.map((c) => catalogCondition(eb, c, search));
      if (hole.length)
        parts.push(
          throughBorehole(eb, (holes) => holes.and(hole.map((c) => boreholeCondition(holes, c, search)))),
        );
      return eb.and(parts);
    }
    case 'or':
      return eb.or(node.children.map((c) => catalogCondition(eb, c, search)));
    case 'not':
      // Two-valued: a hole with no value for the field (NULL) does not have the excluded value, so NOT
      // keeps it, as the in-memory search columns do.
      return sql<SqlBool>`(${catalogCondition(eb, node.child, search)}) IS NOT TRUE`;
    case 'text':
      return search.matches('catalog_record', 'r.id', queryGroups(node.text));
    case 'term':
      return termCondition(eb, node, search);
    case 'range':
      if (node.field === 'year') {
        const parts: Condition[] = [eb('r.year', 'is not', null)];
        // Whole years: a bound like 1990.5 becomes the first or last whole year it lets in (the
        // column is an integer on PostgreSQL, which refuses a fractional comparison).
        if (node.min !== null)
          parts.push(eb('r.year', '>=', node.minInclusive ? Math.ceil(node.min) : Math.floor(node.min) + 1));
        if (node.max !== null)
          parts.push(eb('r.year', '<=', node.maxInclusive ? Math.floor(node.max) : Math.ceil(node.max) - 1));
        return eb.and(parts);
      }
      return throughBorehole(eb, (holes) => boreholeCondition(holes, node, search));
    case 'prefix':
      return throughBorehole(eb, (holes) => boreholeCondition(holes, node, search));
  }
}

export type CatalogSearchRow = CatalogRow;

export function catalogSearchRepository(db: Kysely<Database>, search: SearchIndex) {
  const where = (node: QueryNode | null, area: SearchArea) => (eb: Records) => {
    const parts: Condition[] = [node ? catalogCondition(eb, node, search) : always];
    if (area.box || area.polygon || area.circle)
      parts.push(throughBorehole(eb, (holes) => shownInArea(holes, area, search)));
    return eb.and(parts);
  };
  return {
    /** Matching records with id > afterId, in id order. */
    page(
      node: QueryNode | null,
      afterId: number,
      limit: number,
      area: SearchArea = {},
    ): Promise<CatalogSearchRow[]> {
      return db
        .selectFrom('catalog_record as r')
        .leftJoin('custodian as c', 'c.id', 'r.custodian_id')
        .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
        .select(CATALOG_COLUMNS)
        .where('r.id', '>', afterId)
        .where(where(node, area))
        .orderBy('r.id')
        .limit(limit)
        .execute();
    },
    async count(node: QueryNode | null, area: SearchArea = {}): Promise<number> {
      const row = await db
        .selectFrom('catalog_record as r')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(where(node, area))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
