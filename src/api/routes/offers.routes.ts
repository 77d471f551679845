// /api/offers: what holders open for sharing, in which modes, to whom and on what terms.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { createOffer, listOffers, updateOffer, withdrawOffer } from '../../services/sharing/offer.service.js';
import { authProblems } from '../schemas/account.schema.js';
import { OfferTerms } from '../schemas/offer.schema.js';
import { problemResponses } from '../schemas/common.schema.js';

export const offerRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  const tags = ['offers'];
  app.get(
    '/api/offers',
    {
      schema: {
        tags,
        summary: 'Live sharing offers, by custodian or borehole',
        querystring: Type.Object({
          custodian: Type.Optional(Type.String({ maxLength: 64 })),
          borehole: Type.Optional(Type.String({ maxLength: 40 })),
          include_withdrawn: Type.Boolean({ default: false }),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('Offer')),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...problemResponses,
        },
      },
    },
    (request) => listOffers(store, request.query),
  );

  app.post(
    '/api/offers',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'Open a borehole (or a depth range of it) or a custodian’s collection for sharing',
        body: Type.Object({
          scope: Type.Union([Type.Literal('borehole'), Type.Literal('collection')]),
          borehole: Type.Optional(
            Type.String({ maxLength: 40, description: 'public id, for scope borehole' }),
          ),
          custodian: Type.Optional(Type.String({ maxLength: 64, description: 'code, for scope collection' })),
          ...OfferTerms,
        }),
        response: { 201: Type.Ref('Offer'), ...authProblems },
      },
    },
    async (request, reply) => reply.status(201).send(await createOffer(store, request.caller, request.body)),
  );

  app.put(
    '/api/offers/:id',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'Change an offer’s terms',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        body: Type.Object(OfferTerms),
        response: { 200: Type.Ref('Offer'), ...authProblems },
      },
    },
    (request) => updateOffer(store, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/api/offers/:id',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'Withdraw an offer (kept on record)',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: { 200: Type.Ref('Offer'), ...authProblems },
      },
    },
    (request) => withdrawOffer(store, request.caller, request.params.id),
  );
};
