// Keyset pagination: pages are appended as the user asks for more; a new custodian starts over.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../../lib/api-client.js';
import { getCustodianBoreholes, type BoreholeListItem } from '../api/get-custodian-boreholes.js';

export interface CustodianBoreholes {
  items: BoreholeListItem[];
  status: 'loading' | 'idle' | 'error';
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
}

export function useCustodianBoreholes(code: string): CustodianBoreholes {
  const [items, setItems] = useState<BoreholeListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(true);
  const [status, setStatus] = useState<CustodianBoreholes['status']>('loading');
  const [error, setError] = useState<unknown>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);

  const fetchPage = useCallback(
    (from: string | null, reset: boolean) => {
      controller.current?.abort();
      const current = (controller.current = new AbortController());
      setStatus('loading');
      getCustodianBoreholes(code, from, current.signal).then(
        (page) => {
          if (current.signal.aborted) return;
          setItems((prev) => (reset ? page.items : [...prev, ...page.items]));
          setCursor(page.next_cursor);
          setHasMore(page.next_cursor != null);
          setStatus('idle');
        },
        (e: unknown) => {
          if (current.signal.aborted || isAbort(e)) return;
          setError(e);
          setStatus('error');
        },
      );
    },
    [code],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    setHasMore(true);
    fetchPage(null, true);
    return () => controller.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => fetchPage(cursor, false), [fetchPage, cursor]);
  return { items, status, error, hasMore, loadMore };
}
