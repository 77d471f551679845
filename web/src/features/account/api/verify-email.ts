// POST /api/auth/verify-email: confirms the address with the token from the mailed link (once).
import { sendJson } from '../../../lib/api-client.js';
import type { Account } from './get-me.js';

export function verifyEmail(token: string): Promise<Account> {
  return sendJson<Account>('POST', '/auth/verify-email', { token });
}
