// Accounts end to end through HTTP on both engines, with mail through a real SMTP server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { createMailer } from '../../src/services/mail/mailer.js';
import { addUser } from '../../src/services/accounts/user-admin.service.js';
import { systemActor } from '../../src/domain/accounts/access.js';
import { verifyAuditChain } from '../../src/services/audit.service.js';
import type { Store } from '../../src/store/store.js';
import { eachEngine } from '../support/engines.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const PUBLIC = 'http://coreshare.test';
const cli = { actor: systemActor('test'), ip: null };

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : [String(raw)];
  const session = all.find((c: string) => c.startsWith('cs_session='));
  if (!session) throw new Error('no session cookie');
  return session.split(';')[0]!;
}

eachEngine('accounts over HTTP', ({ fresh }) => {
  let store: Store;
  let app: CoreShareApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    store = await fresh();
    smtp = await startSmtp();
    const now = '2026-11-27T00:00:00.000Z';
    await store.db
      .insertInto('organisation')
      .values({
        code: 'MNR',
        name_zh: '自然资源部',
        name_en: 'Ministry',
        kind: 'department',
        province_code: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await addUser(store, cli, {
      email: 'admin@mnr.test',
      password: 'admin-password-1',
      organisation: 'MNR',
      role: 'administrator',
    });
    app = await buildApp({
      store,
      config: { webDir: '/nonexistent', logLevel: 'silent', publicUrl: PUBLIC },
      logger: false,
      mailer: createMailer(
        { smtpUrl: smtp.url, mailFrom: 'CoreShare <no-reply@coreshare.test>' },
        { info: () => {} },
      ),
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('signs up, mails a link that verifies once, signs in with a cookie and guards writes with CSRF', async () => {
    const signup = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: ' Li.Wei@Example.CN ', password: 'correct horse 1', display_name: '李伟' },
    });
    expect(signup.statusCode).toBe(201);
    expect(signup.json()).toMatchObject({
      email: 'li.wei@example.cn',
      email_verified: false,
      memberships: [],
    });

    const early = await login('li.wei@example.cn', 'correct horse 1');
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('email_not_verified');

    const mail = await smtp.waitFor((m) => m.to.includes('li.wei@example.cn'));
    expect(mail.subject).toContain('邮箱验证');
    const link = /http:\/\/coreshare\.test\/verify-email\?token=([\w%-]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]!);
    const verified = await app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().email_verified).toBe(true);
    const replay = await app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0].message_zh).toContain('验证链接无效');

    const signedIn = await login('LI.WEI@example.cn', 'correct horse 1');
    expect(signedIn.statusCode).toBe(200);
    const setCookie = String(signedIn.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(signedIn);
    const csrf = signedIn.json().csrf_token as string;

    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ account: { email: 'li.wei@example.cn' }, csrf_token: csrf });

    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie },
      payload: { name: 'qgis' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    const wrongCsrf = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie, 'x-csrf-token': csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
      payload: { name: 'qgis' },
    });
    expect(wrongCsrf.statusCode).toBe(403);

    const created = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'qgis', expires_in_days: 30 },
    });
    expect(created.statusCode).toBe(201);
    const apiToken = created.json().token as string;
    expect(apiToken).toMatch(/^cs_/);

    // A machine uses the token without cookies or CSRF; the list never shows the secret.
    const byToken = await app.inject({
      url: '/api/auth/tokens',
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(byToken.statusCode).toBe(200);
    expect(JSON.stringify(byToken.json())).not.toContain(apiToken);
    expect(byToken.json().items[0]).toMatchObject({
      name: 'qgis',
      prefix: apiToken.slice(0, 9),
      revoked_at: null,
    });

    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${created.json().id}`,
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(revoke.statusCode).toBe(204);
    const revoked = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('bad_token');

    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(after.json()).toEqual({ account: null, csrf_token: null, session_expired: true });
    const write = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie },
      payload: { name: 'x' },
    });
    expect(write.statusCode).toBe(401);
    expect(write.json().code).toBe('session_expired');
  });

  it('refuses bad sign-up input with the field named, and a second account for one address', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'not-an-address', password: 'short', display_name: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['email', 'password']);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'admin@mnr.test', password: 'another password', display_name: 'x' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('locks an account after five wrong passwords, even against the right one, and says when to retry', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('admin@mnr.test', `wrong password ${i}`, '10.0.0.5')).statusCode).toBe(401);
    const locked = await login('admin@mnr.test', 'admin-password-1', '10.0.0.6');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    await store.db
      .updateTable('app_user')
      .set({ locked_until: null, failed_logins: 0 })
      .where('email', '=', 'admin@mnr.test')
      .execute();
    expect((await login('admin@mnr.test', 'admin-password-1', '10.0.0.6')).statusCode).toBe(200);
  });

  it('slows down one address guessing many accounts', async () => {
    for (let i = 0; i < 30; i++)
      expect((await login(`nobody${i}@x.test`, 'whatever password', '10.9.9.9')).statusCode).toBe(401);
    const limited = await login('admin@mnr.test', 'admin-password-1', '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    // Another address is not affected.
    expect((await login('admin@mnr.test', 'admin-password-1', '10.9.9.10')).statusCode).toBe(200);
  });

  it('ends a session past its expiry with a 401 that says so', async () => {
    const res = await login('admin@mnr.test', 'admin-password-1', '10.0.0.7');
    const cookie = cookieOf(res);
    await store.db.updateTable('user_session').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const tokens = await app.inject({ url: '/api/auth/tokens', headers: { cookie } });
    expect(tokens.statusCode).toBe(401);
    expect(tokens.json().code).toBe('session_expired');
    expect(tokens.json().errors[0].message_zh).toBe('登录已失效，请重新登录');
  });

  it('audits sign-ups, sign-ins and refusals in a chain only an administrator reads', async () => {
    const res = await login('admin@mnr.test', 'admin-password-1', '10.0.0.8');
    const cookie = cookieOf(res);
    const page = await app.inject({ url: '/api/audit?limit=500', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const actions = page
      .json()
      .items.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`);
    for (const a of [
      'account.sign_up:ok',
      'account.verify_email:ok',
      'auth.sign_in:ok',
      'auth.sign_in:failed',
      'auth.sign_in:denied',
      'auth.csrf:denied',
      'auth.token:denied',
      'account.token_create:ok',
      'account.token_revoke:ok',
    ])
      expect(actions).toContain(a);
    const verify = await app.inject({ url: '/api/audit/verify', headers: { cookie } });
    expect(verify.json()).toMatchObject({ ok: true });

    const anonymous = await app.inject({ url: '/api/audit' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().errors[0].message_zh).toBe('请先登录');
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });
});
