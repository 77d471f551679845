// API tokens for machines (scripts, QGIS, harvesters): shown once, stored as a hash, revocable.
import type { Store } from '../../store/store.js';
import { accountRepository } from '../../store/repositories/account.repository.js';
import { recordAudit, type Caller } from '../audit.service.js';
import { requireAccess } from './access.service.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { newSecret, randomPublicId, sha256 } from './secrets.js';

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof accountRepository>['tokensOf']>>[number];

const present = (t: TokenRow): ApiTokenView => ({
  id: t.public_id,
  name: t.name,
  prefix: t.prefix,
  created_at: t.created_at,
  last_used_at: t.last_used_at,
  expires_at: t.expires_at,
  revoked_at: t.revoked_at,
});

/** A new token for the caller; the secret is in the answer and nowhere else. */
export async function createApiToken(
  store: Store,
  caller: Caller,
  input: { name: string; expires_in_days?: number | undefined },
): Promise<ApiTokenView & { token: string }> {
  await requireAccess(store, caller, 'account.self');
  const name = input.name.trim();
  if (!name || name.length > 100)
    throw new InvalidInputError('a token needs a name of 1 to 100 characters', [
      {
        field: 'name',
        message: 'a token needs a name of 1 to 100 characters',
        message_zh: '令牌名称须为 1 到 100 个字符',
      },
    ]);
  // `cs_` marks the token's kind for secret scanners; the prefix tells a user's tokens apart.
  const token = `cs_${newSecret()}`;
  const now = new Date();
  const row = {
    public_id: randomPublicId('CST'),
    user_id: caller.actor.user_id!,
    name,
    token_hash: sha256(token),
    prefix: token.slice(0, 9),
    created_at: now.toISOString(),
    last_used_at: null,
    expires_at:
      input.expires_in_days !== undefined
        ? new Date(now.getTime() + input.expires_in_days * 86_400_000).toISOString()
        : null,
    revoked_at: null,
  };
  await store.db.transaction().execute(async (trx) => {
    await accountRepository(trx).insertToken(row);
    await recordAudit(trx, caller, {
      action: 'account.token_create',
      subject_type: 'api_token',
      subject_id: row.public_id,
      detail: { name, expires_at: row.expires_at },
    });
  });
  return { ...present(row as TokenRow), token };
}

export async function listApiTokens(store: Store, caller: Caller): Promise<ApiTokenView[]> {
  await requireAccess(store, caller, 'account.self');
  return (await accountRepository(store.db).tokensOf(caller.actor.user_id!)).map(present);
}

/** Revokes one of the caller's own tokens; another user's token is "not found", never "forbidden". */
export async function revokeApiToken(store: Store, caller: Caller, id: string): Promise<void> {
  await requireAccess(store, caller, 'account.self');
  const repo = accountRepository(store.db);
  const token = await repo.tokenOf(caller.actor.user_id!, id);
  if (!token) throw new NotFoundError('API token', id);
  if (token.revoked_at) return;
  await store.db.transaction().execute(async (trx) => {
    await accountRepository(trx).revokeToken(token.id, new Date().toISOString());
    await recordAudit(trx, caller, {
      action: 'account.token_revoke',
      subject_type: 'api_token',
      subject_id: id,
    });
  });
}
