// Accounts with roles for service tests: created through the same service as `coreshare user add`,
// and acting through the same actor the HTTP layer builds.
import type { Store } from '../../src/store/store.js';
import { systemActor, type Role } from '../../src/domain/accounts/access.js';
import { addUser } from '../../src/services/accounts/user-admin.service.js';
import { actorOf } from '../../src/services/accounts/auth.service.js';
import type { Caller } from '../../src/services/audit.service.js';

export const CLI: Caller = { actor: systemActor('test'), ip: null };

export async function addOrganisation(store: Store, code: string, kind = 'other'): Promise<void> {
  const now = '2026-11-27T00:00:00.000Z';
  await store.db
    .insertInto('organisation')
    .values({
      code,
      name_zh: `${code} 单位`,
      name_en: null,
      kind,
      province_code: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** A verified account with one role, and the caller it acts as. */
export async function callerWith(
  store: Store,
  email: string,
  role: Role,
  where: { organisation: string; custodian?: string; province?: string },
): Promise<Caller> {
  await addOrganisation(store, where.organisation);
  const account = await addUser(store, CLI, { email, role, ...where });
  const user = await store.db
    .selectFrom('app_user')
    .selectAll()
    .where('public_id', '=', account.id)
    .executeTakeFirstOrThrow();
  return { actor: await actorOf(store, user, 'token'), ip: '127.0.0.1' };
}
