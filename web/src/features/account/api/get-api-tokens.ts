// GET /api/auth/tokens: the caller's API tokens, newest first, never their secrets.
import { getJson } from '../../../lib/api-client.js';

export interface ApiToken {
  id: string;
  name: string;
  /** The token's first characters, to tell tokens apart. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export async function getApiTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await getJson<{ items: ApiToken[] }>('/auth/tokens', {}, signal)).items;
}
