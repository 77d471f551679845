// The signed-in reader's notifications: the first page read at once and every minute after (not
// while the tab is hidden; at once when it shows again), older pages on demand, and marking read
// applied here first so the badge follows the click, then sent to the server.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../../lib/api-client.js';
import { getNotifications, type AppNotification, type NotificationPage } from '../api/get-notifications.js';
import { markNotificationsRead } from '../api/mark-notifications-read.js';
import { markedRead, mergePages, POLL_MS } from '../utils/notifications.js';

interface NotificationsState {
  first: NotificationPage | null;
  older: AppNotification[];
  /** The cursor after the last older page read. */
  olderNext: string | null;
  error: unknown;
  loadingMore: boolean;
}

const EMPTY: NotificationsState = {
  first: null,
  older: [],
  olderNext: null,
  error: undefined,
  loadingMore: false,
};

export function useNotifications(enabled: boolean) {
  const [state, setState] = useState<NotificationsState>(EMPTY);
  // Bumped by every change made here, so a poll answer read before it never undoes it.
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const refresh = useCallback(async () => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    const asked = generation.current;
    try {
      const first = await getNotifications({}, mine.signal);
      if (asked === generation.current) setState((s) => ({ ...s, first, error: undefined }));
    } catch (error) {
      if (!isAbort(error) && asked === generation.current) setState((s) => ({ ...s, error }));
    }
  }, []);

  useEffect(() => {
    if (!enabled) {
      generation.current += 1;
      setState(EMPTY);
      return;
    }
    void refresh();
    const poll = () => {
      if (document.visibilityState !== 'hidden') void refresh();
    };
    const timer = window.setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
      controller.current?.abort();
    };
  }, [enabled, refresh]);

  const mark = useCallback(
    async (ids: number[] | 'all') => {
      generation.current += 1;
      setState((s) => {
        if (!s.first) return s;
        const marked = markedRead(mergePages(s.first, s.older), s.first.unread, ids);
        const byId = new Map(marked.items.map((n) => [n.id, n]));
        return {
          ...s,
          first: { ...s.first, items: s.first.items.map((n) => byId.get(n.id) ?? n), unread: marked.unread },
          older: s.older.map((n) => byId.get(n.id) ?? n),
        };
      });
      try {
        await markNotificationsRead(ids === 'all' ? { all: true } : { ids });
      } catch (error) {
        // The server did not take it: show what it holds.
        setState((s) => ({ ...s, error }));
        void refresh();
      }
    },
    [refresh],
  );

  const loadMore = useCallback(async () => {
    const cursor = state.older.length > 0 ? state.olderNext : (state.first?.next_cursor ?? null);
    if (!cursor || state.loadingMore) return;
    setState((s) => ({ ...s, loadingMore: true }));
    try {
      const page = await getNotifications({ cursor });
      setState((s) => ({
        ...s,
        older: [...s.older, ...page.items],
        olderNext: page.next_cursor,
        loadingMore: false,
      }));
    } catch (error) {
      setState((s) => ({ ...s, error, loadingMore: false }));
    }
  }, [state]);

  const items = state.first ? mergePages(state.first, state.older) : [];
  const next = state.older.length > 0 ? state.olderNext : (state.first?.next_cursor ?? null);
  return {
    loaded: state.first !== null,
    items,
    unread: state.first?.unread ?? 0,
    hasMore: next !== null,
    loadingMore: state.loadingMore,
    error: state.error,
    refresh,
    markRead: (ids: number[]) => mark(ids),
    markAllRead: () => mark('all'),
    loadMore,
  };
}
