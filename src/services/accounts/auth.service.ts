// Sign-up with e-mail verification, sign-in with lockout and rate limits, sessions and API tokens.
// Passwords are argon2id hashes (@node-rs/argon2 defaults: 19 MiB, 2 passes, OWASP's minimum).
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import type { Store } from '../../store/store.js';
import { accountRepository } from '../../store/repositories/account.repository.js';
import type { AppUserRow } from '../../store/schema.js';
import { ANONYMOUS, type Actor, type Membership } from '../../domain/accounts/access.js';
import { recordAudit, recordAuditAlone, type Caller } from '../audit.service.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import { verificationMail } from '../mail/templates.js';
import { newSecret, randomPublicId, sha256 } from './secrets.js';
import { requireAccess } from './access.service.js';

export const SESSION_HOURS = 7 * 24;
/** A session unused this long ends even before its absolute expiry. */
export const SESSION_IDLE_HOURS = 24;
export const VERIFY_LINK_HOURS = 48;
/** Consecutive wrong passwords that lock an account, and for how long. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins one address may make in the window before it must wait. */
export const IP_FAILURE_LIMIT = 30;
export const IP_WINDOW_MINUTES = 15;

export interface AuthDeps {
  store: Store;
  mailer: Mailer;
  /** Where users reach the web app; links in mails start here. */
  publicUrl: string;
}

