// /api/requests: asking for core, and every step after (/api/requests/{id}/transitions).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { createRequest, getRequest, listRequests } from '../../services/sharing/request.service.js';
import { transitionRequest } from '../../services/sharing/request-transition.service.js';
import { authProblems } from '../schemas/account.schema.js';
import { NewRequestBody, RequestListQuery, TransitionBody } from '../schemas/request.schema.js';

const withRefusals = { ...authProblems, 422: Type.Ref('Problem') };

export const requestRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  const tags = ['requests'];
  app.post(
    '/api/requests',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'Ask for core: checked against every sharing rule, stored as a draft to submit',
        body: NewRequestBody,
        response: { 201: Type.Ref('SharingRequest'), ...withRefusals },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRequest(store, request.caller, request.body)),
  );

  app.get(
    '/api/requests',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary:
          'My requests (box=mine) or those waiting on me as custodian, owner or administrator (box=inbox)',
        querystring: RequestListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('SharingRequest')),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...authProblems,
        },
      },
    },
    (request) => listRequests(store, request.caller, request.query),
  );

  app.get(
    '/api/requests/:id',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'One request with its timeline and what the caller may do next (parties only)',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: { 200: Type.Ref('SharingRequestDetail'), ...authProblems },
      },
    },
    (request) => getRequest(store, request.caller, request.params.id),
  );

  app.post(
    '/api/requests/:id/transitions',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'Take one step: submit, review, consent, permit, sign, fulfil, return, close, withdraw…',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        body: TransitionBody,
        response: { 200: Type.Ref('SharingRequestDetail'), ...withRefusals },
      },
    },
    (request) => transitionRequest(store, request.caller, request.params.id, request.body),
  );
};
