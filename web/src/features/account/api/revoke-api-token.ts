// DELETE /api/auth/tokens/{id}: programs using the token lose access at once.
import { sendJson } from '../../../lib/api-client.js';

export function revokeApiToken(id: string): Promise<void> {
  return sendJson<void>('DELETE', `/auth/tokens/${encodeURIComponent(id)}`);
}
