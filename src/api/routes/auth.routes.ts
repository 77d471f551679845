// /api/auth/*: sign-up, e-mail verification, sign-in and out, the caller's account and API tokens.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import type { Mailer } from '../../services/mail/mailer.js';
import {
  myAccount,
  resendVerification,
  SESSION_HOURS,
  signIn,
  signOut,
  signUp,
  verifyEmail,
} from '../../services/accounts/auth.service.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/accounts/api-token.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth.plugin.js';
import {
  decideRealName,
  submitRealName,
  type RealNameChecker,
} from '../../services/accounts/real-name.service.js';
import { authProblems } from '../schemas/account.schema.js';
import { Nullable } from '../schemas/common.schema.js';

export interface AuthRouteOptions {
  store: Store;
  realNameChecker: RealNameChecker;
  mailer: Mailer;
  publicUrl: string;
  secureCookies: boolean;
}

const Email = Type.String({ maxLength: 254, description: 'e-mail address' });
const Password = Type.String({ maxLength: 200 });

export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, opts) => {
  const { store, secureCookies } = opts;
  const deps = { store, mailer: opts.mailer, publicUrl: opts.publicUrl };
  const tags = ['auth'];

  app.post(
    '/api/auth/signup',
    {
      schema: {
        tags,
        summary: 'Create an account; a verification link is mailed to the address',
        body: Type.Object({
          email: Email,
          password: Password,
          display_name: Type.String({ maxLength: 100 }),
          locale: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')])),
        }),
        response: { 201: Type.Ref('Account'), ...authProblems },
      },
    },
    async (request, reply) => reply.status(201).send(await signUp(deps, request.caller, request.body)),
  );

  app.post(
    '/api/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Confirm an e-mail address with the token from the mailed link',
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Type.Ref('Account'), ...authProblems },
      },
    },
    (request) => verifyEmail(deps, request.caller, request.body.token),
  );

  app.post(
    '/api/auth/resend-verification',
    {
      schema: {
        tags,
        summary: 'Mail a new verification link (the answer is the same whether the address exists or not)',
        body: Type.Object({ email: Email }),
        response: { 202: Type.Object({}), ...authProblems },
      },
    },
    async (request, reply) => {
      await resendVerification(deps, request.body.email);
      return reply.status(202).send({});
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in: sets an HttpOnly session cookie and returns the CSRF token for writes',
        body: Type.Object({ email: Email, password: Password }),
        response: {
          200: Type.Object({
            account: Type.Ref('Account'),
            csrf_token: Type.String(),
            expires_at: Type.String(),
          }),
          ...authProblems,
        },
      },
    },
    async (request, reply) => {
      const signed = await signIn(deps, request.caller, request.body);
      void reply.setCookie(
        SESSION_COOKIE,
        signed.session_token,
        sessionCookieOptions(secureCookies, SESSION_HOURS * 3600),
      );
      return { account: signed.account, csrf_token: signed.csrf_token, expires_at: signed.expires_at };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out: ends the session',
        response: { 204: Type.Null(), ...authProblems },
      },
    },
    async (request, reply) => {
      const session = request.cookies[SESSION_COOKIE];
      if (session && request.caller.actor.via === 'session') await signOut(store, request.caller, session);
      void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(secureCookies));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary:
          'The signed-in account, its roles, and the CSRF token the web app sends on writes; account null when signed out',
        response: {
          200: Type.Object({
            account: Nullable(Type.Ref('Account')),
            csrf_token: Nullable(Type.String()),
            session_expired: Type.Boolean({ description: 'a session cookie came but its session has ended' }),
          }),
          ...authProblems,
        },
      },
    },
    // Asked on every page load: signed out is an answer here, not a refusal to audit.
    async (request) =>
      request.caller.actor.kind === 'anonymous'
        ? { account: null, csrf_token: null, session_expired: request.caller.session_expired === true }
        : {
            account: await myAccount(store, request.caller),
            csrf_token: request.csrfToken ?? null,
            session_expired: false,
          },
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'The caller’s API tokens (never the secrets)',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('ApiToken')) }), ...authProblems },
      },
    },
    async (request) => ({ items: await listApiTokens(store, request.caller) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'Create an API token; its secret is shown in this answer only',
        body: Type.Object({
          name: Type.String({ maxLength: 100 }),
          expires_in_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
        }),
        response: {
          201: Type.Intersect([Type.Ref('ApiToken'), Type.Object({ token: Type.String() })]),
          ...authProblems,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(store, request.caller, request.body)),
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'Revoke one of the caller’s API tokens',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: { 204: Type.Null(), ...authProblems },
      },
    },
    async (request, reply) => {
      await revokeApiToken(store, request.caller, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/real-name',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary:
          'Submit the real name and identity number for real-name verification (实名认证); the number is kept only as a hash',
        body: Type.Object({
          real_name: Type.String({ maxLength: 60 }),
          id_number: Type.String({ maxLength: 30 }),
        }),
        response: { 200: Type.Ref('Account'), ...authProblems },
      },
    },
    (request) => submitRealName(store, opts.realNameChecker, request.caller, request.body),
  );

  app.post(
    '/api/auth/real-name/decisions',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'An administrator confirms or rejects an account’s real-name submission',
        body: Type.Object({
          email: Email,
          decision: Type.Union([Type.Literal('verified'), Type.Literal('rejected')]),
        }),
        response: { 200: Type.Ref('Account'), ...authProblems },
      },
    },
    (request) => decideRealName(store, request.caller, request.body.email, request.body.decision),
  );
};
