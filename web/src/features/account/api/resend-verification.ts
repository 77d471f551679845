// POST /api/auth/resend-verification: a fresh link; the answer never says whether the address exists.
import { sendJson } from '../../../lib/api-client.js';

export async function resendVerification(email: string): Promise<void> {
  await sendJson<unknown>('POST', '/auth/resend-verification', { email });
}
