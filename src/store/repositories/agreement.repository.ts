// Agreements of sharing requests, their signatures, and the facts an agreement is drafted from.
import type { Insertable, Kysely } from 'kysely';
import type { AgreementSignatureTable, AgreementTable, Database } from '../schema.js';

export function agreementRepository(db: Kysely<Database>) {
  const withRequest = () =>
    db
      .selectFrom('agreement as a')
      .innerJoin('sharing_request as r', 'r.id', 'a.request_id')
      .selectAll('a')
      .select('r.public_id as request_public_id');
  return {
    insert: async (row: Insertable<AgreementTable>) =>
      (await db.insertInto('agreement').values(row).returning('id').executeTakeFirstOrThrow()).id,
    byPublicId: (publicId: string) => withRequest().where('a.public_id', '=', publicId).executeTakeFirst(),
    byRequest: (requestId: number) => withRequest().where('a.request_id', '=', requestId).executeTakeFirst(),
    signatures: (agreementId: number) =>
      db
        .selectFrom('agreement_signature')
        .selectAll()
        .where('agreement_id', '=', agreementId)
        .orderBy('signed_at')
        .orderBy('party')
        .execute(),
    sign: (row: Insertable<AgreementSignatureTable>) =>
      db.insertInto('agreement_signature').values(row).execute(),
    user: (id: number) =>
      db
        .selectFrom('app_user')
        .select(['display_name', 'email'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    organisation: (id: number) =>
      db
        .selectFrom('organisation')
        .select(['code', 'name_zh', 'name_en'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    offer: (id: number) =>
      db
        .selectFrom('sharing_offer')
        .select(['public_id', 'fee_kind', 'fee_amount', 'conditions_zh', 'conditions_en'])
        .where('id', '=', id)
        .executeTakeFirst(),
    /** The latest permit granted on the request: who and when. */
    permitGrant: (requestId: number) =>
      db
        .selectFrom('request_event as e')
        .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
        .select(['e.at', 'e.actor', 'u.display_name', 'u.email'])
        .where('e.request_id', '=', requestId)
        .where('e.action', '=', 'grant_permit')
        .orderBy('e.id', 'desc')
        .executeTakeFirst(),
  };
}

export type AgreementRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof agreementRepository>['byPublicId']>>
>;
