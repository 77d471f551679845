// The audit log's storage. Appending locks the one-row head (UPDATE … RETURNING), so on both
// engines concurrent writers take turns and the chain has no gaps or forks.
import { sql, type Kysely } from 'kysely';
import type { AuditLogRow, Database } from '../schema.js';

export function auditRepository(db: Kysely<Database>) {
  return {
    /** Takes the next number and the previous hash; holds the head's lock until the transaction ends. */
    claimNext: () =>
      db
        .updateTable('audit_head')
        .set({ seq: sql`seq + 1` })
        .where('id', '=', 1)
        .returning(['seq', 'hash'])
        .executeTakeFirstOrThrow(),
    append: async (entry: AuditLogRow) => {
      await db.insertInto('audit_log').values(entry).execute();
      await db.updateTable('audit_head').set({ hash: entry.hash }).where('id', '=', 1).execute();
    },
    head: () =>
      db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),
    /** Entries after `afterSeq`, oldest first. */
    batch: (afterSeq: number, limit: number) =>
      db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute(),
    /** Newest first, for people reading the log. */
    page: (filter: {
      before?: number;
      limit: number;
      action?: string;
      subject_type?: string;
      subject_id?: string;
      actor_user_id?: number;
      outcome?: string;
    }) => {
      let q = db.selectFrom('audit_log').selectAll();
      if (filter.before !== undefined) q = q.where('seq', '<', filter.before);
      if (filter.action)
        q = q.where('action', 'like', filter.action.endsWith('.') ? `${filter.action}%` : filter.action);
      if (filter.subject_type) q = q.where('subject_type', '=', filter.subject_type);
      if (filter.subject_id) q = q.where('subject_id', '=', filter.subject_id);
      if (filter.actor_user_id !== undefined) q = q.where('actor_user_id', '=', filter.actor_user_id);
      if (filter.outcome) q = q.where('outcome', '=', filter.outcome as 'ok');
      return q.orderBy('seq', 'desc').limit(filter.limit).execute();
    },
  };
}
