import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../web/src/app/routes.js';
import { ApiError, parseRetryAfter } from '../../web/src/lib/api-client.js';
import {
  fieldProblems,
  problemMessage,
  retryMinutes,
  signInFault,
} from '../../web/src/features/account/utils/auth-problems.js';
import { authHref, nextFromLocation, safeNext } from '../../web/src/features/account/utils/next-path.js';
import {
  organisationName,
  roleLabel,
  tokenStatus,
} from '../../web/src/features/account/utils/account-labels.js';
import { signUpProblems } from '../../web/src/features/account/utils/sign-up-rules.js';

// The answers the server gives (src/services/accounts/auth.service.ts).
const badCredentials = new ApiError(401, {
  code: 'bad_credentials',
  detail: 'wrong e-mail address or password',
  errors: [{ message: 'wrong e-mail address or password', message_zh: '邮箱或密码错误' }],
});
const notVerified = new ApiError(403, {
  code: 'email_not_verified',
  errors: [
    {
      message: 'verify your e-mail address first: follow the link we sent, or ask for a new one',
      message_zh: '请先验证邮箱：点击我们发送的链接，或重新发送验证邮件',
    },
  ],
});
const locked = (retryAfterSeconds: number | null) =>
  new ApiError(
    429,
    {
      code: 'account_locked',
      errors: [
        {
          message: 'this account is locked after 5 wrong passwords; try again in 15 minutes',
          message_zh: '密码连续错误 5 次，账户已锁定，请 15 分钟后再试',
        },
      ],
    },
    retryAfterSeconds,
  );

describe('problemMessage', () => {
  it('takes message_zh in Chinese and message in English', () => {
    expect(problemMessage(badCredentials, 'zh')).toBe('邮箱或密码错误');
    expect(problemMessage(badCredentials, 'en')).toBe('wrong e-mail address or password');
  });

  it('wraps an English-only answer in a Chinese sentence, and falls back to the detail', () => {
    const conflict = new ApiError(409, { code: 'conflict', detail: 'an account for a@b.cn already exists' });
    expect(problemMessage(conflict, 'en')).toBe('an account for a@b.cn already exists');
    expect(problemMessage(conflict, 'zh')).toBe(
      '请求未能完成（服务器说明：an account for a@b.cn already exists）',
    );
    const plain = new ApiError(400, { errors: [{ field: 'body/name', message: 'must be string' }] });
    expect(problemMessage(plain, 'en')).toBe('must be string');
  });

  it('says the server could not be reached when the request never got an answer', () => {
    expect(problemMessage(new TypeError('Failed to fetch'), 'zh')).toBe('无法连接服务器，请稍后再试。');
    expect(problemMessage(new TypeError('Failed to fetch'), 'en')).toBe(
      'Could not reach the server. Please try again later.',
    );
  });
});

describe('fieldProblems', () => {
  it('keys messages by field, from services and from schema validation alike', () => {
    const error = new ApiError(400, {
      errors: [
        {
          field: 'password',
          message: 'a password needs 10 to 200 characters',
          message_zh: '密码长度须为 10 到 200 个字符',
        },
        { field: 'body/email', message: 'must NOT have more than 254 characters' },
        { field: 'password', message: 'second complaint about the same field' },
        { message: 'about nothing in particular' },
      ],
    });
    expect(fieldProblems(error, 'zh')).toEqual({
      password: '密码长度须为 10 到 200 个字符',
      email: 'must NOT have more than 254 characters',
    });
    expect(fieldProblems(error, 'en').password).toBe('a password needs 10 to 200 characters');
  });

  it('is empty for anything but a 400', () => {
    expect(fieldProblems(badCredentials, 'zh')).toEqual({});
    expect(fieldProblems(new Error('x'), 'zh')).toEqual({});
  });
});

describe('retryMinutes and parseRetryAfter', () => {
  it('rounds the wait up to whole minutes, at least one', () => {
    expect(retryMinutes(900)).toBe(15);
    expect(retryMinutes(899)).toBe(15);
    expect(retryMinutes(61)).toBe(2);
    expect(retryMinutes(1)).toBe(1);
    expect(retryMinutes(0)).toBe(1);
    expect(retryMinutes(null)).toBeNull();
    expect(retryMinutes(-5)).toBeNull();
  });

  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-27T08:00:00Z');
    expect(parseRetryAfter('900', now)).toBe(900);
    expect(parseRetryAfter(' 60 ', now)).toBe(60);
    expect(parseRetryAfter('Fri, 27 Nov 2026 08:10:00 GMT', now)).toBe(600);
    expect(parseRetryAfter('Fri, 27 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
  });
});

describe('signInFault', () => {
  it('tells a wrong password, an unverified address and a lock apart', () => {
    expect(signInFault(badCredentials, 'zh')).toEqual({ kind: 'other', message: '邮箱或密码错误' });
    expect(signInFault(notVerified, 'en')).toEqual({
      kind: 'not-verified',
      message: 'verify your e-mail address first: follow the link we sent, or ask for a new one',
    });
  });

  it('words a lock with the minutes from Retry-After, in either language', () => {
    expect(signInFault(locked(14 * 60 + 5), 'zh')).toEqual({
      kind: 'locked',
      minutes: 15,
      message: '密码连续输错次数过多，账户已暂时锁定，请 15 分钟后再试。',
    });
    expect(signInFault(locked(90), 'en').message).toBe(
      'Too many wrong passwords: the account is locked for now. Try again in 2 minutes.',
    );
    const limited = new ApiError(429, { code: 'rate_limited' }, 900);
    expect(signInFault(limited, 'en')).toMatchObject({ kind: 'rate-limited', minutes: 15 });
  });

  it('falls back to the server’s words when Retry-After is missing', () => {
    expect(signInFault(locked(null), 'zh')).toEqual({
      kind: 'locked',
      minutes: null,
      message: '密码连续错误 5 次，账户已锁定，请 15 分钟后再试',
    });
  });
});

