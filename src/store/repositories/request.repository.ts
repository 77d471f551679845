// Sharing requests, their timeline, allocations of core, notifications and credit events.
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, SharingRequestTable } from '../schema.js';

export function requestRepository(db: Kysely<Database>) {
  const withNames = () =>
    db
      .selectFrom('sharing_request as r')
      .innerJoin('borehole as b', 'b.id', 'r.borehole_id')
      .innerJoin('custodian as c', 'c.id', 'r.custodian_id')
      .innerJoin('organisation as ro', 'ro.id', 'r.requester_org_id')
      .innerJoin('app_user as u', 'u.id', 'r.requester_user_id')
      .leftJoin('organisation as oo', 'oo.id', 'r.owner_org_id')
      .leftJoin('sharing_offer as o', 'o.id', 'r.offer_id')
      .selectAll('r')
      .select([
        'b.public_id as borehole_public_id',
        'b.hole_id as hole_id',
        'b.name as borehole_name',
        'b.dataset as borehole_dataset',
        'b.province_code as province_code',
        'c.code as custodian_code',
        'c.name_zh as custodian_name_zh',
        'c.name_en as custodian_name_en',
        'ro.code as requester_org_code',
        'u.display_name as requester_name',
        'u.public_id as requester_public_id',
        'oo.code as owner_org_code',
        'o.public_id as offer_public_id',
      ]);
  return {
    insert: async (row: Insertable<SharingRequestTable>) =>
      (await db.insertInto('sharing_request').values(row).returning('id').executeTakeFirstOrThrow()).id,
    byPublicId: (publicId: string) => withNames().where('r.public_id', '=', publicId).executeTakeFirst(),
    byId: (id: number) => withNames().where('r.id', '=', id).executeTakeFirst(),
    /** Writes the new state only if nobody moved the request since it was read; false otherwise. */
    advance: async (id: number, version: number, changes: Updateable<SharingRequestTable>) =>
      Number(
        (
          await db
            .updateTable('sharing_request')
            .set({ ...changes, version: version + 1 })
            .where('id', '=', id)
            .where('version', '=', version)
            .executeTakeFirst()
        ).numUpdatedRows,
      ) === 1,
    page: (filter: {
      requester_user_id?: number;
      inbox?: { custodian_ids: number[]; owner_org_ids: number[]; permit_provinces: Array<string | null> };
      state?: string;
      before?: number;
      limit: number;
    }) => {
      let q = withNames();
      if (filter.requester_user_id !== undefined)
        q = q.where('r.requester_user_id', '=', filter.requester_user_id);
      const inbox = filter.inbox;
      if (inbox) {
        q = q.where((eb) =>
          eb.or([
            ...(inbox.custodian_ids.length ? [eb('r.custodian_id', 'in', inbox.custodian_ids)] : []),
            ...(inbox.owner_org_ids.length ? [eb('r.owner_org_id', 'in', inbox.owner_org_ids)] : []),
            ...(inbox.permit_provinces.includes(null)
              ? [eb('r.permit_required', '=', 1)]
              : inbox.permit_provinces.length
                ? [
                    eb.and([
                      eb('r.permit_required', '=', 1),
                      eb('b.province_code', 'in', inbox.permit_provinces as string[]),
                    ]),
                  ]
                : []),
            sql<boolean>`1 = 0`,
          ]),
        );
      }
      if (filter.state) q = q.where('r.state', '=', filter.state);
      if (filter.before !== undefined) q = q.where('r.id', '<', filter.before);
      return q.orderBy('r.id', 'desc').limit(filter.limit).execute();
    },
    events: (requestId: number) =>
      db.selectFrom('request_event').selectAll().where('request_id', '=', requestId).orderBy('id').execute(),
    addEvent: (row: Insertable<Database['request_event']>) =>
      db.insertInto('request_event').values(row).execute(),

    /**
     * Serializes everything that hands out a borehole's core: PostgreSQL locks the row until the
     * transaction ends; the embedded engine has one writer already. A no-op write works on both (of
     * `id`, which no search column reads, so the search cache stays valid).
     */
    lockBorehole: (boreholeId: number) =>
      db
        .updateTable('borehole')
        .set({ id: sql`id` })
        .where('id', '=', boreholeId)
        .execute(),
    activeAllocations: (boreholeId: number, kind: 'loan' | 'sample') =>
      db
        .selectFrom('core_allocation as a')
        .innerJoin('sharing_request as r', 'r.id', 'a.request_id')
        .select([
          'a.id',
          'a.depth_from',
          'a.depth_to',
          'a.fraction',
          'a.due_at',
          'r.public_id as request_public_id',
        ])
        .where('a.borehole_id', '=', boreholeId)
        .where('a.kind', '=', kind)
        .where('a.released_at', 'is', null)
        .orderBy('a.depth_from')
        .execute(),
    allocate: (rows: Array<Insertable<Database['core_allocation']>>) =>
      rows.length ? db.insertInto('core_allocation').values(rows).execute() : Promise.resolve([]),
    releaseLoan: (requestId: number, at: string) =>
      db
        .updateTable('core_allocation')
        .set({ released_at: at })
        .where('request_id', '=', requestId)
        .where('kind', '=', 'loan')
        .where('released_at', 'is', null)
        .execute(),
    /** Requests of an institution holding samples whose results are still due. */
    pendingResults: async (organisationId: number) =>
      Number(
        (
          await db
            .selectFrom('sharing_request')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('requester_org_id', '=', organisationId)
            .where('results_owed', '=', 1)
            .where('state', 'in', ['fulfilled', 'returned'])
            .executeTakeFirstOrThrow()
        ).n,
      ),
    notify: (rows: Array<Insertable<Database['notification']>>) =>
      rows.length ? db.insertInto('notification').values(rows).execute() : Promise.resolve([]),
    credit: (row: Insertable<Database['credit_event']>) =>
      db.insertInto('credit_event').values(row).execute(),
    creditEvents: (organisationId: number) =>
      db
        .selectFrom('credit_event')
        .select(['kind', 'at'])
        .where('organisation_id', '=', organisationId)
        .execute(),
    policy: (custodianId: number) =>
      db
        .selectFrom('custodian_policy')
        .selectAll()
        .where('custodian_id', '=', custodianId)
        .executeTakeFirst(),
    /** Users who act for a party: curators of the custodian, owners of the organisation, administrators. */
    curatorsOf: async (custodianId: number) =>
      (
        await db
          .selectFrom('membership')
          .select('user_id')
          .where('role', '=', 'curator')
          .where('custodian_id', '=', custodianId)
          .execute()
      ).map((r) => r.user_id),
    ownersOf: async (organisationId: number) =>
      (
        await db
          .selectFrom('membership')
          .select('user_id')
          .where('role', '=', 'owner')
          .where('organisation_id', '=', organisationId)
          .execute()
      ).map((r) => r.user_id),
    administratorsFor: async (province: string | null) =>
      (
        await db
          .selectFrom('membership')
          .select('user_id')
          .where('role', '=', 'administrator')
          .where((eb) =>
            eb.or([
              eb('province_code', 'is', null),
              ...(province ? [eb('province_code', '=', province)] : []),
            ]),
          )
          .execute()
      ).map((r) => r.user_id),
  };
}

export type RequestRow = NonNullable<Awaited<ReturnType<ReturnType<typeof requestRepository>['byId']>>>;
