// Compiles a parsed search query (src/domain/search) into a condition on boreholes, the same SQL on
// both engines except the full-text match, which the engine's SearchIndex supplies.
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { SHARING_MODES, type SharingMode } from '../../domain/sharing-modes.js';
import { depositTypeSpellings } from '../../domain/china.js';
import { queryGroups } from '../../domain/search/analyzer.js';
import { AS_TYPED, LOOSER, rankedGroups } from '../../domain/search/relevance.js';
import type { QueryNode } from '../../domain/search/query-language.js';
import type { NumericField, TermField } from '../../domain/search/query-ast.js';
import type { Database } from '../schema.js';
import { BOREHOLE_SUMMARY_COLUMNS, type BoreholeSummaryRow } from './borehole.repository.js';
import type { Box, SearchIndex } from '../search.js';
import type { Circle, Polygon } from '../../domain/search/areas.js';
import { CLASSIFIED_CELL_DEGREES, cellsShownWithin } from '../../domain/desensitise.js';

type Holes = ExpressionBuilder<Database & { b: Database['borehole'] }, 'b'>;
type Condition = Expression<SqlBool>;

const PUBLIC_MONEY = ['central_fiscal', 'local_fiscal'];
const NUMERIC_COLUMNS: Record<Exclude<NumericField, 'year'>, 'b.total_depth' | 'b.collar_elev'> = {
  depth: 'b.total_depth',
  elevation: 'b.collar_elev',
};
/** Child tables whose rows mean "has" that kind of data; images, spectra and XRF arrive later. */
const HAS_TABLES: Record<string, 'lithology' | 'sample' | 'core_box' | 'survey' | undefined> = {
  lithology: 'lithology',
  samples: 'sample',
  boxes: 'core_box',
  surveys: 'survey',
};

const never = sql<SqlBool>`1 = 0`;
const always = sql<SqlBool>`1 = 1`;

/**
 * Open in a mode: some live offer opens it (the offered_modes bits) and the core can be shared that
 * way at all, as eligibleModes() in src/domain/sharing-modes.ts states (a test keeps the two in step).
 */
function modeCondition(eb: Holes, mode: string): Condition {
  const index = SHARING_MODES.indexOf(mode as SharingMode);
  if (index < 0) return never;
  const offered = sql<SqlBool>`(b.offered_modes & ${sql.lit(1 << index)}) <> 0`;
  return eb.and([offered, modeBasis(eb, mode as SharingMode)]);
}

function modeBasis(eb: Holes, mode: SharingMode): Condition {
  switch (mode) {
    case 'public_welfare':
    case 'public_loan':
      return eb('b.funding_source', 'in', PUBLIC_MONEY);
    case 'cooperative':
      return always;
    case 'trade':
      return eb.and([
        eb.or([eb('b.funding_source', 'is', null), eb('b.funding_source', 'not in', PUBLIC_MONEY)]),
        eb('b.ownership_dispute', '=', 0),
      ]);
    case 'lease':
      return eb('b.ownership_dispute', '=', 0);
    case 'permit':
      return eb('b.core_class', '=', 'I');
  }
}

function hasCondition(eb: Holes, what: string): Condition {
  const table = HAS_TABLES[what];
  if (!table) return never;
  return eb.exists(
    eb
      .selectFrom(table)
      .select(sql`1`.as('one'))
      .whereRef(`${table}.borehole_id`, '=', 'b.id'),
  );
}

function termCondition(eb: Holes, field: TermField, values: string[]): Condition {
  switch (field) {
    case 'province':
      return eb('b.province_code', 'in', values);
    case 'commodity':
      return eb.exists(
        eb
          .selectFrom('borehole_commodity as bc')
          .select(sql`1`.as('one'))
          .whereRef('bc.borehole_id', '=', 'b.id')
          .where('bc.commodity', 'in', values),
      );
    case 'type':
      return eb('b.deposit_type', 'in', depositTypeSpellings(values));
    case 'class':
      return eb('b.core_class', 'in', values);
    case 'funding':
      return eb('b.funding_source', 'in', values);
    case 'confidentiality':
      return eb('b.confidentiality', 'in', values);
    case 'level':
      return eb('b.custodian_id', 'in', eb.selectFrom('custodian').select('id').where('level', 'in', values));
    case 'custodian':
      return eb(
        'b.custodian_id',
        'in',
        eb
          .selectFrom('custodian')
          .select('id')
          .where((c) =>
            c.or([c('code', 'in', values), c('name_zh', 'in', values), c('name_en', 'in', values)]),
          ),
      );
    case 'material':
      return eb.exists(
        eb
          .selectFrom('catalog_record as r')
          .select(sql`1`.as('one'))
          .whereRef('r.borehole_id', '=', 'b.id')
          .where('r.material_type', 'in', values),
      );
    case 'has':
      return eb.or(values.map((v) => hasCondition(eb, v)));
    case 'mode':
      return eb.or(values.map((v) => modeCondition(eb, v)));
    case 'id':
      return eb('b.hole_id', 'in', values);
  }
}

