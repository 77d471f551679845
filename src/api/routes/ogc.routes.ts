// OGC API – Features Part 1 at /ogc, so GIS clients (QGIS, GDAL's OAPIF driver, ArcGIS) read the
// published boreholes and catalog directly. Each collection gets its own items routes, so the
// OpenAPI document lists exactly the property filters that collection accepts.
import { Type, type TObject } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { InvalidInputError, NotFoundError } from '../../services/errors.js';
import {
  FEATURE_SOURCES,
  ITEMS_LIMIT,
  MEDIA,
  collection,
  collections,
  conformance,
  feature,
  items,
  landingPage,
} from '../../services/ogc/ogc.service.js';
import { problemResponses } from '../schemas/common.schema.js';
import {
  BoreholeProperties,
  CatalogProperties,
  Collection,
  Collections,
  Conformance,
  Feature,
  FeatureCollection,
  LandingPage,
} from '../schemas/ogc.schema.js';

const PROPERTIES: Readonly<Record<string, TObject>> = {
  boreholes: BoreholeProperties,
  catalog: CatalogProperties,
};

const Format = {
  f: Type.Optional(Type.Literal('json', { description: 'the encoding; JSON (GeoJSON for features) only' })),
};

const Paging = {
  limit: Type.Integer({
    minimum: 1,
    maximum: ITEMS_LIMIT.max,
    default: ITEMS_LIMIT.default,
    description: `features per page; a larger value is served as ${ITEMS_LIMIT.max}`,
  }),
  cursor: Type.Optional(
    Type.String({ maxLength: 200, description: 'opaque position, taken from a `next` link' }),
  ),
  bbox: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'minLon,minLat,maxLon,maxLat (CRS84): features shown in the box; classified boreholes by their coarsened position',
      examples: ['91,29,92,30'],
    }),
  ),
  datetime: Type.Optional(
    Type.String({
      maxLength: 100,
      description:
        'RFC 3339 instant or interval (`a/b`, `../b`, `a/..`): features whose date overlaps it (UTC days)',
      examples: ['2009-05-01', '1990-01-01T00:00:00Z/2005-12-31T23:59:59Z', '../1999-12-31'],
    }),
  ),
};

/** The origin the client used, so every link leads back through the same host and port. */
const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Query parameter names a route's schema declares; undefined where it declares none. */
function declaredParameters(request: FastifyRequest): Set<string> | undefined {
  const schema = request.routeOptions.schema?.querystring as Partial<TObject> | undefined;
  return schema?.properties ? new Set(Object.keys(schema.properties)) : undefined;
}

export const ogcRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  // Before validation: unknown parameters are named (OGC lets servers reject them; a typo must not
  // silently widen a query), and a limit above the maximum is served as the maximum, as
  // OGC 17-069r4 /req/core/fc-limit-response-1 requires, instead of failing the schema.
  app.addHook('preValidation', async (request) => {
    const declared = declaredParameters(request);
    if (!declared) return;
    const query = request.query as Record<string, unknown>;
    const unknown = Object.keys(query).filter((name) => !declared.has(name));
    if (unknown.length > 0)
      throw new InvalidInputError(
        `unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ` +
          `this resource accepts ${[...declared].join(', ')}`,
        unknown.map((name) => ({ field: name, message: 'unknown query parameter' })),
      );
    if (typeof query.limit === 'string' && /^\d+$/.test(query.limit) && Number(query.limit) > ITEMS_LIMIT.max)
      query.limit = String(ITEMS_LIMIT.max);
  });

  app.get(
    '/ogc',
    {
      schema: {
        tags: ['ogc'],
        summary: 'OGC API – Features landing page',
        querystring: Type.Object(Format),
        response: { 200: LandingPage, ...problemResponses },
      },
    },
    (request) => landingPage(origin(request)),
  );

  app.get(
    '/ogc/conformance',
    {
      schema: {
        tags: ['ogc'],
        summary: 'Conformance classes implemented (Core, GeoJSON, OpenAPI 3.0)',
        querystring: Type.Object(Format),
        response: { 200: Conformance, ...problemResponses },
      },
    },
    () => conformance(),
  );

  app.get(
    '/ogc/collections',
    {
      schema: {
        tags: ['ogc'],
        summary: 'The feature collections: boreholes and the catalog of physical geological materials',
        querystring: Type.Object(Format),
        response: { 200: Collections, ...problemResponses },
      },
    },
    (request) => collections(origin(request)),
  );

  app.get(
    '/ogc/collections/:collectionId',
    {
      schema: {
        tags: ['ogc'],
        summary: 'One feature collection',
        params: Type.Object({ collectionId: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object(Format),
        response: { 200: Collection, ...problemResponses },
      },
    },
    (request) => collection(origin(request), request.params.collectionId),
  );

  for (const source of FEATURE_SOURCES) {
    const properties = PROPERTIES[source.id];
    if (!properties) throw new Error(`no property schema for the OGC collection ${source.id}`);
    const filters = Object.fromEntries(
      Object.entries(source.filters).map(([name, description]) => [
        name,
        Type.Optional(Type.String({ maxLength: 200, description: `exact value: ${description}` })),
      ]),
    );

    app.get(
      `/ogc/collections/${source.id}/items`,
      {
        schema: {
          tags: ['ogc'],
          summary: `${source.title}: features, paged (next links), filtered by box, time and properties`,
          description: `${source.description} \`datetime\` compares \`${source.temporalProperty}\`.`,
          querystring: Type.Object({ ...Format, ...Paging, ...filters }),
          response: {
            200: { content: { [MEDIA.geojson]: { schema: FeatureCollection(properties) } } },
            ...problemResponses,
          },
        },
      },
      async (request, reply) => {
        const page = await items(store, origin(request), source.id, request.query);
        return reply.type(MEDIA.geojson).send(page);
      },
    );

    app.get(
      `/ogc/collections/${source.id}/items/:featureId`,
      {
        schema: {
          tags: ['ogc'],
          summary: `${source.title}: one feature by its public id`,
          params: Type.Object({ featureId: Type.String({ maxLength: 64 }) }),
          querystring: Type.Object(Format),
          response: {
            200: { content: { [MEDIA.geojson]: { schema: Feature(properties) } } },
            ...problemResponses,
          },
        },
      },
      async (request, reply) => {
        const found = await feature(store, origin(request), source.id, request.params.featureId);
        return reply.type(MEDIA.geojson).send(found);
      },
    );
  }

  // Known collections matched their own routes above; any other collection id is a 404.
  const unknownCollection = (request: FastifyRequest<{ Params: { collectionId: string } }>) => {
    throw new NotFoundError('collection', request.params.collectionId);
  };
  app.get('/ogc/collections/:collectionId/items', { schema: { hide: true } }, unknownCollection);
  app.get('/ogc/collections/:collectionId/items/:featureId', { schema: { hide: true } }, unknownCollection);
};
