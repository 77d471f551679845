// GET /api/auth/me: the signed-in account with its roles, and the CSRF token writes must echo;
// signed out, the account is null.
import { getJson } from '../../../lib/api-client.js';

/** 'visitor' | 'researcher' | 'curator' | 'owner' | 'administrator'; kept open so a new role still shows. */
export type RoleCode = string;

export interface Membership {
  organisation_code: string;
  organisation_name_zh: string;
  organisation_name_en: string | null;
  role: RoleCode;
  custodian_code: string | null;
  province_code: string | null;
}

export interface Account {
  id: string;
  email: string;
  display_name: string;
  email_verified: boolean;
  real_name_status: string;
  locale: 'zh' | 'en';
  memberships: Membership[];
}

export interface Me {
  account: Account | null;
  csrf_token: string | null;
  /** A session cookie came, but its session has ended. */
  session_expired?: boolean;
}

/** Signed out is an answer (account null); older servers answered it with a 401, still understood. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return getJson<Me>('/auth/me', {}, signal);
}
