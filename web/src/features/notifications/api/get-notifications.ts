// GET /api/notifications: the caller's notifications, newest first, with how many are unread; paged
// by an opaque cursor.
import { getJson } from '../../../lib/api-client.js';

export interface AppNotification {
  id: number;
  at: string;
  title_zh: string;
  title_en: string;
  /** Where it leads in the app (`/requests/CSR…`). */
  link: string;
  read: boolean;
}

export interface NotificationPage {
  items: AppNotification[];
  unread: number;
  next_cursor: string | null;
}

export const NOTIFICATION_PAGE_SIZE = 20;

export function getNotifications(
  query: { unread?: boolean; cursor?: string | null } = {},
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return getJson<NotificationPage>(
    '/notifications',
    { unread: query.unread ? 'true' : undefined, cursor: query.cursor, limit: NOTIFICATION_PAGE_SIZE },
    signal,
  );
}
