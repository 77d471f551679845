// The agreement of a request (DOMAIN.md principle 4): drafted from the request, its offer and the
// custodian's policy when the request reaches the agreement state, then signed by each party. A
// signature stores the SHA-256 of the text it signed; text changed behind the application no longer
// hashes to what was stored, so it cannot be signed and reads as not intact.
import type { Kysely } from 'kysely';
import type { Store } from '../../store/store.js';
import type { Database } from '../../store/schema.js';
import { agreementRepository, type AgreementRow } from '../../store/repositories/agreement.repository.js';
import { requestRepository, type RequestRow } from '../../store/repositories/request.repository.js';
import {
  agreementHash,
  agreementTerms,
  renderAgreement,
  type AgreementFacts,
  type AgreementTerms,
} from '../../domain/sharing/agreement-template.js';
import type { FeeKind, PermitReason, Purpose } from '../../domain/sharing/eligibility.js';
import { DEFAULT_EMBARGO_POLICY, type EmbargoPolicy } from '../../domain/sharing/embargo.js';
import {
  DEFAULT_SAMPLING_POLICY,
  type Cut,
  type SamplingPolicy,
} from '../../domain/sharing/sampling-policy.js';
import { refuse } from '../../domain/sharing/refusal.js';
import { signatories, type RequestKind, type SigningParty } from '../../domain/sharing/request-workflow.js';
import type { SharingMode } from '../../domain/sharing-modes.js';
import { recordAudit, recordAuditAlone, type Caller } from '../audit.service.js';
import { requireAccess } from '../accounts/access.service.js';
import { randomPublicId } from '../accounts/secrets.js';
import { NotFoundError, RuleRefusalError } from '../errors.js';
import { partiesOf } from './request-parties.js';
import { snapshotOf } from './request.service.js';

export interface AgreementView {
  id: string;
  request_id: string;
  /** The sharing mode whose template wrote it. */
  template: string;
  terms: AgreementTerms;
  body_zh: string;
  body_en: string;
  sha256: string;
  /** The stored terms and text still hash to `sha256`: nobody changed them behind the application. */
  intact: boolean;
  /** Who must sign before the core is handed over. */
  signatories: SigningParty[];
  signatures: Array<{
    party: string;
    signer: string;
    signed_at: string;
    signed_sha256: string;
    /** Signed this very text: the hash signed is the agreement's, and the text is intact. */
    valid: boolean;
  }>;
  /** Every signatory has a valid signature. */
  complete: boolean;
  created_at: string;
}

const hashOf = (a: AgreementRow) =>
  agreementHash(JSON.parse(a.terms) as AgreementTerms, a.body_zh, a.body_en);

const altered = (a: AgreementRow) =>
  refuse(
    'agreement_altered',
    `the text of agreement ${a.public_id} no longer matches its SHA-256 ${a.sha256}: it was changed outside CoreShare and cannot be signed; ask the platform's administrators to investigate`,
    `协议 ${a.public_id} 的文本与其 SHA-256 摘要 ${a.sha256} 不符，已在平台之外被改动，不能签署；请联系平台管理员核查`,
  );

async function facts(
  trx: Kysely<Database>,
  r: RequestRow,
  at: string,
  permitReference: string | undefined,
): Promise<AgreementFacts> {
  const repo = agreementRepository(trx);
  const policy = await requestRepository(trx).policy(r.custodian_id);
  const sampling: SamplingPolicy = {
    ...DEFAULT_SAMPLING_POLICY,
    ...(policy ? (JSON.parse(policy.sampling) as Partial<SamplingPolicy>) : {}),
  };
  const embargo: EmbargoPolicy = {
    ...DEFAULT_EMBARGO_POLICY,
    ...(policy ? (JSON.parse(policy.embargo) as Partial<EmbargoPolicy>) : {}),
  };
  const offer = r.offer_id === null ? undefined : await repo.offer(r.offer_id);
  const grant = r.permit_required === 1 ? await repo.permitGrant(r.id) : undefined;
  return {
    agreement_id: randomPublicId('CSA'),
    drafted_at: at,
    request: {
      id: r.public_id,
      kind: r.kind as RequestKind,
      mode: r.mode as SharingMode,
      purpose: r.purpose as Purpose,
      international: r.international === 1,
      title: r.title,
    },
    requester: {
      user: { id: r.requester_public_id, name: r.requester_name },
      organisation: await repo.organisation(r.requester_org_id),
    },
    custodian: { code: r.custodian_code, name_zh: r.custodian_name_zh, name_en: r.custodian_name_en },
    owner: r.owner_org_id === null ? null : await repo.organisation(r.owner_org_id),
    borehole: { id: r.borehole_public_id, hole_id: r.hole_id, name: r.borehole_name },
    depth_from: r.depth_from,
    depth_to: r.depth_to,
    samples: JSON.parse(r.samples) as Cut[],
    offer: offer
      ? {
          id: offer.public_id,
          fee_kind: offer.fee_kind as FeeKind,
          fee_amount: offer.fee_amount,
          conditions_zh: offer.conditions_zh,
          conditions_en: offer.conditions_en,
        }
      : null,
    results_owed: r.results_owed === 1,
    results_due_months: sampling.results_due_months,
    embargo_months: { raw: embargo.raw, interpretation: embargo.interpretation },
    due_date: r.due_date,
    permit:
      r.permit_required === 1
        ? {
            reasons: JSON.parse(r.permit_reasons) as PermitReason[],
            granted_at: grant?.at ?? null,
            granted_by: grant
              ? grant.display_name
                ? `${grant.display_name} <${grant.email}>`
                : grant.actor
              : null,
            reference: permitReference?.trim() || null,
          }
        : null,
  };
}

