import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';

export const healthRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and store reachability',
        response: { 200: Type.Object({ status: Type.Literal('ok'), engine: Type.String() }) },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(store.db);
      return { status: 'ok' as const, engine: store.engine };
    },
  );
};
