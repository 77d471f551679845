// /api/audit: the hash-chained log, for national administrators.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { requireAccess } from '../../services/accounts/access.service.js';
import { listAudit, verifyAuditChain } from '../../services/audit.service.js';
import { authProblems } from '../schemas/account.schema.js';

export const auditRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/audit',
    {
      config: { signIn: true },
      schema: {
        tags: ['audit'],
        summary: 'Audit entries, newest first',
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          cursor: Type.Optional(
            Type.String({ pattern: '^[0-9]{1,15}$', description: 'next_cursor of the previous page' }),
          ),
          action: Type.Optional(
            Type.String({ maxLength: 100, description: 'an action, or a prefix ending in "."' }),
          ),
          subject_type: Type.Optional(Type.String({ maxLength: 50 })),
          subject_id: Type.Optional(Type.String({ maxLength: 100 })),
          outcome: Type.Optional(
            Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')]),
          ),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('AuditEntry')),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...authProblems,
        },
      },
    },
    async (request) => {
      await requireAccess(store, request.caller, 'audit.read');
      const { cursor, ...filter } = request.query;
      return listAudit(store, { ...filter, ...(cursor !== undefined && { before: Number(cursor) }) });
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { signIn: true },
      schema: {
        tags: ['audit'],
        summary: 'Re-compute the hash chain and name the first entry that does not hold',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Integer(),
            fault: Type.Optional(
              Type.Object({
                seq: Type.Integer(),
                problem: Type.String(),
                message: Type.String(),
                message_zh: Type.String(),
              }),
            ),
          }),
          ...authProblems,
        },
      },
    },
    async (request) => {
      await requireAccess(store, request.caller, 'audit.read');
      return verifyAuditChain(store);
    },
  );
};
