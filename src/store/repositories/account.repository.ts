// Accounts, memberships, sessions, API tokens, e-mail tokens and login attempts. Secrets are kept
// only as SHA-256 hashes: the callers hash before they ask.
import type { Insertable, Kysely } from 'kysely';
import type { AppUserTable, Database, MembershipTable } from '../schema.js';

export function accountRepository(db: Kysely<Database>) {
  return {
    userByEmail: (email: string) =>
      db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst(),
    userById: (id: number) => db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst(),
    userByPublicId: (publicId: string) =>
      db.selectFrom('app_user').selectAll().where('public_id', '=', publicId).executeTakeFirst(),
    insertUser: async (row: Insertable<AppUserTable>) =>
      (await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updateUser: (id: number, changes: Partial<Omit<AppUserTable, 'id' | 'public_id' | 'created_at'>>) =>
      db.updateTable('app_user').set(changes).where('id', '=', id).execute(),

    membershipsOf: (userId: number) =>
      db
        .selectFrom('membership as m')
        .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
        .leftJoin('custodian as c', 'c.id', 'm.custodian_id')
        .select([
          'm.role',
          'm.custodian_id',
          'm.province_code',
          'o.code as organisation_code',
          'o.name_zh as organisation_name_zh',
          'o.name_en as organisation_name_en',
          'c.code as custodian_code',
        ])
        .where('m.user_id', '=', userId)
        .orderBy('m.id')
        .execute(),
    /** Every account with each of its roles (one row per role; a row with null role when none), by e-mail. */
    usersWithRoles: () =>
      db
        .selectFrom('app_user as u')
        .leftJoin('membership as m', 'm.user_id', 'u.id')
        .leftJoin('organisation as o', 'o.id', 'm.organisation_id')
        .leftJoin('custodian as c', 'c.id', 'm.custodian_id')
        .select([
          'u.id',
          'u.public_id',
          'u.email',
          'u.display_name',
          'u.email_verified_at',
          'u.disabled_at',
          'm.role',
          'm.province_code',
          'o.code as organisation_code',
          'c.code as custodian_code',
        ])
        .orderBy('u.email')
        .orderBy('m.id')
        .execute(),
    addMembership: (row: Insertable<MembershipTable>) =>
      db
        .insertInto('membership')
        .values(row)
        .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
        .execute(),

    insertSession: (row: Insertable<Database['user_session']>) =>
      db.insertInto('user_session').values(row).execute(),
    sessionByHash: (tokenHash: string) =>
      db.selectFrom('user_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),
    touchSession: (tokenHash: string, at: string) =>
      db.updateTable('user_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute(),
    deleteSession: (tokenHash: string) =>
      db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute(),
    deleteSessionsOf: (userId: number) =>
      db.deleteFrom('user_session').where('user_id', '=', userId).execute(),
    deleteExpiredSessions: (now: string) =>
      db.deleteFrom('user_session').where('expires_at', '<', now).execute(),

    insertToken: (row: Insertable<Database['api_token']>) => db.insertInto('api_token').values(row).execute(),
    tokenByHash: (tokenHash: string) =>
      db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),
    tokensOf: (userId: number) =>
      db.selectFrom('api_token').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute(),
    tokenOf: (userId: number, publicId: string) =>
      db
        .selectFrom('api_token')
        .selectAll()
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .executeTakeFirst(),
    revokeToken: (id: number, at: string) =>
      db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).execute(),
    touchToken: (id: number, at: string) =>
      db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute(),

    insertEmailToken: (row: Insertable<Database['email_token']>) =>
      db.insertInto('email_token').values(row).execute(),
    emailTokenByHash: (tokenHash: string) =>
      db.selectFrom('email_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),
    useEmailToken: async (tokenHash: string, at: string) =>
      // Only the first use counts: a replayed link finds used_at set and changes nothing.
      Number(
        (
          await db
            .updateTable('email_token')
            .set({ used_at: at })
            .where('token_hash', '=', tokenHash)
            .where('used_at', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ) === 1,

    recordLoginAttempt: (row: Insertable<Database['login_attempt']>) =>
      db.insertInto('login_attempt').values(row).execute(),
    failedLoginsFromIp: async (ip: string, since: string) =>
      Number(
        (
          await db
            .selectFrom('login_attempt')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('ip', '=', ip)
            .where('at', '>=', since)
            .where('succeeded', '=', 0)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    forgetLoginAttempts: (before: string) =>
      db.deleteFrom('login_attempt').where('at', '<', before).execute(),
  };
}

export type AccountRepository = ReturnType<typeof accountRepository>;
