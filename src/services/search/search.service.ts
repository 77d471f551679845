// Searching boreholes with the one search box: the query language (src/domain/search) parsed here,
// compiled to SQL by the store, answered a keyset page at a time with the total count.
import {
  parseQuery,
  formatQuery,
  QUERY_FIELDS,
  QUERY_LIMITS,
  QuerySyntaxError,
  type QueryNode,
} from '../../domain/search/query-language.js';
import {
  SEARCH_SORTS,
  searchRepository,
  type SearchArea,
  type SearchRow,
  type SearchSort,
  type SortPosition,
} from '../../store/repositories/search.repository.js';
import { AreaError, parseNear, parsePolygon } from '../../domain/search/areas.js';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Store } from '../../store/store.js';
import { boreholeRepository } from '../../store/repositories/borehole.repository.js';
import { facetsRepository } from '../../store/repositories/facets.repository.js';
import type { FacetCount } from '../../domain/search/facets.js';
import { searchColumnsRepository } from '../../store/repositories/search-columns.repository.js';
import { searchColumns, TextMatches } from './search-columns.js';
import { queryGroups, type QueryGroup } from '../../domain/search/analyzer.js';
import { askedTexts, highlightRanges, type Range } from '../../domain/search/highlight.js';
import { catalogSearchRepository } from '../../store/repositories/catalog-search.repository.js';
import { FACETS, type Facet } from '../../domain/search/facets.js';
import { DEPOSIT_TYPES } from '../../domain/china.js';
import { parseBox } from '../bbox.js';

export { parseBox };
import { boreholeSummary, type BoreholeSummary } from '../borehole.service.js';
import { catalogItem, type CatalogItem } from '../catalog.service.js';
import { InvalidInputError } from '../errors.js';
import { decodeCursor, encodeCursor, pageOf, type Page } from '../pagination.js';

export interface SearchQuery {
  q?: string;
  /** Comma-separated facet names to count, or `all`. */
  facets?: string;
  /** id (default), depth, -depth, date, -date, distance (with near). */
  sort?: string;
  /** minLon,minLat,maxLon,maxLat (WGS84). */
  bbox?: string;
  /** WKT POLYGON((…)) or a GeoJSON Polygon. */
  polygon?: string;
  /** lon,lat,km. */
  near?: string;
  limit: number;
  cursor?: string;
}

export interface CatalogSearchResult extends Page<CatalogItem> {
  query: string | null;
  total: number;
}

/** A borehole found by a search, with where its name matched the query's words. */
export interface SearchHit extends BoreholeSummary {
  highlight?: { name: Range[] };
}

export interface SearchResult extends Page<SearchHit> {
  /** Catalog records the same search finds (listed by /api/search/catalog): search them together. */
  catalog_total: number;
  /** Counts per facet value over all matching boreholes (only the facets asked for). */
  facets?: Partial<Record<Facet, FacetCount[]>>;
  /** The query as understood, in the canonical English form (null: no query, everything). */
  query: string | null;
  total: number;
}

/** A syntax error as a 400 that points at the part of the query at fault, in both languages. */
function parsed(q: string | undefined): QueryNode | null {
  try {
    return parseQuery(q ?? '');
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    throw new InvalidInputError(`q: ${error.message}`, [
      {
        field: 'q',
        position: error.position,
        length: error.length,
        message: error.message,
        message_zh: error.messageZh,
      },
    ]);
  }
}

function withHighlight(b: BoreholeSummary, groups: QueryGroup[]): SearchHit {
  const name = groups.length ? highlightRanges(b.name, groups) : [];
  return name.length ? { ...b, highlight: { name } } : b;
}

/** What a reader without clearance may see of a matching borehole. */
export const summary = (r: SearchRow): BoreholeSummary => boreholeSummary(r);