/** `year` is the drilling start year, compared on the ISO date text (portable, index-friendly). */
function yearCondition(eb: Holes, node: Extract<QueryNode, { kind: 'range' }>): Condition {
  const parts: Condition[] = [eb('b.drill_start', 'is not', null)];
  if (node.min !== null) {
    const first = node.minInclusive ? Math.ceil(node.min) : Math.floor(node.min) + 1;
    parts.push(eb('b.drill_start', '>=', String(first).padStart(4, '0')));
  }
  if (node.max !== null) {
    const last = node.maxInclusive ? Math.floor(node.max) : Math.ceil(node.max) - 1;
    parts.push(eb('b.drill_start', '<', String(last + 1).padStart(4, '0')));
  }
  return eb.and(parts);
}

function rangeCondition(eb: Holes, node: Extract<QueryNode, { kind: 'range' }>): Condition {
  if (node.field === 'year') return yearCondition(eb, node);
  const column = NUMERIC_COLUMNS[node.field];
  const parts: Condition[] = [eb(column, 'is not', null)];
  if (node.min !== null) parts.push(eb(column, node.minInclusive ? '>=' : '>', node.min));
  if (node.max !== null) parts.push(eb(column, node.maxInclusive ? '<=' : '<', node.max));
  return eb.and(parts);
}

