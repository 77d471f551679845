import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { getCustodian, listCustodians } from '../../services/custodian.service.js';
import { problemResponses } from '../schemas/common.schema.js';

export const custodianRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/custodians',
    {
      schema: {
        tags: ['custodians'],
        summary: 'Custodian repositories at every level, with holdings counts',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Custodian')) }), ...problemResponses },
      },
    },
    async () => ({ items: await listCustodians(store) }),
  );

  app.get(
    '/api/custodians/:code',
    {
      schema: {
        tags: ['custodians'],
        summary: 'One custodian',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Ref('Custodian'), ...problemResponses },
      },
    },
    (request) => getCustodian(store, request.params.code),
  );
};
