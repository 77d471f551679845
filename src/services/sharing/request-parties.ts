// Which parties of a request the caller can act as, and for which organisation.
import type { Actor } from '../../domain/accounts/access.js';
import type { Party } from '../../domain/sharing/request-workflow.js';
import type { RequestRow } from '../../store/repositories/request.repository.js';

export interface PartyRole {
  party: Party;
  /** The organisation the caller acts for in that party: the self-approval check compares it. */
  organisation: string | undefined;
}

export function partiesOf(actor: Actor, r: RequestRow): PartyRole[] {
  if (actor.kind === 'system') return [{ party: 'system', organisation: undefined }];
  const out: PartyRole[] = [];
  if (actor.user_id === r.requester_user_id)
    out.push({ party: 'requester', organisation: r.requester_org_code });
  for (const m of actor.memberships) {
    if (m.role === 'curator' && m.custodian_id === r.custodian_id)
      out.push({ party: 'custodian', organisation: m.organisation_code });
    if (m.role === 'owner' && r.owner_org_code !== null && m.organisation_code === r.owner_org_code)
      out.push({ party: 'owner', organisation: m.organisation_code });
    if (m.role === 'administrator' && (m.province_code === null || m.province_code === r.province_code))
      out.push({ party: 'administrator', organisation: m.organisation_code });
  }
  // One entry per party: the first membership that gives it.
  return out.filter((p, i) => out.findIndex((q) => q.party === p.party) === i);
}
