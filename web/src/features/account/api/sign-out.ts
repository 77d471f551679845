// POST /api/auth/logout: ends the session the cookie names.
import { sendJson } from '../../../lib/api-client.js';

export function signOut(): Promise<void> {
  return sendJson<void>('POST', '/auth/logout');
}
