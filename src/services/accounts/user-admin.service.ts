// Accounts created by an administrator or by `coreshare user add`: verified at once, with a role in
// an organisation (and, for a curator, the custodian they work for).
import { hash as argon2Hash } from '@node-rs/argon2';
import type { Store } from '../../store/store.js';
import { accountRepository } from '../../store/repositories/account.repository.js';
import { ROLES, type Role } from '../../domain/accounts/access.js';
import { recordAudit, type Caller } from '../audit.service.js';
import { requireAccess } from './access.service.js';
import { InvalidInputError, NotFoundError, type ProblemField } from '../errors.js';
import { normaliseEmail, accountView, type AccountView } from './auth.service.js';
import { randomPublicId } from './secrets.js';

export interface UserInput {
  email: string;
  display_name?: string | undefined;
  /** Omitted: the account signs in with API tokens only until a password is set. */
  password?: string | undefined;
  organisation: string;
  role: Role;
  /** A curator's custodian, by code. */
  custodian?: string | undefined;
  /** An administrator's province (six-digit code); omitted = national. */
  province?: string | undefined;
}

/** Adds the account if new, then grants the role; running it twice changes nothing. */
export async function addUser(store: Store, caller: Caller, input: UserInput): Promise<AccountView> {
  await requireAccess(store, caller, 'user.manage');
  const email = normaliseEmail(input.email);
  const problems: ProblemField[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email))
    problems.push({ field: 'email', message: 'not an e-mail address' });
  if (!ROLES.includes(input.role)) problems.push({ field: 'role', message: `one of ${ROLES.join(', ')}` });
  if (input.password !== undefined && input.password.length < 10)
    problems.push({ field: 'password', message: 'a password needs at least 10 characters' });
  if (input.role === 'curator' && !input.custodian)
    problems.push({ field: 'custodian', message: 'a curator works for a custodian: give its code' });
  if (input.province !== undefined && !/^\d{6}$/.test(input.province))
    problems.push({ field: 'province', message: 'a six-digit GB/T 2260 code, e.g. 540000' });
  if (problems.length)
    throw new InvalidInputError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

  const organisation = await store.db
    .selectFrom('organisation')
    .select('id')
    .where('code', '=', input.organisation)
    .executeTakeFirst();
  if (!organisation) throw new NotFoundError('organisation', input.organisation);
  let custodianId: number | null = null;
  if (input.custodian) {
    const custodian = await store.db
      .selectFrom('custodian')
      .select('id')
      .where('code', '=', input.custodian)
      .executeTakeFirst();
    if (!custodian) throw new NotFoundError('custodian', input.custodian);
    custodianId = custodian.id;
  }
  const passwordHash = input.password !== undefined ? await argon2Hash(input.password) : null;
  const userId = await store.db.transaction().execute(async (trx) => {
    const repo = accountRepository(trx);
    const now = new Date().toISOString();
    let user = await repo.userByEmail(email);
    if (!user) {
      const id = await repo.insertUser({
        public_id: randomPublicId('CSU'),
        email,
        display_name: input.display_name?.trim() || email.split('@')[0]!,
        password_hash: passwordHash,
        email_verified_at: now,
        // An administrator (or the operator) who creates an account vouches for who it is.
        real_name_status: 'verified',
        real_name_checked_at: now,
        failed_logins: 0,
        locale: 'zh',
        created_at: now,
        updated_at: now,
      });
      user = (await repo.userById(id))!;
      await recordAudit(trx, caller, {
        action: 'account.create',
        subject_type: 'user',
        subject_id: user.public_id,
        detail: { email },
      });
    } else if (passwordHash) {
      await repo.updateUser(user.id, { password_hash: passwordHash, updated_at: now });
    }
    await repo.addMembership({
      user_id: user.id,
      organisation_id: organisation.id,
      role: input.role,
      custodian_id: custodianId,
      province_code: input.province ?? null,
      created_at: now,
    });
    await recordAudit(trx, caller, {
      action: 'account.grant_role',
      subject_type: 'user',
      subject_id: user.public_id,
      detail: {
        organisation: input.organisation,
        role: input.role,
        custodian: input.custodian ?? null,
        province: input.province ?? null,
      },
    });
    return user.id;
  });
  return accountView(store, userId);
}

export interface UserSummary {
  id: string;
  email: string;
  display_name: string;
  email_verified: boolean;
  disabled: boolean;
  roles: Array<{
    role: Role;
    organisation_code: string;
    custodian_code: string | null;
    province_code: string | null;
  }>;
}

/** Every account with its roles, by e-mail address. */
export async function listUsers(store: Store, caller: Caller): Promise<UserSummary[]> {
  await requireAccess(store, caller, 'user.manage');
  const users = new Map<number, UserSummary>();
  for (const row of await accountRepository(store.db).usersWithRoles()) {
    let user = users.get(row.id);
    if (!user) {
      user = {
        id: row.public_id,
        email: row.email,
        display_name: row.display_name,
        email_verified: row.email_verified_at !== null,
        disabled: row.disabled_at !== null,
        roles: [],
      };
      users.set(row.id, user);
    }
    if (row.role !== null && row.organisation_code !== null)
      user.roles.push({
        role: row.role,
        organisation_code: row.organisation_code,
        custodian_code: row.custodian_code,
        province_code: row.province_code,
      });
  }
  return [...users.values()];
}
