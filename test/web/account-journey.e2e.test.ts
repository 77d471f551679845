// End-to-end account journey in Debian's Chromium against the real server, its mail going to a real
// SMTP server: sign up in the page, follow the mailed link, sign in (after a wrong password shown in
// both languages), create an API token and see its secret once, revoke it — with a CSRF token gone
// stale in between — and sign out. Then a used link and a locked account, as the reader sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/services/accounts/user-admin.service.js';
import { systemActor } from '../../src/domain/accounts/access.js';
import { startSmtp, type CapturedMail, type TestSmtp } from '../support/smtp.js';
import { hasChromium, snapshot, startE2eServer, type E2eServer } from './support/e2e-server.js';

// Enough for the custodians page the journey starts on; accounts need no boreholes.
const DEMO = { boreholes: 30, seed: 11 };
const EMAIL = 'wang.fang@example.cn';
const PASSWORD = 'core-tray-2026';
const NAME = '王芳';
const TOKEN_NAME = 'QGIS 工作站';

/** The verification link in a mail (it appears in both languages; they are the same). */
function verifyLink(mail: CapturedMail): string {
  const link = /https?:\/\/\S+\/verify-email\?token=[^\s<>"]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no verification link in: ${mail.text}`);
  return link;
}

describe.skipIf(!hasChromium)('account journey in Chromium', () => {
  let smtp: TestSmtp;
  let server: E2eServer;
  let base: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startE2eServer(DEMO, { smtpUrl: smtp.url });
    base = server.base;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
  const meWith = (token: string) =>
    fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  it('signs up, verifies by mail, signs in, manages an API token and signs out', async () => {
    const { page, errors, outside } = await server.newPage();

    // Signed out, the header offers to sign in and come back to this page.
    await page.goto(`${base}/custodians`);
    await page.locator('[data-testid="custodians-page"]').waitFor();
    const headerSignIn = page.locator('[data-testid="header-sign-in"]');
    expect(await headerSignIn.textContent()).toBe('登录');
    await headerSignIn.click();
    await page.waitForURL(`${base}/sign-in?next=%2Fcustodians`);
    await page.locator('[data-testid="sign-up-link"]').click();
    await page.waitForURL(`${base}/sign-up?next=%2Fcustodians`);

    // The 10-character rule is shown while typing and holds the form before anything is sent.
    await page.fill('#sign-up-email', EMAIL);
    await page.fill('#sign-up-password', 'too-short');
    expect(await page.locator('#sign-up-password-hint').textContent()).toBe(
      '至少 10 个字符（已输入 9 个）。',
    );
    await page.fill('#sign-up-display_name', NAME);
    await page.locator('[data-testid="sign-up-submit"]').click();
    expect(await page.locator('[data-testid="sign-up-password-error"]').textContent()).toBe(
      '密码至少需要 10 个字符。',
    );
    expect(await page.locator('#sign-up-password').getAttribute('aria-invalid')).toBe('true');
    await page.fill('#sign-up-password', PASSWORD);
    await page.locator('[data-testid="sign-up-submit"]').click();
    const mailbox = page.locator('[data-testid="check-mailbox"]');
    await mailbox.waitFor();
    expect(await mailbox.locator('h1').textContent()).toBe('请查收邮件');
    expect(await mailbox.textContent()).toContain(EMAIL);
    await snapshot(page, 'account-1-check-mailbox');

    // The mail arrives at the SMTP server, its link pointing at this server.
    const first = await smtp.waitFor((m) => m.to.includes(EMAIL));
    expect(first.subject).toBe('CoreShare 邮箱验证 / Verify your email');
    expect(verifyLink(first).startsWith(`${base}/verify-email?token=`)).toBe(true);

    // Not verified yet: signing in says so and offers a new mail.
    await mailbox.getByRole('link', { name: '前往登录' }).click();
    await page.waitForURL(`${base}/sign-in?next=%2Fcustodians`);
    await page.fill('#sign-in-email', EMAIL);
    await page.fill('#sign-in-password', PASSWORD);
    await page.locator('[data-testid="sign-in-submit"]').click();
    const signInError = page.locator('[data-testid="sign-in-error-message"]');
    await signInError.waitFor();
    expect(await signInError.textContent()).toBe('请先验证邮箱：点击我们发送的链接，或重新发送验证邮件');
    await page
      .locator('[data-testid="sign-in-error"]')
      .getByRole('button', { name: '重新发送验证邮件' })
      .click();
    await page.locator('[data-testid="resend-sent"]').waitFor();
    await expect.poll(() => mailsTo(EMAIL).length).toBe(2);

    // The newest link verifies the address.
    await page.goto(verifyLink(mailsTo(EMAIL)[1]!));
    const done = page.locator('[data-testid="verify-done"]');
    await done.waitFor();
    expect(await done.locator('h1').textContent()).toBe('邮箱已验证');
    expect(await done.textContent()).toContain(EMAIL);
    await snapshot(page, 'account-2-verified');

    // An administrator grants a role meanwhile, so the account page has one to show.
    const organisation = await server.store.db
      .selectFrom('organisation')
      .select(['code', 'name_zh'])
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await addUser(
      server.store,
      { actor: systemActor('e2e'), ip: null },
      { email: EMAIL, organisation: organisation.code, role: 'researcher' },
    );

    // A wrong password: the server's refusal inline, in Chinese and, switched, in English.
    await done.locator('[data-testid="verify-sign-in"]').click();
    await page.waitForURL(`${base}/sign-in?next=%2Faccount`);
    await page.fill('#sign-in-email', EMAIL);
    await page.fill('#sign-in-password', 'not-the-password');
    await page.locator('[data-testid="sign-in-submit"]').click();
    await expect.poll(() => signInError.textContent()).toBe('邮箱或密码错误');
    expect(await page.locator('[data-testid="sign-in-error"]').getAttribute('role')).toBe('alert');
    await snapshot(page, 'account-3-wrong-password');
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => signInError.textContent()).toBe('wrong e-mail address or password');
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => signInError.textContent()).toBe('邮箱或密码错误');

    // Signed in: back to where the link pointed, the name in the header.
    await page.fill('#sign-in-password', PASSWORD);
    await page.locator('[data-testid="sign-in-submit"]').click();
    await page.waitForURL(`${base}/account`);
    const headerAccount = page.locator('[data-testid="header-account"]');
    await headerAccount.waitFor();
    expect(await headerAccount.textContent()).toContain(NAME);
    expect(await headerSignIn.count()).toBe(0);
    const profile = page.locator('[data-testid="account-profile"]');
    expect(await profile.textContent()).toContain(EMAIL);
    expect(await profile.textContent()).toContain('已验证');
    const roles = page.locator('[data-testid="account-roles"] tbody tr');
    expect(await roles.count()).toBe(1);
    expect(await roles.first().textContent()).toBe(`${organisation.name_zh}研究人员`);

    // A new token: its secret shown once, and it works as a bearer token.
    await page
      .locator('[data-testid="api-tokens"], [data-testid="api-tokens-section"] .empty')
      .first()
      .waitFor();
    await page.fill('#token-name', TOKEN_NAME);
    await page.selectOption('#token-expiry', '30');
    await page.locator('[data-testid="token-create"]').click();
    const secretValue = page.locator('[data-testid="token-secret-value"]');
    await secretValue.waitFor();
    const secret = (await secretValue.textContent()) ?? '';
    expect(secret).toMatch(/^cs_\S{20,}$/);
    expect(
      await page.locator('[data-testid="token-secret"]').getByRole('button', { name: /复制/ }).count(),
    ).toBe(1);
    const row = page.locator('[data-testid="api-tokens"] tbody tr', { hasText: TOKEN_NAME });
    expect(await row.locator('code').textContent()).toBe(`${secret.slice(0, 9)}…`);
    expect(await row.locator('[data-testid="token-status"]').textContent()).toBe('有效');
    const asScript = await meWith(secret);
    expect(asScript.status).toBe(200);
    expect(((await asScript.json()) as { account: { email: string } }).account.email).toBe(EMAIL);
    await snapshot(page, 'account-4-token-created');

    // Shown once: after a reload the token is listed but its secret is nowhere on the page.
    await page.reload();
    await row.waitFor();
    expect(await page.locator('[data-testid="token-secret"]').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // Signing in again elsewhere in this browser replaces the session cookie, so the page's CSRF
    // token is stale: the revoke is refused once, the client reads the new token and retries.
    const again = await page.request.post(`${base}/api/auth/login`, {
      data: { email: EMAIL, password: PASSWORD },
    });
    expect(again.status()).toBe(200);
    const deletes: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'DELETE') deletes.push(response.status());
    });
    await row.locator('[data-testid="token-revoke"]').click();
    await row.locator('[data-testid="token-revoke-confirm"]').click();
    await expect.poll(() => row.locator('[data-testid="token-status"]').textContent()).toBe('已撤销');
    expect(deletes).toEqual([403, 204]);
    expect((await meWith(secret)).status).toBe(401);
    await snapshot(page, 'account-5-token-revoked');

    // Signing out: the header offers to sign in again, and the session is gone on the server too.
    await page.locator('[data-testid="header-sign-out"]').click();
    await headerSignIn.waitFor();
    expect(await headerSignIn.textContent()).toBe('登录');
    expect(await headerSignIn.getAttribute('href')).toBe('/sign-in?next=%2Faccount');
    await page.locator('[data-testid="account-signed-out"]').waitFor();
    const me = await page.request.get(`${base}/api/auth/me`);
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { account: unknown }).account).toBeNull();
    await snapshot(page, 'account-6-signed-out');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  it('explains a used link in English, and how long a locked account must wait', async () => {
    const email = 'locked.out@example.cn';
    const signup = await fetch(`${base}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, display_name: '锁定测试' }),
    });
    expect(signup.status).toBe(201);
    const link = verifyLink(await smtp.waitFor((m) => m.to.includes(email)));
    const { page, errors } = await server.newPage({ locale: 'en-GB' });

    await page.goto(link);
    await page.locator('[data-testid="verify-done"]').waitFor();
    await page.goto(`${link}&lang=en`);
    const failed = page.locator('[data-testid="verify-failed"]');
    await failed.waitFor();
    expect(await failed.locator('[data-testid="verify-error"]').textContent()).toBe(
      'this verification link is not valid: it may have expired or been used',
    );
    expect(await failed.locator('[data-testid="resend-verification"] input').getAttribute('type')).toBe(
      'email',
    );
    await snapshot(page, 'account-7-used-link-en');

    // Five wrong passwords lock the account; the page words the wait from Retry-After.
    for (let i = 0; i < 5; i += 1) {
      const wrong = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: `wrong-password-${i}` }),
      });
      expect(wrong.status).toBe(401);
    }
    await page.goto(`${base}/sign-in`);
    await page.fill('#sign-in-email', email);
    await page.fill('#sign-in-password', PASSWORD);
    await page.locator('[data-testid="sign-in-submit"]').click();
    const message = page.locator('[data-testid="sign-in-error-message"]');
    await expect
      .poll(() => message.textContent())
      .toBe('密码连续输错次数过多，账户已暂时锁定，请 15 分钟后再试。');
    expect(await message.getAttribute('data-kind')).toBe('locked');
    await snapshot(page, 'account-8-locked');

    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