/** Escapes LIKE's wildcards so a typed `%` or `_` is literal. */
function likePrefix(text: string): string {
  return `${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function boreholeCondition(eb: Holes, node: QueryNode, search: SearchIndex): Condition {
  switch (node.kind) {
    case 'and':
      return eb.and(node.children.map((c) => boreholeCondition(eb, c, search)));
    case 'or':
      return eb.or(node.children.map((c) => boreholeCondition(eb, c, search)));
    case 'not':
      // Two-valued: a hole with no value for the field (NULL) does not have the excluded value, so NOT
      // keeps it, as the in-memory search columns do.
      return sql<SqlBool>`(${boreholeCondition(eb, node.child, search)}) IS NOT TRUE`;
    case 'text':
      return search.matches('borehole', 'b.id', queryGroups(node.text));
    case 'prefix':
      return sql<SqlBool>`${search.upper(sql.ref('b.hole_id'))} LIKE ${likePrefix(node.text)} ESCAPE '\\'`;
    case 'term':
      return termCondition(eb, node.field, node.values);
    case 'range':
      return rangeCondition(eb, node);
  }
}

/** Boreholes shown inside the box: true positions, or the cell centre for classified holes. */
export function shownInBox(eb: Holes, box: Box, search: SearchIndex): Condition {
  const [minLon, minLat, maxLon, maxLat] = box;
  const cell = CLASSIFIED_CELL_DEGREES;
  const [lon0, lon1] = cellsShownWithin(minLon, maxLon);
  const [lat0, lat1] = cellsShownWithin(minLat, maxLat);
  return eb.and([
    search.nearBox('b', box, cell),
    eb.or([
      eb.and([
        eb('b.confidentiality', '<>', 'classified'),
        eb('b.lon', '>=', minLon),
        eb('b.lon', '<=', maxLon),
        eb('b.lat', '>=', minLat),
        eb('b.lat', '<=', maxLat),
      ]),
      eb.and([
        eb('b.confidentiality', '=', 'classified'),
        sql<SqlBool>`floor(${sql.ref('b.lon')} / ${cell}) BETWEEN ${lon0} AND ${lon1}`,
        sql<SqlBool>`floor(${sql.ref('b.lat')} / ${cell}) BETWEEN ${lat0} AND ${lat1}`,
      ]),
    ]),
  ]);
}

/** Where on the map: any of a box, a polygon and a circle (all must hold). */
export interface SearchArea {
  box?: Box;
  polygon?: Polygon;
  circle?: Circle;
}

/** Boreholes shown inside the area: spatial-index pre-filter, then the published position. */
export function shownInArea(eb: Holes, area: SearchArea, search: SearchIndex): Condition {
  const parts: Condition[] = [];
  if (area.box) parts.push(shownInBox(eb, area.box, search));
  if (area.polygon)
    parts.push(
      eb.and([
        search.nearBox('b', area.polygon.bbox, CLASSIFIED_CELL_DEGREES),
        search.shownInPolygon('b', area.polygon),
      ]),
    );
  if (area.circle)
    parts.push(
      eb.and([
        search.nearBox('b', area.circle.bbox, CLASSIFIED_CELL_DEGREES),
        search.shownWithin('b', area.circle),
      ]),
    );
  return eb.and(parts);
}

export type SearchRow = BoreholeSummaryRow;

export const SEARCH_SORTS = ['id', 'relevance', 'depth', '-depth', 'date', '-date', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Where the previous page ended: its last row's sort key and id. */
export interface SortPosition {
  key: number | string;
  id: number;
}

/**
 * The sort key as one non-null value per row (missing depths and dates sort last), so keyset
 * pagination is a plain (key, id) comparison on both engines. Distance is to the published position.
 */
function sortKey(
  sort: SearchSort,
  area: SearchArea,
  search: SearchIndex,
  node: QueryNode | null,
): { key: RawBuilder<number | string>; descending: boolean } {
  switch (sort) {
    case 'id':
      return { key: sql<number>`${sql.ref('b.id')}`, descending: false };
    case 'relevance': {
      // Minus the score (src/domain/search/relevance.ts), ascending: best first, then id order.
      const scores = rankedGroups(node).map(
        (group) =>
          sql<number>`CASE WHEN ${search.matches('borehole', 'b.id', [[group[0]!]])} THEN ${sql.lit(AS_TYPED)} WHEN ${search.matches('borehole', 'b.id', [group])} THEN ${sql.lit(LOOSER)} ELSE 0 END`,
      );
      return {
        // Without words every score is 0: an expression, since ORDER BY 0 names a column.
        key: scores.length
          ? sql<number>`0 - (${sql.join(scores, sql` + `)})`
          : sql<number>`(${sql.ref('b.id')} * 0)`,
        descending: false,
      };
    }
    case 'depth':
      return { key: sql<number>`coalesce(${sql.ref('b.total_depth')}, 1e300)`, descending: false };
    case '-depth':
      return { key: sql<number>`coalesce(${sql.ref('b.total_depth')}, -1e300)`, descending: true };
    case 'date':
      return { key: sql<string>`coalesce(${sql.ref('b.drill_start')}, '9999')`, descending: false };
    case '-date':
      return { key: sql<string>`coalesce(${sql.ref('b.drill_start')}, '0000')`, descending: true };
    case 'distance': {
      const centre = area.circle;
      if (!centre) throw new Error('sort by distance needs a centre (near=)');
      return {
        key: sql<number>`coalesce(${search.shownDistanceKm('b', centre.lon, centre.lat)}, 1e300)`,
        descending: false,
      };
    }
  }
}

export function searchRepository(db: Kysely<Database>, search: SearchIndex) {
  const where = (node: QueryNode | null, area: SearchArea) => (eb: Holes) =>
    eb.and([node ? boreholeCondition(eb, node, search) : always, shownInArea(eb, area, search)]);
  return {
    /** A page of matching boreholes after `after` (null: the first page), in `sort` order. */
    page(
      node: QueryNode | null,
      after: SortPosition | null,
      limit: number,
      area: SearchArea = {},
      sort: SearchSort = 'id',
    ): Promise<Array<SearchRow & { sort_key: number | string }>> {
      const { key, descending } = sortKey(sort, area, search, node);
      let q = db
        .selectFrom('borehole as b')
        .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
        .select([...BOREHOLE_SUMMARY_COLUMNS, key.as('sort_key')])
        .where(where(node, area));
      if (after) {
        const [beyond, thenId] = descending ? (['<', '<'] as const) : (['>', '>'] as const);
        q = q.where((eb) =>
          eb.or([
            eb(key, beyond, after.key),
            eb.and([eb(key, '=', after.key), eb('b.id', thenId, after.id)]),
          ]),
        );
      }
      const direction = descending ? 'desc' : 'asc';
      return q.orderBy(key, direction).orderBy('b.id', direction).limit(limit).execute();
    },
    /**
     * Matching boreholes gathered in grid cells of `cell` degrees by their published position: per
     * cell the count, the mean position and one member's id (the borehole itself when alone).
     */
    cells(node: QueryNode | null, area: SearchArea, cell: number) {
      const lon = search.shownCoordinate('b', 'lon');
      const lat = search.shownCoordinate('b', 'lat');
      return db
        .selectFrom('borehole as b')
        .select([
          sql<number>`floor(${lon} / ${cell})`.as('cx'),
          sql<number>`floor(${lat} / ${cell})`.as('cy'),
          sql<number>`count(*)`.as('n'),
          sql<number>`avg(${lon})`.as('lon'),
          sql<number>`avg(${lat})`.as('lat'),
          sql<number>`min(b.id)`.as('first_id'),
        ])
        .where('b.lon', 'is not', null)
        .where('b.lat', 'is not', null)
        .where(where(node, area))
        .groupBy([sql`1`, sql`2`])
        .execute();
    },
    async count(node: QueryNode | null, area: SearchArea = {}): Promise<number> {
      const row = await db
        .selectFrom('borehole as b')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(where(node, area))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
