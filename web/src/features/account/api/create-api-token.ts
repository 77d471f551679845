// POST /api/auth/tokens: a new token; its secret is in this answer and nowhere else.
import { sendJson } from '../../../lib/api-client.js';
import type { ApiToken } from './get-api-tokens.js';

export interface NewApiToken extends ApiToken {
  token: string;
}

export function createApiToken(input: { name: string; expires_in_days?: number }): Promise<NewApiToken> {
  return sendJson<NewApiToken>('POST', '/auth/tokens', input);
}
