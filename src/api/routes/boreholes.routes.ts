import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getBorehole, listBoreholes } from '../../services/borehole.service.js';
import { Nullable, PageQuery, problemResponses } from '../schemas/common.schema.js';

export const boreholeRoutes: FastifyPluginAsyncTypebox<{
  store: import('../../store/store.js').Store;
}> = async (app, { store }) => {
  app.get(
    '/api/boreholes',
    {
      schema: {
        tags: ['boreholes'],
        summary: 'List boreholes (keyset pagination)',
        querystring: Type.Object({
          ...PageQuery,
          custodian: Type.Optional(Type.String({ maxLength: 64, description: 'custodian code' })),
          province: Type.Optional(
            Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 province code' }),
          ),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('BoreholeSummary')),
            next_cursor: Nullable(Type.String()),
          }),
          ...problemResponses,
        },
      },
    },
    (request) => listBoreholes(store, request.query),
  );

  app.get(
    '/api/boreholes/:id',
    {
      schema: {
        tags: ['boreholes'],
        summary: 'One borehole with lithology, surveys and trace, boxes, samples and catalog items',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Ref('BoreholeDetail'), ...problemResponses },
      },
    },
    (request) => getBorehole(store, request.params.id),
  );
};
