// The caller's API tokens: loaded once, then kept in step with what this page creates and revokes,
// so the table never blanks out while a change is saved.
import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../../../lib/api-client.js';
import { createApiToken, type NewApiToken } from '../api/create-api-token.js';
import { getApiTokens, type ApiToken } from '../api/get-api-tokens.js';
import { revokeApiToken } from '../api/revoke-api-token.js';

export type ApiTokensState =
  | { status: 'loading'; tokens?: undefined; error?: undefined }
  | { status: 'error'; tokens?: undefined; error: unknown }
  | { status: 'success'; tokens: ApiToken[]; error?: undefined };

export function useApiTokens() {
  const [state, setState] = useState<ApiTokensState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getApiTokens(controller.signal).then(
      (tokens) => setState({ status: 'success', tokens }),
      (error: unknown) => {
        if (!isAbort(error) && !controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const update = (change: (tokens: ApiToken[]) => ApiToken[]) =>
    setState((s) => (s.status === 'success' ? { status: 'success', tokens: change(s.tokens) } : s));

  /** Creates a token; the answer holds its secret, which this list never keeps. */
  const create = useCallback(async (input: { name: string; expires_in_days?: number }) => {
    const created: NewApiToken = await createApiToken(input);
    const { token: _secret, ...listed } = created;
    update((tokens) => [listed, ...tokens]);
    return created;
  }, []);

  const revoke = useCallback(async (id: string) => {
    await revokeApiToken(id);
    const now = new Date().toISOString();
    update((tokens) => tokens.map((t) => (t.id === id ? { ...t, revoked_at: t.revoked_at ?? now } : t)));
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, create, revoke, retry };
}
