// /api/agreements: the signed agreement of a request (its terms, both texts, the SHA-256 every party
// signs, the signatures), as JSON or as a PDF; parties only, like the request itself.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { getAgreement } from '../../services/sharing/agreement.service.js';
import { agreementPdf } from '../../services/sharing/agreement-pdf.js';
import { authProblems } from '../schemas/account.schema.js';

const Agreement = Type.Object({
  id: Type.String({ description: 'CSA…' }),
  request_id: Type.String(),
  template: Type.String({ description: 'the sharing mode whose template wrote it' }),
  terms: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'parties, items, purpose, fees, benefit sharing, data return, publication credit, loan, permit',
  }),
  body_zh: Type.String(),
  body_en: Type.String(),
  sha256: Type.String({
    description: 'SHA-256 of the canonical terms and both texts: what each party signs',
  }),
  intact: Type.Boolean({ description: 'the stored terms and texts still hash to sha256' }),
  signatories: Type.Array(Type.String()),
  signatures: Type.Array(
    Type.Object({
      party: Type.String(),
      signer: Type.String(),
      signed_at: Type.String(),
      signed_sha256: Type.String(),
      valid: Type.Boolean(),
    }),
  ),
  complete: Type.Boolean({ description: 'every signatory has signed this very text' }),
  created_at: Type.String(),
});

const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });

export const agreementRoutes: FastifyPluginAsyncTypebox<{ store: Store; cjkFont: string }> = async (
  app,
  { store, cjkFont },
) => {
  const tags = ['agreements'];
  app.get(
    '/api/agreements/:id',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'One agreement with its signatures and whether its text is intact (parties only)',
        params: Id,
        response: { 200: Agreement, ...authProblems },
      },
    },
    (request) => getAgreement(store, request.caller, request.params.id),
  );

  app.get(
    '/api/agreements/:id/pdf',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'The agreement as a PDF: both texts, the SHA-256 and each signature (parties only)',
        params: Id,
        response: {
          200: Type.String({ description: 'application/pdf' }),
          ...authProblems,
          503: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { id, pdf } = await agreementPdf(store, request.caller, request.params.id, { font: cjkFont });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${id}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/requests/:id/agreement',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'The agreement of a request, once the request has reached the agreement step (parties only)',
        params: Id,
        response: { 200: Agreement, ...authProblems },
      },
    },
    (request) => getAgreement(store, request.caller, request.params.id),
  );
};
