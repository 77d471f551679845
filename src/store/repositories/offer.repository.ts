// Sharing offers, and the per-borehole bits of offered modes that search reads.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, SharingOfferTable } from '../schema.js';

export function offerRepository(db: Kysely<Database>) {
  const listed = () =>
    db
      .selectFrom('sharing_offer as o')
      .innerJoin('custodian as c', 'c.id', 'o.custodian_id')
      .leftJoin('borehole as b', 'b.id', 'o.borehole_id')
      .selectAll('o')
      .select([
        'c.code as custodian_code',
        'b.public_id as borehole_public_id',
        'b.hole_id as borehole_hole_id',
      ]);
  return {
    insert: async (row: Insertable<SharingOfferTable>) =>
      (await db.insertInto('sharing_offer').values(row).returning('id').executeTakeFirstOrThrow()).id,
    update: (id: number, changes: Updateable<SharingOfferTable>) =>
      db.updateTable('sharing_offer').set(changes).where('id', '=', id).execute(),
    byPublicId: (publicId: string) => listed().where('o.public_id', '=', publicId).executeTakeFirst(),
    list: (filter: {
      custodian_id?: number;
      borehole_id?: number;
      include_withdrawn?: boolean;
      after?: number;
      limit: number;
    }) => {
      let q = listed();
      if (filter.custodian_id !== undefined) q = q.where('o.custodian_id', '=', filter.custodian_id);
      if (filter.borehole_id !== undefined) q = q.where('o.borehole_id', '=', filter.borehole_id);
      if (!filter.include_withdrawn) q = q.where('o.withdrawn_at', 'is', null);
      if (filter.after !== undefined) q = q.where('o.id', '>', filter.after);
      return q.orderBy('o.id').limit(filter.limit).execute();
    },
    /**
     * The offers that may cover a borehole: its own, and its custodian's collection offers; the
     * caller keeps those whose coverage rules (dataset, Class Ⅲ) hold.
     */
    coveringBorehole: (boreholeId: number, custodianId: number | null) =>
      listed()
        .where('o.withdrawn_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('o.borehole_id', '=', boreholeId),
            ...(custodianId !== null
              ? [eb.and([eb('o.scope', '=', 'collection'), eb('o.custodian_id', '=', custodianId)])]
              : []),
          ]),
        )
        .orderBy('o.id')
        .execute(),
    /**
     * Re-derives offered_modes for one custodian's boreholes from its live offers (audience not
     * 'nobody'). A collection offer covers the custodian's holdings (or one dataset of them) except
     * Class Ⅲ core with a depositor, which only its owner's own offers open.
     */
    refreshOfferedModes: async (custodianId: number) => {
      await cleared(db).where('custodian_id', '=', custodianId).execute();
      for (const offer of await liveOffers(db, custodianId)) await opened(db, offer).execute();
    },
    /**
     * Re-derives offered_modes for the boreholes changed since `since` (imported, edited or moved
     * between custodians), whoever holds them: the offers of each hole's custodian as it is now.
     */
    refreshChangedOfferedModes: async (since: string) => {
      await cleared(db).where('updated_at', '>', since).execute();
      for (const offer of await liveOffers(db))
        await opened(db, offer).where('updated_at', '>', since).execute();
    },
  };
}

export type OfferRow = NonNullable<Awaited<ReturnType<ReturnType<typeof offerRepository>['byPublicId']>>>;

type LiveOffer = Pick<
  Selectable<SharingOfferTable>,
  'custodian_id' | 'scope' | 'borehole_id' | 'dataset' | 'modes_mask'
>;

/** Offers open to someone (not withdrawn, audience not 'nobody'), of one custodian or of all. */
function liveOffers(db: Kysely<Database>, custodianId?: number): Promise<LiveOffer[]> {
  let q = db
    .selectFrom('sharing_offer')
    .select(['custodian_id', 'scope', 'borehole_id', 'dataset', 'modes_mask'])
    .where('withdrawn_at', 'is', null)
    .where('audience', '<>', 'nobody');
  if (custodianId !== undefined) q = q.where('custodian_id', '=', custodianId);
  return q.execute();
}

/** The update that clears the offered-mode bits of the holes the caller narrows it to. */
function cleared(db: Kysely<Database>) {
  return db.updateTable('borehole').set({ offered_modes: 0 }).where('offered_modes', '<>', 0);
}

/**
 * The update that sets an offer's mode bits on the holes it covers: one hole, or the custodian's
 * collection (one dataset of it) but its Class Ⅲ core with a depositor.
 */
function opened(db: Kysely<Database>, o: LiveOffer) {
  let q = db
    .updateTable('borehole')
    .set({ offered_modes: sql`offered_modes | ${o.modes_mask}` })
    .where('custodian_id', '=', o.custodian_id);
  if (o.scope === 'borehole') return q.where('id', '=', o.borehole_id!);
  q = q.where((eb) =>
    eb.or([eb('core_class', 'is', null), eb('core_class', '<>', 'III'), eb('depositor_id', 'is', null)]),
  );
  return o.dataset ? q.where('dataset', '=', o.dataset) : q;
}