describe('safeNext and nextFromLocation', () => {
  it('follows paths on this site only', () => {
    expect(safeNext('/custodians')).toBe('/custodians');
    expect(safeNext('/search?q=%E9%93%9C#results')).toBe('/search?q=%E9%93%9C#results');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
    expect(safeNext('/\t/evil.example/')).toBe('/');
    expect(safeNext('javascript:alert(1)')).toBe('/');
    expect(safeNext('custodians', '/account')).toBe('/account');
  });

  it('never returns to a sign-in page', () => {
    expect(safeNext('/sign-in?next=/account')).toBe('/');
    expect(safeNext('/sign-up/')).toBe('/');
    expect(safeNext('/verify-email?token=x', '/account')).toBe('/account');
  });

  it('takes the current page, or the next a sign-in page carries', () => {
    expect(nextFromLocation('/custodians', '')).toBe('/custodians');
    expect(nextFromLocation('/search', '?q=%E9%93%9C')).toBe('/search?q=%E9%93%9C');
    expect(nextFromLocation('/', '')).toBeNull();
    expect(nextFromLocation('/sign-in', '?next=%2Faccount')).toBe('/account');
    expect(nextFromLocation('/sign-up', '?next=https%3A%2F%2Fevil.example')).toBeNull();
    expect(nextFromLocation('/verify-email', '?token=abc')).toBeNull();
  });

  it('builds the sign-in and sign-up links', () => {
    expect(authHref('/sign-in', '/search?q=铜')).toBe('/sign-in?next=%2Fsearch%3Fq%3D%E9%93%9C');
    expect(authHref('/sign-up', null)).toBe('/sign-up');
  });
});

describe('account labels', () => {
  const membership = {
    organisation_code: 'MNR',
    organisation_name_zh: '自然资源部',
    organisation_name_en: 'Ministry of Natural Resources',
    role: 'curator',
    custodian_code: null,
    province_code: null,
  };

  it('names roles in both languages and shows an unknown role as its code', () => {
    expect(roleLabel('curator', 'zh')).toBe('馆藏机构管理员');
    expect(roleLabel('owner', 'zh')).toBe('汇交人/所有者');
    expect(roleLabel('owner', 'en')).toBe('Depositor / owner');
    expect(roleLabel('administrator', 'en')).toBe('Administrator');
    expect(roleLabel('auditor', 'zh')).toBe('auditor');
    expect(roleLabel('constructor', 'en')).toBe('constructor');
  });

  it('names organisations in English where they have an English name', () => {
    expect(organisationName(membership, 'en')).toBe('Ministry of Natural Resources');
    expect(organisationName(membership, 'zh')).toBe('自然资源部');
    expect(organisationName({ ...membership, organisation_name_en: null }, 'en')).toBe('自然资源部');
  });

  it('tells active, expired and revoked tokens apart', () => {
    const now = Date.parse('2026-11-27T08:00:00Z');
    const token = {
      id: 'CST1',
      name: 'QGIS',
      prefix: 'cs_abcdef',
      created_at: '2026-11-01T00:00:00Z',
      last_used_at: null,
      expires_at: null,
      revoked_at: null,
    };
    expect(tokenStatus(token, now)).toBe('active');
    expect(tokenStatus({ ...token, expires_at: '2026-12-01T00:00:00Z' }, now)).toBe('active');
    expect(tokenStatus({ ...token, expires_at: '2026-11-27T07:59:59Z' }, now)).toBe('expired');
    expect(
      tokenStatus({ ...token, expires_at: '2026-11-01T00:00:00Z', revoked_at: '2026-11-02T00:00:00Z' }, now),
    ).toBe('revoked');
  });
});

describe('signUpProblems', () => {
  const ok = { email: 'li.wei@example.cn', password: 'correct horse', display_name: '李伟' };

  it('passes a complete form', () => {
    expect(signUpProblems(ok)).toEqual({});
  });

  it('holds the server’s 10-character rule, counted as the server counts', () => {
    expect(signUpProblems({ ...ok, password: '123456789' })).toEqual({ password: 'auth.passwordTooShort' });
    expect(signUpProblems({ ...ok, password: '1234567890' })).toEqual({});
    // Five characters outside the BMP are ten UTF-16 units: the server accepts them.
    expect(signUpProblems({ ...ok, password: '𠀀𠀀𠀀𠀀𠀀' })).toEqual({});
  });

  it('asks for every field and a plausible address', () => {
    expect(signUpProblems({ email: ' ', password: '', display_name: '  ' })).toEqual({
      email: 'auth.required',
      password: 'auth.required',
      display_name: 'auth.required',
    });
    expect(signUpProblems({ ...ok, email: 'li.wei@example' })).toEqual({ email: 'auth.badEmail' });
  });
});

describe('account routes', () => {
  it('maps the sign-in, sign-up, verification and account pages', () => {
    expect(matchRoute('/sign-in')).toEqual({ name: 'sign-in' });
    expect(matchRoute('/sign-up/')).toEqual({ name: 'sign-up' });
    expect(matchRoute('/verify-email')).toEqual({ name: 'verify-email' });
    expect(matchRoute('/account')).toEqual({ name: 'account' });
    expect(matchRoute('/account/tokens')).toEqual({ name: 'not-found' });
  });
});