/**
 * Writes the request's agreement, unless it has one, inside the transition's transaction (after its
 * timeline entry, so a permit granted in the same step is on it). `permitReference`: the document
 * number the administrator gave with the grant.
 */
export async function draftAgreement(
  trx: Kysely<Database>,
  caller: Caller,
  r: RequestRow,
  context: { at: string; permitReference?: string | undefined },
): Promise<void> {
  const repo = agreementRepository(trx);
  if (await repo.byRequest(r.id)) return;
  const terms = agreementTerms(await facts(trx, r, context.at, context.permitReference));
  const { body_zh, body_en } = renderAgreement(terms);
  const sha256 = agreementHash(terms, body_zh, body_en);
  await repo.insert({
    public_id: terms.id,
    request_id: r.id,
    template: terms.template,
    terms: JSON.stringify(terms),
    body_zh,
    body_en,
    sha256,
    created_at: context.at,
  });
  await recordAudit(trx, caller, {
    action: 'agreement.draft',
    subject_type: 'agreement',
    subject_id: terms.id,
    detail: { request: r.public_id, template: terms.template, sha256 },
  });
}

/**
 * Before a `sign` step's transaction: refuses, and audits, a signature on text changed behind the
 * application (recordSignature checks again inside the transaction, which a refusal rolls back).
 */
export async function checkSignable(store: Store, caller: Caller, r: RequestRow): Promise<void> {
  const agreement = await agreementRepository(store.db).byRequest(r.id);
  if (!agreement || hashOf(agreement) === agreement.sha256) return;
  await recordAuditAlone(store, caller, {
    action: 'agreement.sign',
    outcome: 'denied',
    subject_type: 'agreement',
    subject_id: agreement.public_id,
    detail: { rule: 'agreement_altered', request: r.public_id },
  });
  throw new RuleRefusalError([altered(agreement)], 409);
}

/** Stores a party's signature with the hash of the text signed, once the text is verified intact. */
export async function recordSignature(
  trx: Kysely<Database>,
  caller: Caller,
  r: RequestRow,
  party: SigningParty,
  at: string,
): Promise<void> {
  const repo = agreementRepository(trx);
  const agreement = await repo.byRequest(r.id);
  if (!agreement) throw new NotFoundError('agreement of request', r.public_id);
  if (hashOf(agreement) !== agreement.sha256) throw new RuleRefusalError([altered(agreement)], 409);
  const user = caller.actor.user_id === null ? undefined : await repo.user(caller.actor.user_id);
  await repo.sign({
    agreement_id: agreement.id,
    party,
    user_id: caller.actor.user_id,
    signer: user ? `${user.display_name} <${user.email}>` : caller.actor.label,
    signed_sha256: agreement.sha256,
    signed_at: at,
  });
  await recordAudit(trx, caller, {
    action: 'agreement.sign',
    subject_type: 'agreement',
    subject_id: agreement.public_id,
    detail: { request: r.public_id, party, sha256: agreement.sha256 },
  });
}

/** An agreement by its id (CSA…) or its request's id (CSR…), with its signatures; parties only. */
export async function getAgreement(store: Store, caller: Caller, id: string): Promise<AgreementView> {
  const repo = agreementRepository(store.db);
  const byAgreement = id.startsWith('CSA') ? await repo.byPublicId(id) : undefined;
  const request = await requestRepository(store.db).byPublicId(byAgreement?.request_public_id ?? id);
  // Someone else's agreement is "not found", like their request: ids reveal nothing.
  if (!request || (caller.actor.kind !== 'system' && partiesOf(caller.actor, request).length === 0)) {
    await requireAccess(store, caller, 'account.self');
    throw new NotFoundError(id.startsWith('CSA') ? 'agreement' : 'request', id);
  }
  const agreement = byAgreement ?? (await repo.byRequest(request.id));
  if (!agreement) throw new NotFoundError('agreement of request', id);
  const intact = hashOf(agreement) === agreement.sha256;
  const signatures = (await repo.signatures(agreement.id)).map((s) => ({
    party: s.party,
    signer: s.signer,
    signed_at: s.signed_at,
    signed_sha256: s.signed_sha256,
    valid: intact && s.signed_sha256 === agreement.sha256,
  }));
  const needed = signatories(snapshotOf(request));
  return {
    id: agreement.public_id,
    request_id: request.public_id,
    template: agreement.template,
    terms: JSON.parse(agreement.terms) as AgreementTerms,
    body_zh: agreement.body_zh,
    body_en: agreement.body_en,
    sha256: agreement.sha256,
    intact,
    signatories: needed,
    signatures,
    complete: needed.every((p) => signatures.some((s) => s.party === p && s.valid)),
    created_at: agreement.created_at,
  };
}
