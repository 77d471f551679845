// Returned data (/api/requests/{id}/returns, /api/returns/*, /api/boreholes/{id}/returns), custodians'
// overdue lists and organisations' credit records.
import { createReadStream } from 'node:fs';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import {
  listReturned,
  RETURN_KINDS,
  returnData,
  returnedDataset,
} from '../../services/sharing/return.service.js';
import { MAX_RETURN_BYTES } from '../../services/sharing/upload-types.js';
import { custodianOverdue } from '../../services/sharing/notification.service.js';
import { creditRecord } from '../../services/sharing/credit.service.js';
import { EMBARGO_KINDS } from '../../domain/sharing/embargo.js';
import { authProblems } from '../schemas/account.schema.js';
import { Nullable, problemResponses } from '../schemas/common.schema.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const ReturnedDataset = Type.Object({
  id: Type.String(),
  request_id: Type.String(),
  borehole_id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  doi: Nullable(Type.String()),
  file_name: Nullable(Type.String()),
  media_type: Nullable(Type.String()),
  size_bytes: Nullable(Type.Integer()),
  sha256: Nullable(Type.String()),
  embargo_kind: Type.String(),
  embargo_until: Type.String(),
  under_embargo: Type.Boolean(),
  values: Type.Integer({ description: 'depth-registered values parsed from the file' }),
  credit: Type.Object({ requester: Type.String(), organisation: Type.String(), custodian: Type.String() }),
  uploaded_at: Type.String(),
});

export const returnRoutes: FastifyPluginAsyncTypebox<{ store: Store; dataDir: string }> = async (
  app,
  { store, dataDir },
) => {
  const deps = { store, dataDir };
  const tags = ['returns'];

  // Uploads: the body is the file itself, any type; the service judges it by its bytes.
  const uploadRoutes: FastifyPluginAsyncTypebox = async (uploads) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_RETURN_BYTES },
      (_request, body, done) => done(null, body),
    );
    uploads.post(
      '/api/requests/:id/returns',
      {
        config: { signIn: true },
        bodyLimit: MAX_RETURN_BYTES,
        schema: {
          tags,
          summary:
            'Return results for a fulfilled request: the body is the file (CSV/xlsx assay table, spectra, images, report); a publication sends no body, only its DOI',
          params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
          querystring: Type.Object({
            kind: literals(RETURN_KINDS),
            title: Type.String({ maxLength: 300 }),
            doi: Type.Optional(Type.String({ maxLength: 200 })),
            embargo: Type.Optional(literals(EMBARGO_KINDS)),
            file_name: Type.Optional(Type.String({ maxLength: 255 })),
          }),
          response: {
            201: ReturnedDataset,
            ...authProblems,
            413: Type.Ref('Problem'),
            415: Type.Ref('Problem'),
          },
        },
      },
      async (request, reply) => {
        const body = request.body as Buffer | undefined;
        const q = request.query;
        const file =
          body && body.length > 0
            ? {
                name: q.file_name ?? 'returned-file',
                media_type: request.headers['content-type'] ?? 'application/octet-stream',
                bytes: body,
              }
            : undefined;
        const created = await returnData(deps, request.caller, {
          request: request.params.id,
          kind: q.kind,
          title: q.title,
          doi: q.doi,
          embargo: q.embargo,
          file,
        });
        return reply.status(201).send(created);
      },
    );
  };
  await app.register(uploadRoutes);

  app.get(
    '/api/boreholes/:id/returns',
    {
      schema: {
        tags,
        summary: 'Data returned from this borehole’s core, with credit (values hidden while under embargo)',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: { 200: Type.Object({ items: Type.Array(ReturnedDataset) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: await listReturned(store, request.caller, { borehole: request.params.id }),
    }),
  );

  app.get(
    '/api/returns/:id',
    {
      schema: {
        tags,
        summary:
          'One returned dataset with its depth-registered values (the request’s parties only while under embargo)',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            title: Type.String(),
            kind: Type.String(),
            embargo_until: Type.String(),
            values: Type.Array(
              Type.Object({
                sample_no: Nullable(Type.String()),
                depth_from: Type.Number(),
                depth_to: Type.Number(),
                analyte: Type.String(),
                value: Nullable(Type.Number()),
                unit: Nullable(Type.String()),
                qualifier: Nullable(Type.String()),
              }),
            ),
          }),
          ...authProblems,
        },
      },
    },
    async (request) => {
      const { dataset, values } = await returnedDataset(deps, request.caller, request.params.id);
      return {
        id: dataset.public_id,
        title: dataset.title,
        kind: dataset.kind,
        embargo_until: dataset.embargo_until,
        values,
      };
    },
  );

  app.get(
    '/api/returns/:id/file',
    {
      schema: {
        tags,
        summary: 'The returned file itself (same embargo rule)',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: { 200: Type.Unknown(), ...authProblems },
      },
    },
    async (request, reply) => {
      const { dataset, file } = await returnedDataset(deps, request.caller, request.params.id);
      if (!file)
        return reply.status(404).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: 'this dataset has no file (a publication is returned by its DOI)',
        });
      const name = encodeURIComponent(dataset.file_name ?? `${dataset.public_id}`);
      return reply
        .type(dataset.media_type ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
        .header('x-content-sha256', dataset.sha256 ?? '')
        .send(createReadStream(file));
    },
  );

  app.get(
    '/api/custodians/:code/overdue',
    {
      config: { signIn: true },
      schema: {
        tags,
        summary: 'A custodian’s overdue loans and overdue returned data (its curators and administrators)',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({
            loans: Type.Array(
              Type.Object({
                request_id: Type.String(),
                title: Type.String(),
                hole_id: Type.String(),
                depth_from: Type.Number(),
                depth_to: Type.Number(),
                due: Type.String(),
                organisation: Type.String(),
              }),
            ),
            data: Type.Array(
              Type.Object({
                request_id: Type.String(),
                title: Type.String(),
                hole_id: Type.String(),
                due: Type.String(),
                organisation: Type.String(),
              }),
            ),
          }),
          ...authProblems,
        },
      },
    },
    (request) => custodianOverdue(store, request.caller, request.params.code),
  );

  app.get(
    '/api/organisations/:code/credit',
    {
      config: { signIn: true },
      schema: {
        tags: ['credit'],
        summary: 'An organisation’s credit record (curators, administrators and its own members)',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({
            organisation: Type.Object({
              code: Type.String(),
              name_zh: Type.String(),
              name_en: Nullable(Type.String()),
            }),
            score: Type.Number(),
            by_kind: Type.Record(
              Type.String(),
              Type.Object({ count: Type.Integer(), points: Type.Number() }),
            ),
            events: Type.Integer(),
          }),
          ...authProblems,
        },
      },
    },
    (request) => creditRecord(store, request.caller, request.params.code),
  );
};
