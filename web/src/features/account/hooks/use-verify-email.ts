// Posts a verification token once per page load: a link works only once, so a second post (React's
// development double effects, a re-render) must reuse the first answer instead of failing.
import { useEffect, useState } from 'react';
import type { Account } from '../api/get-me.js';
import { verifyEmail } from '../api/verify-email.js';

const posted = new Map<string, Promise<Account>>();

export type VerifyState =
  { status: 'loading' } | { status: 'success'; account: Account } | { status: 'error'; error: unknown };

export function useVerifyEmail(token: string): VerifyState {
  const [state, setState] = useState<{ token: string; state: VerifyState }>({
    token,
    state: { status: 'loading' },
  });
  useEffect(() => {
    let current = true;
    let answer = posted.get(token);
    if (!answer) {
      answer = verifyEmail(token);
      posted.set(token, answer);
    }
    answer.then(
      (account) => current && setState({ token, state: { status: 'success', account } }),
      (error: unknown) => current && setState({ token, state: { status: 'error', error } }),
    );
    return () => {
      current = false;
    };
  }, [token]);
  return state.token === token ? state.state : { status: 'loading' };
}
