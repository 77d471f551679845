// Service statistics: plain aggregates, one query per source table, grouped by custodian, custodian
// level, the core's province or year. Only SQL both engines read alike: the year is
// `substr(date, 1, 4)` of the ISO text dates, and group keys contain no bound parameters (PostgreSQL
// would not match a parameterised select expression to its GROUP BY twin). Counts arrive as strings
// from PostgreSQL (bigint) and as numbers from SQLite: the service turns them into numbers.
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';

export const STATS_GROUPS = ['custodian', 'level', 'province', 'year'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export interface StatsScope {
  group: StatsGroup;
  /** Inclusive four-digit years. */
  from?: string | undefined;
  to?: string | undefined;
  custodian_id?: number | undefined;
  /** ISO timestamp that "overdue" is judged against. */
  now: string;
}

type Count = number | string | bigint;

const year = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 4)`;

/** The group key of a row, with `dated` the column that dates this figure. */
function keyOf(group: StatsGroup, dated: string): RawBuilder<string | null> {
  switch (group) {
    case 'custodian':
      return sql<string>`${sql.ref('c.code')}`;
    case 'level':
      return sql<string>`${sql.ref('c.level')}`;
    case 'province':
      return sql<string | null>`${sql.ref('b.province_code')}`;
    case 'year':
      return year(dated);
  }
}

/** The years asked for, and the one custodian when asked for. */
function within(scope: StatsScope, dated: string): Expression<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (scope.from) parts.push(sql`${year(dated)} >= ${scope.from}`);
  if (scope.to) parts.push(sql`${year(dated)} <= ${scope.to}`);
  if (scope.custodian_id !== undefined) parts.push(sql`${sql.ref('c.id')} = ${scope.custodian_id}`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

// The analysis data came back: the workflow step, or a returned dataset on file.
const RETURNED = sql<SqlBool>`(exists (select 1 from request_event e2 where e2.request_id = r.id and e2.action = 'return_results')
  or exists (select 1 from returned_dataset d where d.request_id = r.id))`;

const SUBMITTED = sql<SqlBool>`exists (select 1 from request_event e1 where e1.request_id = r.id and e1.action = 'submit')`;

export function statsRepository(db: Kysely<Database>) {
  const requests = () =>
    db
      .selectFrom('sharing_request as r')
      .innerJoin('custodian as c', 'c.id', 'r.custodian_id')
      .innerJoin('borehole as b', 'b.id', 'r.borehole_id');
  /** Fulfilled requests, dated by their one `fulfil` step. */
  const fulfilled = () =>
    requests().innerJoin('request_event as f', (j) =>
      j.onRef('f.request_id', '=', 'r.id').on('f.action', '=', 'fulfil'),
    );

  return {
    /** Requests sent (a draft never submitted is no request), by mode and kind, dated by creation. */
    requests: (scope: StatsScope) => {
      const key = keyOf(scope.group, 'r.created_at');
      return requests()
        .select([key.as('key'), 'r.mode', 'r.kind', (eb) => eb.fn.countAll<Count>().as('n')])
        .where(SUBMITTED)
        .where(within(scope, 'r.created_at'))
        .groupBy([key, 'r.mode', 'r.kind'])
        .execute();
    },

    /** Fulfilments, visits, and the duty to return analysis data, dated by fulfilment. */
    fulfilments: (scope: StatsScope) => {
      const key = keyOf(scope.group, 'f.at');
      const owed = sql`r.results_owed = 1`;
      const due = sql`r.results_due < ${scope.now}`;
      return fulfilled()
        .select([
          key.as('key'),
          (eb) => eb.fn.countAll<Count>().as('fulfilled'),
          sql<Count>`sum(case when r.kind = 'viewing' then 1 else 0 end)`.as('visits'),
          sql<Count>`sum(case when ${owed} and (${RETURNED} or ${due}) then 1 else 0 end)`.as('data_owed'),
          sql<Count>`sum(case when ${owed} and ${RETURNED} then 1 else 0 end)`.as('data_returned'),
          sql<Count>`sum(case when ${owed} and ${due} and r.state in ('fulfilled', 'returned') and not ${RETURNED} then 1 else 0 end)`.as(
            'overdue_data',
          ),
        ])
        .where(within(scope, 'f.at'))
        .groupBy(key)
        .execute();
    },

    /**
     * Core used: every interval handed out at fulfilment (loans and leases whole, samples as cut),
     * in whole millimetres per interval, so the engines' float widths cannot change the sum; and
     * loans still out past their due date.
     */
    allocations: (scope: StatsScope) => {
      const key = keyOf(scope.group, 'f.at');
      return fulfilled()
        .innerJoin('core_allocation as a', 'a.request_id', 'r.id')
        .select([
          key.as('key'),
          sql<Count>`sum(round((cast(a.depth_to as double precision) - cast(a.depth_from as double precision)) * 1000))`.as(
            'core_mm',
          ),
          sql<Count>`sum(case when a.kind = 'loan' and a.released_at is null and a.due_at < ${scope.now} then 1 else 0 end)`.as(
            'overdue_loans',
          ),
        ])
        .where(within(scope, 'f.at'))
        .groupBy(key)
        .execute();
    },

    /** Samples cut for requests, dated by the fulfilment that cut them. */
    samples: (scope: StatsScope) => {
      const key = keyOf(scope.group, 'f.at');
      return fulfilled()
        .innerJoin('sample as s', 's.taken_for', 'r.public_id')
        .select([key.as('key'), (eb) => eb.fn.countAll<Count>().as('n')])
        .where(within(scope, 'f.at'))
        .groupBy(key)
        .execute();
    },

    /** Refusals at any stage (custodian, owner, permit), dated by the refusal. */
    rejections: (scope: StatsScope) => {
      const key = keyOf(scope.group, 'e.at');
      return requests()
        .innerJoin('request_event as e', 'e.request_id', 'r.id')
        .select([key.as('key'), (eb) => eb.fn.countAll<Count>().as('n')])
        .where('e.to_state', '=', 'rejected')
        .where(within(scope, 'e.at'))
        .groupBy(key)
        .execute();
    },

    custodianNames: (codes: string[]) =>
      codes.length
        ? db
            .selectFrom('custodian')
            .select(['code', 'name_zh', 'name_en'])
            .where('code', 'in', codes)
            .execute()
        : Promise.resolve([]),
    custodianByCode: (code: string) =>
      db.selectFrom('custodian').select(['id', 'code']).where('code', '=', code).executeTakeFirst(),
  };
}
