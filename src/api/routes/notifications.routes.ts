// /api/notifications: the caller's in-app notifications (mailed as digests too).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { listNotifications, markNotificationsRead } from '../../services/sharing/notification.service.js';
import { authProblems } from '../schemas/account.schema.js';

export const notificationRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/notifications',
    {
      config: { signIn: true },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        querystring: Type.Object({
          unread: Type.Boolean({ default: false }),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                at: Type.String(),
                title_zh: Type.String(),
                title_en: Type.String(),
                link: Type.String(),
                read: Type.Boolean(),
              }),
            ),
            unread: Type.Integer(),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...authProblems,
        },
      },
    },
    (request) =>
      listNotifications(store, request.caller, {
        unread: request.query.unread,
        limit: request.query.limit,
        before: request.query.cursor !== undefined ? Number(request.query.cursor) : undefined,
      }),
  );

  app.post(
    '/api/notifications/read',
    {
      config: { signIn: true },
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read (the given ids, or all)',
        body: Type.Object({
          ids: Type.Optional(Type.Array(Type.Integer(), { maxItems: 500 })),
          all: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ marked: Type.Integer() }), ...authProblems },
      },
    },
    async (request) => ({
      marked: await markNotificationsRead(
        store,
        request.caller,
        request.body.all ? 'all' : (request.body.ids ?? []),
      ),
    }),
  );
};