function facetList(text: string | undefined): Facet[] {
  if (text === undefined || text.trim() === '') return [];
  if (text.trim() === 'all') return [...FACETS];
  const names = [
    ...new Set(
      text
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = names.filter((n) => !(FACETS as readonly string[]).includes(n));
  if (unknown.length)
    throw new InvalidInputError(
      `facets: unknown facet ${unknown.join(', ')}; use ${FACETS.join(', ')} or all`,
      [{ field: 'facets', message: `unknown facet ${unknown.join(', ')}` }],
    );
  return names as Facet[];
}

const depositTypeKey = new Map(
  DEPOSIT_TYPES.flatMap(
    (t) =>
      [
        [t.key, t.key],
        [t.zh, t.key],
        [t.en, t.key],
      ] as const,
  ),
);

/** Deposit types are stored as written (斑岩型, porphyry): count them under the key `type:` takes. */
function tidy(facet: Facet, counts: FacetCount[]): FacetCount[] {
  if (facet !== 'type') return counts;
  const merged = new Map<string, number>();
  for (const c of counts) {
    const key = depositTypeKey.get(c.value) ?? c.value;
    merged.set(key, (merged.get(key) ?? 0) + c.count);
  }
  return [...merged].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/** The map part of a search; a bad polygon or circle is a 400 naming what is wrong with it. */
function searchArea(query: Pick<SearchQuery, 'bbox' | 'polygon' | 'near'>): SearchArea {
  const area: SearchArea = {};
  const box = parseBox(query.bbox);
  if (box) area.box = box;
  try {
    if (query.polygon !== undefined && query.polygon.trim() !== '')
      area.polygon = parsePolygon(query.polygon);
    if (query.near !== undefined && query.near.trim() !== '') area.circle = parseNear(query.near);
  } catch (error) {
    if (!(error instanceof AreaError)) throw error;
    throw new InvalidInputError(`${error.field}: ${error.message}`, [
      { field: error.field, message: error.message, message_zh: error.messageZh },
    ]);
  }
  return area;
}

/** The query and the map area, checked: every problem is a 400 naming the parameter. */
export function parsedSearch(query: Pick<SearchQuery, 'q' | 'bbox' | 'polygon' | 'near'>): {
  node: QueryNode | null;
  area: SearchArea;
} {
  return { node: parsed(query.q), area: searchArea(query) };
}

function sortOf(text: string | undefined, area: SearchArea): SearchSort {
  const sort = (text ?? 'id').trim() || 'id';
  if (!(SEARCH_SORTS as readonly string[]).includes(sort))
    throw new InvalidInputError(
      `sort: unknown order ${JSON.stringify(sort)}; use ${SEARCH_SORTS.join(', ')}`,
      [{ field: 'sort', message: `unknown order ${JSON.stringify(sort)}` }],
    );
  if (sort === 'distance' && !area.circle)
    throw new InvalidInputError('sort: distance needs a centre: give near=lon,lat,km', [
      { field: 'sort', message: 'sort=distance needs near=lon,lat,km' },
    ]);
  return sort as SearchSort;
}

/** Cursors name their order, so one from another order is refused instead of skipping rows. */
function encodeSortCursor(sort: SearchSort, row: { sort_key: number | string; id: number }): string {
  return sort === 'id'
    ? encodeCursor(row.id)
    : Buffer.from(JSON.stringify([sort, row.sort_key, row.id])).toString('base64url');
}

function decodeSortCursor(sort: SearchSort, cursor: string | undefined): SortPosition | null {
  if (!cursor) return null;
  if (sort === 'id') {
    const id = decodeCursor(cursor);
    return { key: id, id };
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const [s, key, id] = Array.isArray(value) ? (value as unknown[]) : [];
  if (
    s !== sort ||
    (typeof key !== 'number' && typeof key !== 'string') ||
    typeof id !== 'number' ||
    !Number.isInteger(id)
  )
    throw new InvalidInputError('cursor is not one this server issued for this order', [
      { field: 'cursor', message: 'malformed cursor, or one from another sort order' },
    ]);
  return { key, id };
}

export async function searchBoreholes(store: Store, query: SearchQuery): Promise<SearchResult> {
  const { node, area } = parsedSearch(query);
  const sort = sortOf(query.sort, area);
  const after = decodeSortCursor(sort, query.cursor);
  const wanted = facetList(query.facets);
  const groups = node ? askedTexts(node).flatMap(queryGroups) : [];
  const columns = await searchColumns(store).current();
  if (columns) {
    // The in-memory columns: one pass per answer instead of one SQL query per count.
    const texts = await TextMatches.fetch(store, columns, node, ['borehole', 'catalog_record']);
    const found = columns.holesMatching(node, area, texts);
    const score = sort === 'relevance' ? await columns.relevance(store, node) : undefined;
    const keys = columns.page(found, sort, after, query.limit + 1, area, score);
    const summaries = await searchColumnsRepository(store.db).holeSummaries(keys.map((k) => k.id));
    const sortKeys = new Map(keys.map((k) => [k.id, k.sort_key] as const));
    const rows = summaries.map((r) => ({ ...r, sort_key: sortKeys.get(r.id)! }));
    return {
      query: node ? formatQuery(node) : null,
      total: found.count(),
      catalog_total: columns.recordsMatching(node, area, texts).count(),
      ...(wanted.length > 0 && {
        facets: Object.fromEntries(wanted.map((f) => [f, tidy(f, columns.facet(f, found))])),
      }),
      ...pageOf(rows, query.limit, (r) => withHighlight(summary(r), groups)),
      next_cursor: rows.length > query.limit ? encodeSortCursor(sort, rows[query.limit - 1]!) : null,
    };
  }
  const repo = searchRepository(store.db, store.search);
  const facets = facetsRepository(store.db, store.search);
  const [rows, total, catalogTotal, counts] = await Promise.all([
    repo.page(node, after, query.limit + 1, area, sort),
    repo.count(node, area),
    catalogSearchRepository(store.db, store.search).count(node, area),
    Promise.all(wanted.map(async (f) => [f, tidy(f, await facets.count(f, node, area))] as const)),
  ]);
  return {
    query: node ? formatQuery(node) : null,
    total,
    catalog_total: catalogTotal,
    ...(wanted.length > 0 && { facets: Object.fromEntries(counts) }),
    ...pageOf(rows, query.limit, (r) => withHighlight(summary(r), groups)),
    next_cursor: rows.length > query.limit ? encodeSortCursor(sort, rows[query.limit - 1]!) : null,
  };
}

type Writable<T> = T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/** The language's fields for the help page and clients: one source, the parser's own table. */
export function searchFields() {
  return {
    limits: { ...QUERY_LIMITS },
    fields: structuredClone(QUERY_FIELDS) as Writable<typeof QUERY_FIELDS>,
  };
}

/** Catalog records found by the same query and area: their own text and fields, and their hole's. */
export async function searchCatalog(
  store: Store,
  query: Pick<SearchQuery, 'q' | 'bbox' | 'polygon' | 'near' | 'limit' | 'cursor'>,
): Promise<CatalogSearchResult> {
  const { node, area } = parsedSearch(query);
  const afterId = decodeCursor(query.cursor);
  const columns = await searchColumns(store).current();
  if (columns) {
    const texts = await TextMatches.fetch(store, columns, node, ['catalog_record']);
    const found = columns.recordsMatching(node, area, texts);
    const rows = await searchColumnsRepository(store.db).recordRows(
      columns.recordPage(found, afterId, query.limit + 1),
    );
    return {
      query: node ? formatQuery(node) : null,
      total: found.count(),
      ...pageOf(rows, query.limit, catalogItem),
    };
  }
  const repo = catalogSearchRepository(store.db, store.search);
  const [rows, total] = await Promise.all([
    repo.page(node, afterId, query.limit + 1, area),
    repo.count(node, area),
  ]);
  return {
    query: node ? formatQuery(node) : null,
    total,
    ...pageOf(rows, query.limit, catalogItem),
  };
}

/** Grid cells per 256-pixel tile: clusters about 32 pixels apart at every zoom. */
const CELLS_PER_TILE = 8;

export interface ClusterQuery {
  q?: string;
  bbox: string;
  zoom: number;
  polygon?: string;
  near?: string;
}

/**
 * The boreholes a search finds, clustered for the map view: cells of a zoom-dependent grid over
 * published positions (so a cluster's mean never reveals a classified hole), single holes as points.
 */
export async function searchClusters(store: Store, query: ClusterQuery): Promise<FeatureCollection<Point>> {
  const { node, area } = parsedSearch(query);
  if (!area.box) throw new InvalidInputError('bbox is required', [{ field: 'bbox', message: 'required' }]);
  const cell = 360 / (2 ** Math.floor(query.zoom) * CELLS_PER_TILE);
  const columns = await searchColumns(store).current();
  const cells = columns
    ? columns.cells(
        columns.holesMatching(node, area, await TextMatches.fetch(store, columns, node, ['borehole'])),
        cell,
      )
    : await searchRepository(store.db, store.search).cells(node, area, cell);
  const singles = cells.filter((c) => Number(c.n) === 1).map((c) => Number(c.first_id));
  const labels = new Map(
    (await boreholeRepository(store.db).labelsByIds(singles)).map((l) => [l.id, l] as const),
  );
  const features: Array<Feature<Point>> = [];
  for (const c of cells) {
    const n = Number(c.n);
    const geometry: Point = { type: 'Point', coordinates: [Number(c.lon), Number(c.lat)] };
    if (n > 1) {
      features.push({ type: 'Feature', geometry, properties: { cluster: true, point_count: n } });
      continue;
    }
    const label = labels.get(Number(c.first_id));
    if (label)
      features.push({
        type: 'Feature',
        geometry,
        properties: { id: label.public_id, name: label.name, core_class: label.core_class },
      });
  }
  return { type: 'FeatureCollection', features };
}
