// The API client's CSRF handling against a scripted fetch: the token goes on every write, and a
// 403 csrf_failed (a token from an older session) is answered by reading /api/auth/me once and retrying.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  getCsrfToken,
  onSessionChange,
  sendJson,
  setCsrfToken,
} from '../../web/src/lib/api-client.js';

interface Call {
  method: string;
  url: string;
  csrf: string | null;
  body: string | null;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const csrfFailed = () =>
  json(403, { status: 403, code: 'csrf_failed', detail: 'missing or wrong X-CSRF-Token header' });

/** Stubs fetch with answers given in order; returns the calls made. */
function script(...answers: Array<() => Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    calls.push({
      method: init.method ?? 'GET',
      url,
      csrf: headers.get('x-csrf-token'),
      body: typeof init.body === 'string' ? init.body : null,
    });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${url}`);
    return Promise.resolve(answer());
  });
  return calls;
}

describe('sendJson and the CSRF token', () => {
  beforeEach(() => setCsrfToken(null));
  afterEach(() => vi.unstubAllGlobals());

  it('sends the token and a JSON body on writes, and answers undefined for 204', async () => {
    setCsrfToken('token-1');
    const calls = script(
      () => json(201, { id: 'CST1', token: 'cs_secret' }),
      () => json(204, null),
    );
    expect(await sendJson('POST', '/auth/tokens', { name: 'QGIS' })).toEqual({
      id: 'CST1',
      token: 'cs_secret',
    });
    expect(await sendJson('DELETE', '/auth/tokens/CST1')).toBeUndefined();
    expect(calls).toEqual([
      { method: 'POST', url: '/api/auth/tokens', csrf: 'token-1', body: '{"name":"QGIS"}' },
      { method: 'DELETE', url: '/api/auth/tokens/CST1', csrf: 'token-1', body: null },
    ]);
  });

  it('refreshes a stale token from /api/auth/me once and retries the write', async () => {
    setCsrfToken('stale');
    const changed = vi.fn();
    const stop = onSessionChange(changed);
    const calls = script(
      csrfFailed,
      () => json(200, { account: { id: 'CSU1' }, csrf_token: 'fresh' }),
      () => json(204, null),
    );
    await sendJson('DELETE', '/auth/tokens/CST1');
    stop();
    expect(calls.map((c) => `${c.method} ${c.url} ${c.csrf}`)).toEqual([
      'DELETE /api/auth/tokens/CST1 stale',
      'GET /api/auth/me null',
      'DELETE /api/auth/tokens/CST1 fresh',
    ]);
    expect(getCsrfToken()).toBe('fresh');
    expect(changed).toHaveBeenCalledOnce();
  });

  it('retries only once, and gives up with the second refusal', async () => {
    setCsrfToken('stale');
    const calls = script(csrfFailed, () => json(200, { csrf_token: 'still-wrong' }), csrfFailed);
    const error = await sendJson('POST', '/auth/tokens', { name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.code).toBe('csrf_failed');
    expect(calls).toHaveLength(3);
  });

  it.each([
    [
      'signed out (account null)',
      () => json(200, { account: null, csrf_token: null, session_expired: true }),
    ],
    ['a 401, as older servers answer', () => json(401, { code: 'session_expired' })],
  ])('learns that the session is gone when /api/auth/me says %s', async (_, signedOut) => {
    setCsrfToken('stale');
    const changed = vi.fn();
    const stop = onSessionChange(changed);
    script(csrfFailed, signedOut, () =>
      json(401, { status: 401, code: 'unauthenticated', errors: [{ message: 'sign in first' }] }),
    );
    const error = await sendJson('POST', '/auth/tokens', { name: 'x' }).catch((e: unknown) => e);
    stop();
    expect((error as ApiError).status).toBe(401);
    expect(getCsrfToken()).toBeNull();
    // Once for the refresh, once for the 401 on the retried write.
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('passes other refusals through untouched, with Retry-After read', async () => {
    const calls = script(
      () => json(403, { code: 'email_not_verified' }),
      () => json(429, { code: 'account_locked' }, { 'retry-after': '840' }),
    );
    const forbidden = await sendJson('POST', '/auth/login', {}).catch((e: unknown) => e);
    expect((forbidden as ApiError).problem.code).toBe('email_not_verified');
    const locked = await sendJson('POST', '/auth/login', {}).catch((e: unknown) => e);
    expect((locked as ApiError).retryAfterSeconds).toBe(840);
    expect(calls).toHaveLength(2);
  });

  it('shares one /api/auth/me read between writes refused together', async () => {
    setCsrfToken('stale');
    let meReads = 0;
    vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
      if (url === '/api/auth/me') {
        meReads += 1;
        return Promise.resolve(json(200, { csrf_token: 'fresh' }));
      }
      const sent = new Headers(init.headers).get('x-csrf-token');
      return Promise.resolve(sent === 'fresh' ? json(204, null) : csrfFailed());
    });
    await Promise.all([sendJson('DELETE', '/auth/tokens/A'), sendJson('DELETE', '/auth/tokens/B')]);
    expect(meReads).toBe(1);
  });
});
