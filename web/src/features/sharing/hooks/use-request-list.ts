// One box of requests (mine or inbox, maybe one state), read a page at a time: "more" appends the
// next page after the last one's cursor, so rows already read stay in place.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../../lib/api-client.js';
import { getRequests, type RequestBox, type SharingRequest } from '../api/get-requests.js';

export type RequestListState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'success';
      items: SharingRequest[];
      next: string | null;
      /** Reading the next page; its failure, if it failed. */
      more: 'idle' | 'loading' | { error: unknown };
    };

export function useRequestList(box: RequestBox, state: string | null) {
  const [list, setList] = useState<RequestListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The list the answers belong to; a "more" answer for a list no longer shown is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const asked = ++generation.current;
    const controller = new AbortController();
    setList({ status: 'loading' });
    getRequests({ box, state }, controller.signal).then(
      (page) =>
        asked === generation.current &&
        setList({ status: 'success', items: page.items, next: page.next_cursor, more: 'idle' }),
      (error: unknown) => {
        if (!isAbort(error) && asked === generation.current) setList({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [box, state, attempt]);

  const loadMore = useCallback(async () => {
    if (list.status !== 'success' || !list.next || list.more === 'loading') return;
    const asked = generation.current;
    setList({ ...list, more: 'loading' });
    try {
      const page = await getRequests({ box, state, cursor: list.next });
      if (asked !== generation.current) return;
      setList((s) =>
        s.status === 'success'
          ? { status: 'success', items: [...s.items, ...page.items], next: page.next_cursor, more: 'idle' }
          : s,
      );
    } catch (error) {
      if (asked === generation.current)
        setList((s) => (s.status === 'success' ? { ...s, more: { error } } : s));
    }
  }, [box, state, list]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { list, loadMore, retry };
}
