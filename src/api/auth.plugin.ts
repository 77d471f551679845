// Who is calling: a session cookie (the web app) or a bearer API token (machines), resolved once
// per request into `request.caller`. Cookie-authenticated writes must echo the session's CSRF token
// in `X-CSRF-Token` (synchronizer-token pattern); bearer calls cannot be forged by a browser.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';
import { authenticate } from '../services/accounts/auth.service.js';
import { sameSecret } from '../services/accounts/secrets.js';
import { recordAuditAlone, type Caller } from '../services/audit.service.js';
import { requireAccess } from '../services/accounts/access.service.js';
import { ANONYMOUS } from '../domain/accounts/access.js';
import { sendProblem } from './problem.js';

export const SESSION_COOKIE = 'cs_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Refuse anonymous callers before the body is validated: a 401 must not hide behind a 400. */
    signIn?: boolean;
  }
  interface FastifyRequest {
    caller: Caller;
    /** The session's CSRF token, for the web app to echo on writes. */
    csrfToken: string | undefined;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes that do not act with a session's authority, so a stale cookie must not block them. */
const NO_SESSION_NEEDED = new Set([
  '/api/auth/login',
  '/api/auth/signup',
  '/api/auth/verify-email',
  '/api/auth/resend-verification',
]);

export interface AuthPluginOptions {
  store: Store;
  /** Secure cookies when users reach the app over https. */
  secureCookies: boolean;
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(maxAgeSeconds !== undefined && { maxAge: maxAgeSeconds }),
  };
}

export const authPlugin = fp<AuthPluginOptions>(async (app, { store, secureCookies }) => {
  await app.register(cookie);
  app.decorateRequest('caller', null as unknown as Caller);
  app.decorateRequest('csrfToken', undefined);

  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.routeOptions.config.signIn) await requireAccess(store, request.caller, 'account.self');
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const session = request.cookies[SESSION_COOKIE];
    const base = { ip: request.ip, user_agent: request.headers['user-agent'] ?? null };
    if (!bearer && !session) {
      request.caller = { actor: ANONYMOUS, ...base };
      return;
    }
    const auth = await authenticate(store, { bearer, session });
    request.caller = { actor: auth.actor, ...base, session_expired: auth.rejected === 'session_expired' };
    request.csrfToken = auth.csrf_token;
    if (auth.rejected === 'session_expired')
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(secureCookies));
    if (auth.rejected === 'bad_token') {
      // A wrong token is never quietly treated as anonymous: the script must learn its key is bad.
      await recordAuditAlone(store, request.caller, {
        action: 'auth.token',
        outcome: 'denied',
        detail: { reason: 'bad_token' },
      });
      return sendProblem(reply, request, 401, 'the API token is not valid, expired or revoked', 'bad_token', [
        {
          message: 'the API token is not valid, expired or revoked',
          message_zh: 'API 令牌无效、已过期或已撤销',
        },
      ]);
    }
    const path = request.url.split('?')[0] ?? '';
    if (auth.actor.via === 'session' && UNSAFE.has(request.method) && !NO_SESSION_NEEDED.has(path)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !auth.csrf_token || !sameSecret(sent, auth.csrf_token)) {
        await recordAuditAlone(store, request.caller, {
          action: 'auth.csrf',
          outcome: 'denied',
          detail: { method: request.method, path, reason: sent ? 'mismatch' : 'missing' },
        });
        return sendProblem(reply, request, 403, 'missing or wrong X-CSRF-Token header', 'csrf_failed', [
          {
            field: 'X-CSRF-Token',
            message: 'missing or wrong X-CSRF-Token header',
            message_zh: '缺少或错误的 X-CSRF-Token 请求头',
          },
        ]);
      }
    }
  });
});
