// POST /api/auth/signup: an unverified account; the server mails the verification link.
import { sendJson } from '../../../lib/api-client.js';
import type { Lang } from '../../../lib/i18n.js';
import type { Account } from './get-me.js';

export interface SignUpInput {
  email: string;
  password: string;
  display_name: string;
  /** The language of the mails the account will get. */
  locale: Lang;
}

export function signUp(input: SignUpInput): Promise<Account> {
  return sendJson<Account>('POST', '/auth/signup', input);
}
