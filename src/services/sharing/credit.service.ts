// Credit records (信用记录): what an organisation's past requests earned it, shown to custodians
// before they approve, to administrators, and to the organisation's own members.
import type { Store } from '../../store/store.js';
import { requestRepository } from '../../store/repositories/request.repository.js';
import { creditScore, type CreditEventKind } from '../../domain/sharing/credit.js';
import { requireAccess } from '../accounts/access.service.js';
import { recordAuditAlone, type Caller } from '../audit.service.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export async function creditRecord(store: Store, caller: Caller, organisationCode: string) {
  await requireAccess(store, caller, 'account.self');
  const org = await store.db
    .selectFrom('organisation')
    .select(['id', 'code', 'name_zh', 'name_en'])
    .where('code', '=', organisationCode)
    .executeTakeFirst();
  if (!org) throw new NotFoundError('organisation', organisationCode);
  const actor = caller.actor;
  const allowed =
    actor.kind === 'system' ||
    actor.memberships.some(
      (m) => m.organisation_code === org.code || m.role === 'curator' || m.role === 'administrator',
    );
  if (!allowed) {
    await recordAuditAlone(store, caller, {
      action: 'credit.read',
      outcome: 'denied',
      subject_type: 'organisation',
      subject_id: org.code,
    });
    throw new ForbiddenError(
      'credit records are shown to curators, administrators and the organisation’s own members',
      '信用记录仅向馆藏机构、主管部门及本单位人员展示',
    );
  }
  const events = await requestRepository(store.db).creditEvents(org.id);
  const score = creditScore(events.map((e) => ({ kind: e.kind as CreditEventKind, at: new Date(e.at) })));
  return {
    organisation: { code: org.code, name_zh: org.name_zh, name_en: org.name_en },
    ...score,
    events: events.length,
  };
}
