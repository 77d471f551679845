// OGC API – Features Part 1 (OGC 17-069r4: Core, GeoJSON, OAS 3.0) over the published boreholes and
// catalog: the landing page, conformance, collection descriptions and feature collections paged by
// an opaque keyset cursor. Links are absolute (clients such as GDAL follow `next` as given), so the
// caller passes the origin the request came to.
import { CHINA_BOUNDS } from '../../domain/china.js';
import type { Store } from '../../store/store.js';
import { NotFoundError } from '../errors.js';
import { decodeCursor, pageOf } from '../pagination.js';
import { parseBox } from '../search/search.service.js';
import { FEATURE_SOURCES, type FeatureSource, type OgcFeature } from './ogc-collections.js';
import { parseDatetime } from './ogc-datetime.js';

export { FEATURE_SOURCES, type FeatureSource } from './ogc-collections.js';

export const OGC_ROOT = '/ogc';

export const MEDIA = {
  json: 'application/json',
  geojson: 'application/geo+json',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
  html: 'text/html',
} as const;

export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
] as const;

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** Features per page: the default, and the most one page holds (larger requests get this many). */
export const ITEMS_LIMIT = { default: 100, max: 10_000 } as const;

export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

/** The items parameters: paging, box, time, and the collection's property filters by name. */
export interface ItemsQuery {
  limit: number;
  cursor?: string;
  bbox?: string;
  datetime?: string;
  f?: string;
  [property: string]: string | number | undefined;
}

const COMMON_PARAMETERS = new Set(['limit', 'cursor', 'bbox', 'datetime', 'f']);

function sourceOf(collectionId: string): FeatureSource {
  const source = FEATURE_SOURCES.find((s) => s.id === collectionId);
  if (!source) throw new NotFoundError('collection', collectionId);
  return source;
}

export function landingPage(origin: string) {
  return {
    title: 'CoreShare — OGC API – Features',
    description:
      'Boreholes and the catalog of physical geological materials of the national drill-core sharing ' +
      'platform (岩芯科技资源共享), as GeoJSON features. Classified positions are coarsened.',
    links: [
      { href: `${origin}${OGC_ROOT}`, rel: 'self', type: MEDIA.json, title: 'This document' },
      {
        href: `${origin}/api/openapi.json`,
        rel: 'service-desc',
        type: MEDIA.openapi,
        title: 'The API definition (OpenAPI 3.0)',
      },
      { href: `${origin}/api/docs`, rel: 'service-doc', type: MEDIA.html, title: 'The API documentation' },
      {
        href: `${origin}${OGC_ROOT}/conformance`,
        rel: 'conformance',
        type: MEDIA.json,
        title: 'Conformance classes implemented',
      },
      {
        href: `${origin}${OGC_ROOT}/collections`,
        rel: 'data',
        type: MEDIA.json,
        title: 'The feature collections',
      },
    ] satisfies Link[],
  };
}

export function conformance() {
  return { conformsTo: [...CONFORMANCE_CLASSES] };
}

function describe(origin: string, source: FeatureSource) {
  const href = `${origin}${OGC_ROOT}/collections/${source.id}`;
  return {
    id: source.id,
    title: source.title,
    description: source.description,
    itemType: 'feature',
    crs: [CRS84],
    extent: {
      spatial: {
        bbox: [[CHINA_BOUNDS.minLon, CHINA_BOUNDS.minLat, CHINA_BOUNDS.maxLon, CHINA_BOUNDS.maxLat]],
        crs: CRS84,
      },
    },
    links: [
      { href, rel: 'self', type: MEDIA.json, title: `The ${source.id} collection` },
      { href: `${href}/items`, rel: 'items', type: MEDIA.geojson, title: `The ${source.id} features` },
    ] satisfies Link[],
  };
}

export function collections(origin: string) {
  return {
    links: [
      { href: `${origin}${OGC_ROOT}/collections`, rel: 'self', type: MEDIA.json, title: 'This document' },
    ] satisfies Link[],
    collections: FEATURE_SOURCES.map((s) => describe(origin, s)),
  };
}

export function collection(origin: string, collectionId: string) {
  return describe(origin, sourceOf(collectionId));
}

/** The items URL with the same parameters, so a `next` link keeps the client's filters and page size. */
function itemsHref(origin: string, collectionId: string, query: ItemsQuery, cursor: string | undefined) {
  const url = new URL(`${origin}${OGC_ROOT}/collections/${collectionId}/items`);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && name !== 'cursor') url.searchParams.set(name, String(value));
  if (cursor !== undefined) url.searchParams.set('cursor', cursor);
  return url.toString();
}

function propertyFilters(query: ItemsQuery): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query))
    if (!COMMON_PARAMETERS.has(name) && value !== undefined) values[name] = String(value);
  return values;
}

export async function items(store: Store, origin: string, collectionId: string, query: ItemsQuery) {
  const source = sourceOf(collectionId);
  const box = parseBox(query.bbox);
  const days = parseDatetime(query.datetime);
  const afterId = decodeCursor(query.cursor);
  const limit = Math.min(query.limit, ITEMS_LIMIT.max);
  const filter = { box, days, properties: propertyFilters(query) };
  const [rows, matched] = await Promise.all([
    source.page(store, filter, afterId, limit + 1),
    source.count(store, filter),
  ]);
  const page = pageOf(rows, limit, (r) => r.feature);
  const links: Link[] = [
    {
      href: itemsHref(origin, source.id, query, query.cursor),
      rel: 'self',
      type: MEDIA.geojson,
      title: 'This document',
    },
  ];
  if (page.next_cursor !== null)
    links.push({
      href: itemsHref(origin, source.id, query, page.next_cursor),
      rel: 'next',
      type: MEDIA.geojson,
      title: 'The next page',
    });
  return {
    type: 'FeatureCollection' as const,
    features: page.items,
    links,
    timeStamp: new Date().toISOString(),
    numberMatched: matched,
    numberReturned: page.items.length,
  };
}

export async function feature(
  store: Store,
  origin: string,
  collectionId: string,
  featureId: string,
): Promise<OgcFeature & { links: Link[] }> {
  const source = sourceOf(collectionId);
  const found = await source.byId(store, featureId);
  if (!found) throw new NotFoundError(`${source.id} feature`, featureId);
  const collectionHref = `${origin}${OGC_ROOT}/collections/${source.id}`;
  return {
    ...found,
    links: [
      {
        href: `${collectionHref}/items/${encodeURIComponent(found.id)}`,
        rel: 'self',
        type: MEDIA.geojson,
        title: 'This feature',
      },
      { href: collectionHref, rel: 'collection', type: MEDIA.json, title: `The ${source.id} collection` },
    ],
  };
}
