// Notifications as the header shows them. Pure, so the rules are tested.
import type { Lang } from '../../../lib/i18n.js';
import type { AppNotification, NotificationPage } from '../api/get-notifications.js';

/** How often the bell asks again while someone is signed in. */
export const POLL_MS = 60_000;

/** The badge's text: nothing for none, the count up to 99, then "99+". */
export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

export const notificationTitle = (n: AppNotification, lang: Lang): string =>
  lang === 'en' ? n.title_en : n.title_zh;

/** The link as a path in this app, or null for anything else (never followed as an app route). */
export function appPath(link: string): string | null {
  return link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/**
 * A freshly read first page with the older pages read before it: each notification once, the
 * fresh copy winning (it knows whether it was read since), newest first.
 */
export function mergePages(first: NotificationPage, older: readonly AppNotification[]): AppNotification[] {
  const seen = new Set(first.items.map((n) => n.id));
  return [...first.items, ...older.filter((n) => !seen.has(n.id))].sort((a, b) => b.id - a.id);
}

/** The list after some were marked read here, without waiting for the server to be asked again. */
export function markedRead(
  items: readonly AppNotification[],
  unread: number,
  ids: readonly number[] | 'all',
): { items: AppNotification[]; unread: number } {
  const marking = (n: AppNotification) => !n.read && (ids === 'all' || ids.includes(n.id));
  const newlyRead = items.filter(marking).length;
  return {
    items: items.map((n) => (marking(n) ? { ...n, read: true } : n)),
    unread: ids === 'all' ? 0 : Math.max(0, unread - newlyRead),
  };
}
