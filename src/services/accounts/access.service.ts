// The one access check every service call makes first (Immich's requireAccess): the pure decision
// from the domain, turned into a typed error, with the refusal written to the audit log.
import type { Store } from '../../store/store.js';
import { decide, type AccessSubject, type Permission } from '../../domain/accounts/access.js';
import { recordAuditAlone, type Caller } from '../audit.service.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

export async function requireAccess(
  store: Store,
  caller: Caller,
  permission: Permission,
  subject: AccessSubject & { type?: string; id?: string } = {},
): Promise<void> {
  const decision = decide(caller.actor, permission, subject);
  if (decision.allowed) return;
  await recordAuditAlone(store, caller, {
    action: `access.${permission}`,
    subject_type: subject.type ?? null,
    subject_id: subject.id ?? null,
    outcome: 'denied',
    detail: { status: decision.status, reason: decision.reason },
  });
  if (decision.status === 401 && caller.session_expired)
    throw new UnauthorizedError(
      'your session has ended; sign in again',
      '登录已失效，请重新登录',
      'session_expired',
    );
  throw decision.status === 401
    ? new UnauthorizedError(decision.reason, decision.reason_zh)
    : new ForbiddenError(decision.reason, decision.reason_zh);
}
