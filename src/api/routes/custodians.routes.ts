import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { getCustodian, listCustodians } from '../../services/custodian.service.js';
import { problemResponses } from '../schemas/common.schema.js';
import { authProblems } from '../schemas/account.schema.js';
import { getPolicy, setPolicy } from '../../services/sharing/policy.service.js';

const SamplingPolicy = Type.Object({
  min_remaining_fraction: Type.Number({
    description: 'sample only while more than this share of the cross-section remains',
  }),
  max_samples_per_visit: Type.Integer(),
  max_pending_results_per_institution: Type.Integer(),
  min_spacing_m: Type.Number({ description: 'samples at least this far apart (one per foot = 0.3048)' }),
  results_due_months: Type.Integer(),
});
const EmbargoPolicy = Type.Object({
  raw: Type.Integer(),
  interpretation: Type.Integer(),
  report: Type.Integer(),
});
const Policy = Type.Object({
  custodian: Type.String(),
  sampling: SamplingPolicy,
  embargo: EmbargoPolicy,
  configured: Type.Boolean(),
});

export const custodianRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/custodians',
    {
      schema: {
        tags: ['custodians'],
        summary: 'Custodian repositories at every level, with holdings counts',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Custodian')) }), ...problemResponses },
      },
    },
    async () => ({ items: await listCustodians(store) }),
  );

  app.get(
    '/api/custodians/:code',
    {
      schema: {
        tags: ['custodians'],
        summary: 'One custodian',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Ref('Custodian'), ...problemResponses },
      },
    },
    (request) => getCustodian(store, request.params.code),
  );

  app.get(
    '/api/custodians/:code/policy',
    {
      schema: {
        tags: ['custodians'],
        summary: 'The custodian’s sampling limits and embargo periods (defaults until it sets its own)',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: Policy, ...problemResponses },
      },
    },
    (request) => getPolicy(store, request.params.code),
  );

  app.put(
    '/api/custodians/:code/policy',
    {
      config: { signIn: true },
      schema: {
        tags: ['custodians'],
        summary: 'Set the custodian’s sampling limits and embargo periods (its curators, administrators)',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ sampling: Type.Partial(SamplingPolicy), embargo: Type.Partial(EmbargoPolicy) }),
        response: { 200: Policy, ...authProblems },
      },
    },
    (request) => setPolicy(store, request.caller, request.params.code, request.body),
  );
};
