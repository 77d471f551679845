// POST /api/auth/login: opens a session (an HttpOnly cookie) and answers the CSRF token for writes.
import { sendJson } from '../../../lib/api-client.js';
import type { Account } from './get-me.js';

export interface SignedIn {
  account: Account;
  csrf_token: string;
  expires_at: string;
}

export function signIn(credentials: { email: string; password: string }): Promise<SignedIn> {
  return sendJson<SignedIn>('POST', '/auth/login', credentials);
}
