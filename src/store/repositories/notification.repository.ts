// In-app notifications, the digests that mail them, and what is overdue (loans and results).
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function notificationRepository(db: Kysely<Database>) {
  return {
    page: (
      userId: number,
      filter: { unread?: boolean | undefined; before?: number | undefined; limit: number },
    ) => {
      let q = db.selectFrom('notification').selectAll().where('user_id', '=', userId);
      if (filter.unread) q = q.where('read_at', 'is', null);
      if (filter.before !== undefined) q = q.where('id', '<', filter.before);
      return q.orderBy('id', 'desc').limit(filter.limit).execute();
    },
    unreadCount: async (userId: number) =>
      Number(
        (
          await db
            .selectFrom('notification')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', userId)
            .where('read_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    markRead: async (userId: number, ids: number[] | 'all', at: string) => {
      let q = db
        .updateTable('notification')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : [-1]);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },
    /** Notifications not mailed yet, with their (enabled) recipients, grouped by recipient. */
    unmailed: () =>
      db
        .selectFrom('notification as n')
        .innerJoin('app_user as u', 'u.id', 'n.user_id')
        .select([
          'n.id',
          'n.user_id',
          'n.at',
          'n.title_zh',
          'n.title_en',
          'n.link',
          'u.email',
          'u.display_name',
        ])
        .where('n.mailed_at', 'is', null)
        .where('u.disabled_at', 'is', null)
        .orderBy('n.user_id')
        .orderBy('n.id')
        .execute(),
    markMailed: (ids: number[], at: string) =>
      db.updateTable('notification').set({ mailed_at: at }).where('id', 'in', ids).execute(),
    /** A reminder about this request whose English title starts so, sent since then. */
    remindedSince: async (requestId: number, titlePrefix: string, since: string) =>
      (await db
        .selectFrom('notification')
        .select('id')
        .where('request_id', '=', requestId)
        .where('title_en', 'like', `${titlePrefix}%`)
        .where('at', '>=', since)
        .executeTakeFirst()) !== undefined,

    /** Loans still out past their due date. */
    overdueLoans: (now: string, custodianId?: number) => {
      let q = db
        .selectFrom('core_allocation as a')
        .innerJoin('sharing_request as r', 'r.id', 'a.request_id')
        .innerJoin('borehole as b', 'b.id', 'a.borehole_id')
        .innerJoin('organisation as o', 'o.id', 'r.requester_org_id')
        .select([
          'r.id as request_id',
          'r.public_id',
          'r.title',
          'r.custodian_id',
          'b.hole_id',
          'a.depth_from',
          'a.depth_to',
          'a.due_at',
          'o.code as organisation',
        ])
        .where('a.kind', '=', 'loan')
        .where('a.released_at', 'is', null)
        .where('a.due_at', '<', now);
      if (custodianId !== undefined) q = q.where('r.custodian_id', '=', custodianId);
      return q.orderBy('a.due_at').execute();
    },
    /** Results owed past their due date. */
    overdueData: (now: string, custodianId?: number) => {
      let q = db
        .selectFrom('sharing_request as r')
        .innerJoin('borehole as b', 'b.id', 'r.borehole_id')
        .innerJoin('organisation as o', 'o.id', 'r.requester_org_id')
        .select([
          'r.id as request_id',
          'r.public_id',
          'r.title',
          'r.custodian_id',
          'b.hole_id',
          'r.results_due',
          'o.code as organisation',
        ])
        .where('r.results_owed', '=', 1)
        .where('r.state', 'in', ['fulfilled', 'returned'])
        .where('r.results_due', '<', now);
      if (custodianId !== undefined) q = q.where('r.custodian_id', '=', custodianId);
      return q.orderBy('r.results_due').execute();
    },
  };
}
