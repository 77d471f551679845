// Real-name verification (实名认证), pluggable: a checker decides from the name and identity number,
// or leaves the account pending for an administrator. Offers open to "researchers" or named
// organisations admit verified requesters only. The number itself is never stored, only a hash.
import { createHash } from 'node:crypto';
import type { Store } from '../../store/store.js';
import { accountRepository } from '../../store/repositories/account.repository.js';
import { recordAudit, type Caller } from '../audit.service.js';
import { requireAccess } from './access.service.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { accountView, normaliseEmail, type AccountView } from './auth.service.js';

export type RealNameOutcome = 'verified' | 'rejected' | 'pending';

/** A real-name service (a national eID gateway, a bank check…) plugs in here. */
export interface RealNameChecker {
  readonly name: string;
  check(input: { real_name: string; id_number: string }): Promise<RealNameOutcome>;
}

/** The default: nothing is decided automatically; an administrator confirms (`coreshare user verify`). */
export const manualRealNameChecker: RealNameChecker = {
  name: 'manual',
  check: () => Promise.resolve('pending'),
};

/** GB 11643 resident identity numbers: 17 digits and a check character (0–9 or X). */
export function validResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** The caller submits their name and identity number; the checker decides, or leaves it pending. */
export async function submitRealName(
  store: Store,
  checker: RealNameChecker,
  caller: Caller,
  input: { real_name: string; id_number: string },
): Promise<AccountView> {
  await requireAccess(store, caller, 'account.self');
  const name = input.real_name.trim();
  const id = input.id_number.trim().toUpperCase();
  const problems = [];
  if (!name || name.length > 60)
    problems.push({
      field: 'real_name',
      message: 'the name as on the identity document (1–60 characters)',
      message_zh: '请填写与证件一致的姓名（1–60 个字符）',
    });
  if (!validResidentId(id) && !/^[A-Z0-9]{6,20}$/.test(id))
    problems.push({
      field: 'id_number',
      message: 'not an identity or passport number',
      message_zh: '不是有效的身份证或护照号码',
    });
  if (problems.length) throw new InvalidInputError(problems.map((p) => p.message).join('; '), problems);
  const outcome = await checker.check({ real_name: name, id_number: id });
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    await accountRepository(trx).updateUser(caller.actor.user_id!, {
      real_name: name,
      real_name_id_hash: createHash('sha256').update(`${caller.actor.public_id}\n${id}`).digest('hex'),
      real_name_status: outcome,
      real_name_checked_at: outcome === 'pending' ? null : now,
      real_name_checker: outcome === 'pending' ? null : checker.name,
      updated_at: now,
    });
    await recordAudit(trx, caller, {
      action: 'account.real_name_submit',
      subject_type: 'user',
      subject_id: caller.actor.public_id,
      detail: { checker: checker.name, outcome },
    });
  });
  return accountView(store, caller.actor.user_id!);
}

/** An administrator confirms or rejects a pending (or any) real-name submission. */
export async function decideRealName(
  store: Store,
  caller: Caller,
  email: string,
  decision: 'verified' | 'rejected',
): Promise<AccountView> {
  await requireAccess(store, caller, 'user.manage');
  const user = await accountRepository(store.db).userByEmail(normaliseEmail(email));
  if (!user) throw new NotFoundError('account', email);
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    await accountRepository(trx).updateUser(user.id, {
      real_name_status: decision,
      real_name_checked_at: now,
      real_name_checker: caller.actor.label,
      updated_at: now,
    });
    await recordAudit(trx, caller, {
      action: 'account.real_name_decide',
      subject_type: 'user',
      subject_id: user.public_id,
      detail: { decision },
    });
  });
  return accountView(store, user.id);
}
