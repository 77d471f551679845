// Who is signed in, read once from /api/auth/me at start (a 401 just means nobody) and kept here for
// the whole app; signing in and out go through it so the header and pages follow at once. The CSRF
// token it learns is handed to the API client, which sends it on every write.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { isUnauthenticated, onSessionChange, setCsrfToken } from '../../../lib/api-client.js';
import { getMe, type Account } from '../api/get-me.js';
import { signIn as postSignIn } from '../api/sign-in.js';
import { signOut as postSignOut } from '../api/sign-out.js';

export interface Session {
  /** The signed-in account; null when signed out or not known yet. */
  account: Account | null;
  /** True until the first answer from /api/auth/me. */
  loading: boolean;
  /** Why the session could not be read (a server fault, not a 401). */
  error: unknown;
  /** Signs in; rejects with the server's ApiError (wrong password, not verified, locked). */
  signIn(email: string, password: string): Promise<Account>;
  signOut(): Promise<void>;
  /** Reads the session again (after something may have changed it). */
  refresh(): Promise<void>;
}

interface SessionState {
  account: Account | null;
  loading: boolean;
  error: unknown;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ account: null, loading: true, error: undefined });
  // Each change of session bumps this, so a slower /me answer never overwrites a newer sign-in or out.
  const generation = useRef(0);

  const settle = useCallback((account: Account | null, csrfToken: string | null) => {
    generation.current += 1;
    setCsrfToken(csrfToken);
    setState({ account, loading: false, error: undefined });
  }, []);

  const refresh = useCallback(async () => {
    const asked = ++generation.current;
    try {
      const me = await getMe();
      if (asked === generation.current) settle(me.account, me.csrf_token);
    } catch (error) {
      if (asked !== generation.current) return;
      if (isUnauthenticated(error)) settle(null, null);
      else setState((s) => ({ ...s, loading: false, error }));
    }
  }, [settle]);

  useEffect(() => {
    void refresh();
    return onSessionChange(() => void refresh());
  }, [refresh]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const answer = await postSignIn({ email, password });
      settle(answer.account, answer.csrf_token);
      return answer.account;
    },
    [settle],
  );

  const signOut = useCallback(async () => {
    await postSignOut();
    settle(null, null);
  }, [settle]);

  const value = useMemo<Session>(
    () => ({ ...state, signIn, signOut, refresh }),
    [state, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}
