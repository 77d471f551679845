// Names for the account page: roles and organisations in the reader's language, a token's state.
import { translate, type Lang, type MessageKey } from '../../../lib/i18n.js';
import type { ApiToken } from '../api/get-api-tokens.js';
import type { Membership } from '../api/get-me.js';

const ROLE_KEYS = new Map<string, MessageKey>([
  ['visitor', 'role.visitor'],
  ['researcher', 'role.researcher'],
  ['curator', 'role.curator'],
  ['owner', 'role.owner'],
  ['administrator', 'role.administrator'],
]);

/** The role's name; a role this version does not know shows as its code. */
export function roleLabel(role: string, lang: Lang): string {
  const key = ROLE_KEYS.get(role);
  return key ? translate(lang, key) : role;
}

export function organisationName(m: Membership, lang: Lang): string {
  return (lang === 'en' ? m.organisation_name_en : null) ?? m.organisation_name_zh;
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: ApiToken, now = Date.now()): TokenStatus {
  if (token.revoked_at) return 'revoked';
  if (token.expires_at && Date.parse(token.expires_at) <= now) return 'expired';
  return 'active';
}

/** Lifetimes offered when creating a token, in days; undefined: no expiry. */
export const TOKEN_LIFETIMES: readonly (number | undefined)[] = [undefined, 30, 90, 365];
