// In-app notifications, mailed as digests (one mail per person with everything new), and reminders
// of overdue loans and overdue results, which the custodian's overview also lists.
import type { Store } from '../../store/store.js';
import { custodianScope } from '../custodian.service.js';
import { requestRepository } from '../../store/repositories/request.repository.js';
import { notificationRepository } from '../../store/repositories/notification.repository.js';
import { requireAccess } from '../accounts/access.service.js';
import type { Caller } from '../audit.service.js';
import type { Mailer } from '../mail/mailer.js';
import { digestMail } from '../mail/templates.js';

export interface NotificationView {
  id: number;
  at: string;
  title_zh: string;
  title_en: string;
  link: string;
  read: boolean;
}

/** The caller's notifications, newest first, and how many are unread. */
export async function listNotifications(
  store: Store,
  caller: Caller,
  filter: { unread?: boolean | undefined; before?: number | undefined; limit: number },
): Promise<{ items: NotificationView[]; unread: number; next_cursor: string | null }> {
  await requireAccess(store, caller, 'account.self');
  const userId = caller.actor.user_id!;
  const repo = notificationRepository(store.db);
  const rows = await repo.page(userId, { ...filter, limit: filter.limit + 1 });
  const unread = await repo.unreadCount(userId);
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((n) => ({
      id: n.id,
      at: n.at,
      title_zh: n.title_zh,
      title_en: n.title_en,
      link: n.link,
      read: n.read_at !== null,
    })),
    unread,
    next_cursor: rows.length > filter.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** Marks the given notifications (or all) of the caller read. */
export async function markNotificationsRead(
  store: Store,
  caller: Caller,
  ids: number[] | 'all',
): Promise<number> {
  await requireAccess(store, caller, 'account.self');
  return notificationRepository(store.db).markRead(caller.actor.user_id!, ids, new Date().toISOString());
}

/** One mail per person with every notification not mailed yet. Returns how many mails went out. */
export async function sendDigests(store: Store, mailer: Mailer, publicUrl: string): Promise<number> {
  const pending = await notificationRepository(store.db).unmailed();
  const byUser = new Map<number, typeof pending>();
  for (const n of pending) byUser.set(n.user_id, [...(byUser.get(n.user_id) ?? []), n]);
  let sent = 0;
  const base = publicUrl.replace(/\/$/, '');
  for (const items of byUser.values()) {
    const first = items[0]!;
    await mailer.send(
      digestMail({
        to: first.email,
        displayName: first.display_name,
        items: items.map((n) => ({
          title_zh: n.title_zh,
          title_en: n.title_en,
          link: `${base}${n.link}`,
          at: n.at,
        })),
      }),
    );
    // Marked after the mail is accepted: a failed send is retried by the next digest.
    await notificationRepository(store.db).markMailed(
      items.map((n) => n.id),
      new Date().toISOString(),
    );
    sent++;
  }
  return sent;
}

const REMIND_EVERY_DAYS = 7;

/** What is overdue: loans past their due date, and results past theirs. */
async function overdue(store: Store, custodianId?: number) {
  const now = new Date().toISOString();
  const repo = notificationRepository(store.db);
  return { loans: await repo.overdueLoans(now, custodianId), data: await repo.overdueData(now, custodianId) };
}

/** A custodian's overdue loans and overdue data, for its curators and administrators. */
export async function custodianOverdue(store: Store, caller: Caller, code: string) {
  const custodian = await custodianScope(store, code);
  await requireAccess(store, caller, 'custodian.curate', {
    custodian_id: custodian.id,
    province_code: custodian.province_code,
  });
  const { loans, data } = await overdue(store, custodian.id);
  return {
    loans: loans.map((l) => ({
      request_id: l.public_id,
      title: l.title,
      hole_id: l.hole_id,
      depth_from: l.depth_from,
      depth_to: l.depth_to,
      due: l.due_at!,
      organisation: l.organisation,
    })),
    data: data.map((d) => ({
      request_id: d.public_id,
      title: d.title,
      hole_id: d.hole_id,
      due: d.results_due!,
      organisation: d.organisation,
    })),
  };
}

/** Notifies requesters and curators of what is overdue, at most once a week per request. */
export async function remindOverdue(store: Store): Promise<number> {
  const { loans, data } = await overdue(store);
  const since = new Date(Date.now() - REMIND_EVERY_DAYS * 86_400_000).toISOString();
  const repo = requestRepository(store.db);
  let reminded = 0;
  const items = [
    ...loans.map((l) => ({
      ...l,
      zh: `借出岩芯已逾期未还（应于 ${l.due_at!.slice(0, 10)} 归还）`,
      en: `Loan overdue (due ${l.due_at!.slice(0, 10)})`,
    })),
    ...data.map((d) => ({
      ...d,
      zh: `成果汇交已逾期（应于 ${d.results_due!.slice(0, 10)} 汇交）`,
      en: `Results overdue (due ${d.results_due!.slice(0, 10)})`,
    })),
  ];
  for (const item of items) {
    const recent = await notificationRepository(store.db).remindedSince(
      item.request_id,
      item.en.split(' (')[0]!,
      since,
    );
    if (recent) continue;
    const request = (await repo.byId(item.request_id))!;
    const users = new Set([request.requester_user_id, ...(await repo.curatorsOf(request.custodian_id))]);
    const at = new Date().toISOString();
    await repo.notify(
      [...users].map((user_id) => ({
        user_id,
        request_id: item.request_id,
        at,
        title_zh: `「${item.title}」${item.zh}`,
        title_en: `${item.en}: “${item.title}”`,
        link: `/requests/${item.public_id}`,
        read_at: null,
        mailed_at: null,
      })),
    );
    reminded++;
  }
  return reminded;
}
