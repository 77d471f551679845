// POST /api/notifications/read: the given notifications, or all of them, marked read.
import { sendJson } from '../../../lib/api-client.js';

export function markNotificationsRead(which: { ids: number[] } | { all: true }): Promise<{ marked: number }> {
  return sendJson<{ marked: number }>('POST', '/notifications/read', which);
}
