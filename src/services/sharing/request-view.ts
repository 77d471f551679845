// How a request is shown (presentRequest) and how the pure workflow sees it (snapshotOf).
import type { RequestRow } from '../../store/repositories/request.repository.js';
import type {
  RequestKind,
  RequestSnapshot,
  RequestState,
  SigningParty,
} from '../../domain/sharing/request-workflow.js';
import type { Cut } from '../../domain/sharing/sampling-policy.js';

export interface RequestView {
  id: string;
  kind: string;
  mode: string;
  purpose: string;
  international: boolean;
  state: string;
  title: string;
  description: string | null;
  borehole: { id: string; hole_id: string; name: string };
  depth_from: number | null;
  depth_to: number | null;
  custodian: { code: string; name_zh: string; name_en: string | null };
  requester: { id: string; name: string; organisation: string };
  owner_organisation: string | null;
  offer_id: string | null;
  permit_required: boolean;
  permit_reasons: string[];
  results_owed: boolean;
  samples: Cut[];
  signatures: string[];
  due_date: string | null;
  results_due: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export function presentRequest(r: RequestRow): RequestView {
  return {
    id: r.public_id,
    kind: r.kind,
    mode: r.mode,
    purpose: r.purpose,
    international: r.international === 1,
    state: r.state,
    title: r.title,
    description: r.description,
    borehole: { id: r.borehole_public_id, hole_id: r.hole_id, name: r.borehole_name },
    depth_from: r.depth_from,
    depth_to: r.depth_to,
    custodian: { code: r.custodian_code, name_zh: r.custodian_name_zh, name_en: r.custodian_name_en },
    requester: { id: r.requester_public_id, name: r.requester_name, organisation: r.requester_org_code },
    owner_organisation: r.owner_org_code,
    offer_id: r.offer_public_id,
    permit_required: r.permit_required === 1,
    permit_reasons: JSON.parse(r.permit_reasons) as string[],
    results_owed: r.results_owed === 1,
    samples: JSON.parse(r.samples) as Cut[],
    signatures: JSON.parse(r.signatures) as string[],
    due_date: r.due_date,
    results_due: r.results_due,
    version: r.version,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

/** The request as the pure workflow sees it. */
export function snapshotOf(r: RequestRow): RequestSnapshot {
  return {
    state: r.state as RequestState,
    kind: r.kind as RequestKind,
    owner_is_custodian: r.owner_org_id === null,
    permit_required: r.permit_required === 1,
    requester_organisation: r.requester_org_code,
    custodian_organisation: `custodian:${r.custodian_code}`,
    owner_organisation: r.owner_org_code,
    results_owed: r.results_owed === 1,
    signatures: JSON.parse(r.signatures) as SigningParty[],
    loan_return_sent: r.loan_return_sent === 1,
    due_date: r.due_date ? new Date(r.due_date) : null,
    results_due: r.results_due ? new Date(r.results_due) : null,
  };
}