export interface AccountView {
  id: string;
  email: string;
  display_name: string;
  email_verified: boolean;
  real_name_status: string;
  locale: 'zh' | 'en';
  memberships: Array<{
    organisation_code: string;
    organisation_name_zh: string;
    organisation_name_en: string | null;
    role: string;
    custodian_code: string | null;
    province_code: string | null;
  }>;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

const hoursFromNow = (h: number, now = Date.now()) => new Date(now + h * 3_600_000).toISOString();

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function checkCredentials(email: string, password: string | undefined) {
  const problems = [];
  if (!EMAIL.test(email) || email.length > 254)
    problems.push({ field: 'email', message: 'not an e-mail address', message_zh: '不是有效的电子邮箱地址' });
  if (password !== undefined && (password.length < 10 || password.length > 200))
    problems.push({
      field: 'password',
      message: 'a password needs 10 to 200 characters',
      message_zh: '密码长度须为 10 到 200 个字符',
    });
  if (problems.length) throw new InvalidInputError(problems[0]!.message, problems);
}

async function view(store: Store, user: AppUserRow): Promise<AccountView> {
  const memberships = await accountRepository(store.db).membershipsOf(user.id);
  return {
    id: user.public_id,
    email: user.email,
    display_name: user.display_name,
    email_verified: user.email_verified_at !== null,
    real_name_status: user.real_name_status,
    locale: user.locale,
    memberships: memberships.map((m) => ({
      organisation_code: m.organisation_code,
      organisation_name_zh: m.organisation_name_zh,
      organisation_name_en: m.organisation_name_en,
      role: m.role,
      custodian_code: m.custodian_code,
      province_code: m.province_code,
    })),
  };
}

/** The actor a signed-in user acts as: their roles, loaded once per request. */
export async function actorOf(store: Store, user: AppUserRow, via: Actor['via']): Promise<Actor> {
  const memberships = await accountRepository(store.db).membershipsOf(user.id);
  return {
    kind: 'user',
    user_id: user.id,
    public_id: user.public_id,
    email: user.email,
    email_verified: user.email_verified_at !== null,
    memberships: memberships.map((m): Membership => ({
      organisation_code: m.organisation_code,
      role: m.role,
      custodian_id: m.custodian_id,
      province_code: m.province_code,
    })),
    via,
    label: `user:${user.public_id} ${user.email}`,
  };
}

async function sendVerification(deps: AuthDeps, user: AppUserRow): Promise<void> {
  const secret = newSecret();
  await accountRepository(deps.store.db).insertEmailToken({
    token_hash: sha256(secret),
    user_id: user.id,
    purpose: 'verify_email',
    created_at: new Date().toISOString(),
    expires_at: hoursFromNow(VERIFY_LINK_HOURS),
    used_at: null,
  });
  const link = `${deps.publicUrl.replace(/\/$/, '')}/verify-email?token=${encodeURIComponent(secret)}`;
  await deps.mailer.send(
    verificationMail({
      to: user.email,
      displayName: user.display_name,
      link,
      expiresHours: VERIFY_LINK_HOURS,
    }),
  );
}

export interface SignUpInput {
  email: string;
  password: string;
  display_name: string;
  locale?: 'zh' | 'en';
}

/** Creates an unverified account and mails the verification link. */
export async function signUp(deps: AuthDeps, caller: Caller, input: SignUpInput): Promise<AccountView> {
  const email = normaliseEmail(input.email);
  checkCredentials(email, input.password);
  const displayName = input.display_name.trim();
  if (!displayName || displayName.length > 100)
    throw new InvalidInputError('a display name of 1 to 100 characters is needed', [
      {
        field: 'display_name',
        message: 'a display name of 1 to 100 characters is needed',
        message_zh: '请填写 1 到 100 个字符的显示名称',
      },
    ]);
  const repo = accountRepository(deps.store.db);
  if (await repo.userByEmail(email))
    throw new ConflictError(`an account for ${email} already exists; sign in or reset the password`);
  const now = new Date().toISOString();
  const passwordHash = await argon2Hash(input.password);
  const user = await deps.store.db.transaction().execute(async (trx) => {
    const r = accountRepository(trx);
    const id = await r.insertUser({
      public_id: randomPublicId('CSU'),
      email,
      display_name: displayName,
      password_hash: passwordHash,
      locale: input.locale ?? 'zh',
      real_name_status: 'unchecked',
      failed_logins: 0,
      created_at: now,
      updated_at: now,
    });
    const row = (await r.userById(id))!;
    await recordAudit(trx, caller, {
      action: 'account.sign_up',
      subject_type: 'user',
      subject_id: row.public_id,
    });
    return row;
  });
  await sendVerification(deps, user);
  return view(deps.store, user);
}

/** Sends a fresh link to an unverified account; says nothing about whether the address exists. */
export async function resendVerification(deps: AuthDeps, email: string): Promise<void> {
  const user = await accountRepository(deps.store.db).userByEmail(normaliseEmail(email));
  if (user && !user.email_verified_at && !user.disabled_at) await sendVerification(deps, user);
}

/** Marks the address verified; a link works once and until it expires. */
export async function verifyEmail(deps: AuthDeps, caller: Caller, token: string): Promise<AccountView> {
  const hash = sha256(token);
  const repo = accountRepository(deps.store.db);
  const row = await repo.emailTokenByHash(hash);
  const now = new Date().toISOString();
  if (!row || row.purpose !== 'verify_email' || row.expires_at < now || row.used_at)
    throw new InvalidInputError('this verification link is not valid: it may have expired or been used', [
      {
        field: 'token',
        message: 'this verification link is not valid: it may have expired or been used',
        message_zh: '验证链接无效：可能已过期或已使用',
      },
    ]);
  const user = await deps.store.db.transaction().execute(async (trx) => {
    const r = accountRepository(trx);
    if (!(await r.useEmailToken(hash, now)))
      throw new ConflictError('this verification link was used already');
    await r.updateUser(row.user_id, { email_verified_at: now, updated_at: now });
    const u = (await r.userById(row.user_id))!;
    await recordAudit(trx, caller, {
      action: 'account.verify_email',
      subject_type: 'user',
      subject_id: u.public_id,
    });
    return u;
  });
  return view(deps.store, user);
}

let dummyHash: Promise<string> | undefined;

export interface SignedIn {
  session_token: string;
  csrf_token: string;
  expires_at: string;
  account: AccountView;
}

/** Checks the password and opens a session; refusals are audited and counted toward lockout. */
export async function signIn(
  deps: AuthDeps,
  caller: Caller,
  input: { email: string; password: string },
): Promise<SignedIn> {
  const { store } = deps;
  const repo = accountRepository(store.db);
  const email = normaliseEmail(input.email);
  const ip = caller.ip ?? 'unknown';
  const now = new Date();
  const failedFromIp = await repo.failedLoginsFromIp(
    ip,
    new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000).toISOString(),
  );
  if (failedFromIp >= IP_FAILURE_LIMIT) {
    await recordAuditAlone(store, caller, {
      action: 'auth.sign_in',
      outcome: 'denied',
      detail: { email, reason: 'ip_rate_limit' },
    });
    throw new TooManyRequestsError(
      `too many failed sign-ins from this address; try again in ${IP_WINDOW_MINUTES} minutes`,
      `此地址登录失败次数过多，请 ${IP_WINDOW_MINUTES} 分钟后再试`,
      IP_WINDOW_MINUTES * 60,
      'rate_limited',
    );
  }
  const user = await repo.userByEmail(email);
  if (user?.locked_until && user.locked_until > now.toISOString()) {
    await recordAuditAlone(store, caller, {
      action: 'auth.sign_in',
      outcome: 'denied',
      subject_type: 'user',
      subject_id: user.public_id,
      detail: { reason: 'locked' },
    });
    const seconds = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000);
    throw new TooManyRequestsError(
      `this account is locked after ${LOCKOUT_FAILURES} wrong passwords; try again in ${Math.ceil(seconds / 60)} minutes`,
      `密码连续错误 ${LOCKOUT_FAILURES} 次，账户已锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
      seconds,
      'account_locked',
    );
  }
  // Unknown addresses cost the same argon2 work as known ones, so timing does not tell them apart.
  const good = user?.password_hash
    ? await argon2Verify(user.password_hash, input.password)
    : (await argon2Verify(await (dummyHash ??= argon2Hash('not a password')), input.password), false);
  await repo.recordLoginAttempt({ email, ip, at: now.toISOString(), succeeded: good ? 1 : 0 });
  if (!good || !user || user.disabled_at) {
    if (user && !user.disabled_at) {
      const failures = user.failed_logins + 1;
      await repo.updateUser(user.id, {
        failed_logins: failures,
        locked_until:
          failures >= LOCKOUT_FAILURES
            ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
            : null,
      });
    }
    await recordAuditAlone(store, caller, {
      action: 'auth.sign_in',
      outcome: 'failed',
      subject_type: user ? 'user' : null,
      subject_id: user?.public_id ?? null,
      detail: { email },
    });
    throw new UnauthorizedError('wrong e-mail address or password', '邮箱或密码错误', 'bad_credentials');
  }
  if (!user.email_verified_at) {
    await recordAuditAlone(store, caller, {
      action: 'auth.sign_in',
      outcome: 'denied',
      subject_type: 'user',
      subject_id: user.public_id,
      detail: { reason: 'email_not_verified' },
    });
    throw new ForbiddenError(
      'verify your e-mail address first: follow the link we sent, or ask for a new one',
      '请先验证邮箱：点击我们发送的链接，或重新发送验证邮件',
      'email_not_verified',
    );
  }
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = hoursFromNow(SESSION_HOURS, now.getTime());
  // Loaded before the transaction: on the embedded engine a query outside it would wait for it.
  const actor = await actorOf(store, user, 'session');
  await store.db.transaction().execute(async (trx) => {
    const r = accountRepository(trx);
    await r.updateUser(user.id, { failed_logins: 0, locked_until: null });
    await r.insertSession({
      token_hash: sha256(sessionToken),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: caller.ip,
      user_agent: caller.user_agent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      trx,
      { ...caller, actor },
      {
        action: 'auth.sign_in',
        subject_type: 'user',
        subject_id: user.public_id,
      },
    );
  });
  return {
    session_token: sessionToken,
    csrf_token: csrfToken,
    expires_at: expiresAt,
    account: await view(store, user),
  };
}

/** Ends the session the cookie names. */
export async function signOut(store: Store, caller: Caller, sessionToken: string): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await accountRepository(trx).deleteSession(sha256(sessionToken));
    await recordAudit(trx, caller, {
      action: 'auth.sign_out',
      subject_type: 'user',
      subject_id: caller.actor.public_id,
    });
  });
}

export interface Authentication {
  actor: Actor;
  /** The session's CSRF token, when the caller came with a session cookie. */
  csrf_token?: string;
  /** Why a presented credential was not accepted: the API answers 401 with it where sign-in is needed. */
  rejected?: 'session_expired' | 'bad_token';
}

/** Who is calling: from a session cookie or an API token; anonymous when neither holds. */
export async function authenticate(
  store: Store,
  credentials: { session?: string | undefined; bearer?: string | undefined },
): Promise<Authentication> {
  const repo = accountRepository(store.db);
  const now = new Date();
  const nowIso = now.toISOString();
  if (credentials.bearer) {
    const token = await repo.tokenByHash(sha256(credentials.bearer));
    if (!token || token.revoked_at || (token.expires_at && token.expires_at < nowIso))
      return { actor: ANONYMOUS, rejected: 'bad_token' };
    const user = await repo.userById(token.user_id);
    if (!user || user.disabled_at) return { actor: ANONYMOUS, rejected: 'bad_token' };
    // Written at most once a minute: a busy script must not turn every read into a write.
    if (!token.last_used_at || Date.parse(token.last_used_at) < now.getTime() - 60_000)
      await repo.touchToken(token.id, nowIso);
    return { actor: await actorOf(store, user, 'token') };
  }
  if (credentials.session) {
    const hash = sha256(credentials.session);
    const session = await repo.sessionByHash(hash);
    const idleLimit = new Date(now.getTime() - SESSION_IDLE_HOURS * 3_600_000).toISOString();
    if (!session || session.expires_at < nowIso || session.last_seen_at < idleLimit) {
      if (session) await repo.deleteSession(hash);
      return { actor: ANONYMOUS, rejected: 'session_expired' };
    }
    const user = await repo.userById(session.user_id);
    if (!user || user.disabled_at) return { actor: ANONYMOUS, rejected: 'session_expired' };
    if (Date.parse(session.last_seen_at) < now.getTime() - 60_000) await repo.touchSession(hash, nowIso);
    return { actor: await actorOf(store, user, 'session'), csrf_token: session.csrf_token };
  }
  return { actor: ANONYMOUS };
}

/** The caller's own account. */
export async function myAccount(store: Store, caller: Caller): Promise<AccountView> {
  await requireAccess(store, caller, 'account.self');
  const user =
    caller.actor.user_id !== null
      ? await accountRepository(store.db).userById(caller.actor.user_id)
      : undefined;
  if (!user) throw new UnauthorizedError();
  return view(store, user);
}

export async function accountView(store: Store, userId: number): Promise<AccountView> {
  return view(store, (await accountRepository(store.db).userById(userId))!);
}
