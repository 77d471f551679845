import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import {
  searchBoreholes,
  searchCatalog,
  searchClusters,
  searchFields,
} from '../../services/search/search.service.js';
import { exportSearch } from '../../services/search/search-export.service.js';
import { Nullable, PageQuery, problemResponses } from '../schemas/common.schema.js';
import { FACETS } from '../../domain/search/facets.js';

/** What selects boreholes: the same on the results page and the export. */
const SearchFilters = {
  q: Type.Optional(Type.String({ maxLength: 4000, description: 'the query; empty: everything' })),
  polygon: Type.Optional(
    Type.String({
      maxLength: 100_000,
      description: 'a drawn area: WKT POLYGON((lon lat, …)) or a GeoJSON Polygon (WGS84, no holes)',
    }),
  ),
  near: Type.Optional(
    Type.String({ maxLength: 100, description: 'lon,lat,km: boreholes shown within km of the point' }),
  ),
  bbox: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'minLon,minLat,maxLon,maxLat (WGS84): boreholes shown in the box (classified ones by their published, coarsened position)',
    }),
  ),
};

export const searchRoutes: FastifyPluginAsyncTypebox<{
  store: import('../../store/store.js').Store;
}> = async (app, { store }) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search boreholes with the query language (Chinese or English keywords and fields)',
        description:
          'Example: `铜 省:西藏 深度>800 类别:I` = `copper province:Tibet depth>800 class:I`. Words are ' +
          'matched in both languages (铜 = copper = Cu); AND/OR/NOT (与/或/非), parentheses, quoted phrases, ' +
          'ranges (`深度:500..1500`, `年份:1990..2005`), `id:ZK16*` for hole-id prefixes. A syntax error is a 400 ' +
          'whose `errors[0].position` and `length` point at the part of `q` at fault.',
        querystring: Type.Object({
          ...SearchFilters,
          facets: Type.Optional(
            Type.String({
              maxLength: 200,
              description: `facets to count, comma-separated, or all: ${FACETS.join(', ')}`,
            }),
          ),
          sort: Type.Optional(
            Type.String({
              maxLength: 20,
              description:
                'id (default), relevance (the words as typed first, then synonyms and looser forms), depth, -depth (deepest first), date, -date (newest first), distance (from near=, to the published position)',
            }),
          ),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({
            query: Nullable(Type.String({ description: 'the query as understood, canonical English form' })),
            total: Type.Integer(),
            catalog_total: Type.Integer({
              description: 'catalog records the same search finds (listed by /api/search/catalog)',
            }),
            facets: Type.Optional(
              Type.Record(
                Type.String(),
                Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() })),
                { description: 'per facet, its values with counts over all matching boreholes' },
              ),
            ),
            items: Type.Array(
              Type.Intersect([
                Type.Ref('BoreholeSummary'),
                Type.Object({
                  highlight: Type.Optional(
                    Type.Object({
                      name: Type.Array(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), {
                        description: 'UTF-16 [start, end) ranges of the name where the query matched',
                      }),
                    }),
                  ),
                }),
              ]),
            ),
            next_cursor: Nullable(Type.String()),
          }),
          ...problemResponses,
        },
      },
    },
    (request) => searchBoreholes(store, request.query),
  );

  app.get(
    '/api/search/catalog',
    {
      schema: {
        tags: ['search'],
        summary: 'Catalog records (实物地质资料目录) the same search finds',
        description:
          'Same q and map parameters as /api/search: records match by their own text, province, custodian, material and year; hole fields (commodity, class, depth …) and the map area through their borehole.',
        querystring: Type.Object({ ...SearchFilters, ...PageQuery }),
        response: {
          200: Type.Object({
            query: Nullable(Type.String()),
            total: Type.Integer(),
            items: Type.Array(Type.Ref('CatalogRecord')),
            next_cursor: Nullable(Type.String()),
          }),
          ...problemResponses,
        },
      },
    },
    (request) => searchCatalog(store, request.query),
  );

  app.get(
    '/api/search/clusters',
    {
      schema: {
        tags: ['search'],
        summary: 'The boreholes a search finds, clustered for a map view (GeoJSON)',
        description:
          'Clusters: {cluster: true, point_count}; single boreholes: {id, name, core_class}. Grid clusters over published positions (classified holes coarsened), about 32 pixels apart at each zoom.',
        querystring: Type.Object({
          ...SearchFilters,
          bbox: Type.String({ maxLength: 200, description: 'minLon,minLat,maxLon,maxLat: the map view' }),
          zoom: Type.Number({ minimum: 0, maximum: 22 }),
        }),
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(
              Type.Object({
                type: Type.Literal('Feature'),
                geometry: Type.Object({
                  type: Type.Literal('Point'),
                  coordinates: Type.Array(Type.Number()),
                }),
                properties: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    (request) => searchClusters(store, request.query),
  );

  app.get(
    '/api/search/export',
    {
      schema: {
        tags: ['search'],
        summary: 'Every borehole a search finds, streamed as CSV (UTF-8 with BOM) or GeoJSON',
        description:
          'Same parameters as /api/search without paging; positions as published (classified holes coarsened).',
        querystring: Type.Object({
          ...SearchFilters,
          format: Type.Union([Type.Literal('csv'), Type.Literal('geojson')], { default: 'csv' }),
        }),
        response: {
          200: Type.String({ description: 'text/csv or application/geo+json, streamed' }),
          ...problemResponses,
        },
      },
    },
    (request, reply) => {
      const { format, ...filters } = request.query;
      const download = exportSearch(store, filters, format);
      return reply
        .type(download.contentType)
        .header('content-disposition', `attachment; filename="${download.filename}"`)
        .send(Readable.from(download.body));
    },
  );

  const Words = Type.Object({ en: Type.Array(Type.String()), zh: Type.Array(Type.String()) });
  const Label = Type.Object({ en: Type.String(), zh: Type.String() });
  app.get(
    '/api/search/fields',
    {
      schema: {
        tags: ['search'],
        summary: 'The fields of the query language, with aliases in both languages and accepted values',
        response: {
          200: Type.Object({
            limits: Type.Object({
              maxLength: Type.Integer(),
              maxNesting: Type.Integer(),
              maxTerms: Type.Integer(),
            }),
            fields: Type.Array(
              Type.Object({
                name: Type.String(),
                aliases: Words,
                kind: Type.String(),
                label: Label,
                unit: Type.Optional(Label),
                values: Type.Optional(
                  Type.Array(
                    Type.Object({
                      code: Type.String(),
                      en: Type.Array(Type.String()),
                      zh: Type.Array(Type.String()),
                    }),
                  ),
                ),
                examples: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    () => searchFields(),
  );
};
