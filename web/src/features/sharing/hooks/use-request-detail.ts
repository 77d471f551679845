// One request, read once and then replaced by each step's answer (a transition answers the updated
// request), so the page never shows a request older than the step just taken.
import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../../../lib/api-client.js';
import { getRequest, type RequestDetail } from '../api/get-request.js';

export type RequestDetailState =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'success'; request: RequestDetail };

export function useRequestDetail(id: string, enabled: boolean) {
  const [state, setState] = useState<RequestDetailState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    getRequest(id, controller.signal).then(
      (request) => setState({ status: 'success', request }),
      (error: unknown) => {
        if (!isAbort(error) && !controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, enabled, attempt]);

  const replace = useCallback((request: RequestDetail) => setState({ status: 'success', request }), []);
  /** Reads the request again (after a refusal said the page was stale). */
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, replace, reload };
}
