import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { listCatalog } from '../../services/catalog.service.js';
import { MATERIAL_TYPES } from '../../domain/vocabulary.js';
import { Nullable, PageQuery, problemResponses } from '../schemas/common.schema.js';

export const catalogRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/catalog',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Catalog of physical geological materials (实物地质资料目录), keyset pagination',
        querystring: Type.Object({
          ...PageQuery,
          custodian: Type.Optional(Type.String({ maxLength: 64 })),
          material_type: Type.Optional(Type.Union(MATERIAL_TYPES.map((m) => Type.Literal(m)))),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('CatalogRecord')),
            next_cursor: Nullable(Type.String()),
          }),
          ...problemResponses,
        },
      },
    },
    (request) => listCatalog(store, request.query),
  );
};
