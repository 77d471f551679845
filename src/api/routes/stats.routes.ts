// /api/stats: service statistics like the paper's tables, as JSON or as a CSV for spreadsheets.
// Public by year and custodian level; per custodian or province for its curators and administrators.
import { Type, type TInteger } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../../store/store.js';
import { SHARING_MODES, type SharingMode } from '../../domain/sharing-modes.js';
import { REQUEST_KINDS, type RequestKind } from '../../domain/sharing/request-vocabulary.js';
import { getStats, statsCsv, STATS_GROUPS } from '../../services/stats.service.js';
import { authProblems } from '../schemas/account.schema.js';
import { Nullable } from '../schemas/common.schema.js';

const counts = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer()])) as Record<K, TInteger>);

const figures = {
  requests: Type.Integer({
    description: 'requests submitted (drafts never sent excluded), dated by creation',
  }),
  by_mode: counts<SharingMode>(SHARING_MODES),
  by_kind: counts<RequestKind>(REQUEST_KINDS),
  visits: Type.Integer({ description: 'viewing appointments fulfilled' }),
  core_metres: Type.Number({ description: 'core lent, leased or sampled (interval lengths), metres' }),
  samples: Type.Integer({ description: 'samples cut for requests' }),
  fulfilled: Type.Integer(),
  rejected: Type.Integer({ description: 'refused by the custodian, the owner or the permit authority' }),
  data_owed: Type.Integer({ description: 'fulfilled requests owing analysis data that is due or back' }),
  data_returned: Type.Integer(),
  returned_data_rate: Nullable(Type.Number({ description: 'data_returned ÷ data_owed' })),
  overdue_loans: Type.Integer({ description: 'loans and leases still out past their due date' }),
  overdue_data: Type.Integer({ description: 'analysis data past due and not returned' }),
};

const StatsReport = Type.Object({
  group: Type.String(),
  from: Nullable(Type.Integer()),
  to: Nullable(Type.Integer()),
  custodian: Nullable(Type.String()),
  rows: Type.Array(
    Type.Object({ key: Type.String(), label_zh: Type.String(), label_en: Type.String(), ...figures }),
  ),
  totals: Type.Object(figures),
});

const Year = (description: string) =>
  Type.Optional(Type.Integer({ minimum: 1949, maximum: 2999, description }));

export const statsRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/stats',
    {
      schema: {
        tags: ['stats'],
        summary: 'Service statistics: requests, visits, core used, samples, data returned, overdue items',
        description:
          'Public: group=year and group=level (the national picture). group=custodian, group=province and ' +
          'custodian=CODE need the stats.read permission: curators of that custodian, or administrators. ' +
          'Requests are dated by creation; fulfilments, visits, core, samples and data by the fulfilment; ' +
          'refusals by the refusal. format=csv answers text/csv (UTF-8 with BOM, headers in English and Chinese).',
        querystring: Type.Object({
          group: Type.Union(
            STATS_GROUPS.map((g) => Type.Literal(g)),
            { default: 'year' },
          ),
          from: Year('first year, inclusive'),
          to: Year('last year, inclusive'),
          custodian: Type.Optional(Type.String({ maxLength: 64, description: 'one custodian, by its code' })),
          format: Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }),
        }),
        response: {
          200: {
            content: {
              'application/json': { schema: StatsReport },
              'text/csv': { schema: Type.String({ description: 'the rows and a total line' }) },
            },
          },
          ...authProblems,
        },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const report = await getStats(store, request.caller, query);
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(report);
      const name = `coreshare-stats-${report.group}${report.custodian ? `-${report.custodian}` : ''}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`)
        .send(statsCsv(report));
    },
  );
};
