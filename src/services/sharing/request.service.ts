// Asking for core: a request is checked against every sharing rule when it is made (mode, purpose,
// fee, offer, audience, sampling limits), stored as a draft, and then moved on by transitions
// (request-transition.service.ts). Refusals name their rules in both languages.
import type { Store } from '../../store/store.js';
import { requestRepository, type RequestRow } from '../../store/repositories/request.repository.js';
import { offerRepository, type OfferRow } from '../../store/repositories/offer.repository.js';
import {
  checkRequest,
  permitReasons,
  type CoreFacts,
  type Offer,
  type Purpose,
  type RequestFacts,
} from '../../domain/sharing/eligibility.js';
import { kindModeRefusal } from '../../domain/sharing/request-kinds.js';
import {
  availableActions,
  RESULTS_OWED_BY_DEFAULT,
  type RequestAction,
  type RequestKind,
} from '../../domain/sharing/request-workflow.js';
import { checkSampling, type Cut } from '../../domain/sharing/sampling-policy.js';
import type { SharingMode } from '../../domain/sharing-modes.js';
import type { Role } from '../../domain/accounts/access.js';
import type { CoreClass, Confidentiality, FundingSource } from '../../domain/vocabulary.js';
import { recordAudit, recordAuditAlone, type Caller } from '../audit.service.js';
import { requireAccess } from '../accounts/access.service.js';
import { randomPublicId } from '../accounts/secrets.js';
import { ForbiddenError, InvalidInputError, NotFoundError, RuleRefusalError } from '../errors.js';
import { partiesOf } from './request-parties.js';
import { presentRequest, snapshotOf, type RequestView } from './request-view.js';
import { policyOf } from './policy.service.js';

export { presentRequest, snapshotOf, type RequestView } from './request-view.js';

export interface NewRequest {
  borehole: string;
  kind: RequestKind;
  mode: SharingMode;
  purpose: Purpose;
  international?: boolean | undefined;
  depth_from?: number | null | undefined;
  depth_to?: number | null | undefined;
  samples?: Cut[] | undefined;
  title: string;
  description?: string | null | undefined;
  /** Which of the caller's organisations asks; the first one when omitted. */
  organisation?: string | undefined;
}

const offerTerms = (o: OfferRow): Offer => ({
  modes: JSON.parse(o.modes) as SharingMode[],
  audience: o.audience,
  organisations: JSON.parse(o.organisations) as string[],
  fee_kind: o.fee_kind as Offer['fee_kind'],
  ...(o.fee_amount !== null && { fee_amount: o.fee_amount }),
});

/**
 * The offer the request falls under: among the live offers covering the borehole and the asked
 * interval, the first that opens the mode, else the first covering one (so the refusal can say the
 * mode is not offered), else none (not shared).
 */
function chooseOffer(
  offers: OfferRow[],
  hole: { dataset: string; core_class: string | null; depositor_id: number | null },
  mode: SharingMode,
  from: number | null,
  to: number | null,
): OfferRow | undefined {
  const covering = offers.filter((o) => {
    if (o.scope === 'collection')
      return (
        (!o.dataset || o.dataset === hole.dataset) &&
        !(hole.core_class === 'III' && hole.depositor_id !== null)
      );
    if (o.depth_from === null || o.depth_to === null) return true;
    return from !== null && to !== null && from >= o.depth_from && to <= o.depth_to;
  });
  return covering.find((o) => (JSON.parse(o.modes) as string[]).includes(mode)) ?? covering[0];
}

const ROLE_ORDER: Role[] = ['researcher', 'owner', 'curator', 'administrator', 'visitor'];

/** Makes a request (a draft the requester then submits), after checking every rule that applies now. */
export async function createRequest(store: Store, caller: Caller, input: NewRequest): Promise<RequestView> {
  await requireAccess(store, caller, 'request.create');
  const actor = caller.actor;
  const membership = input.organisation
    ? actor.memberships.find((m) => m.organisation_code === input.organisation)
    : [...actor.memberships].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))[0];
  if (!membership)
    throw new ForbiddenError(
      `you do not belong to ${input.organisation ?? 'any organisation'}`,
      `您不属于单位 ${input.organisation ?? ''}`,
    );
  const title = input.title.trim();
  const problems = [];
  if (!title || title.length > 200)
    problems.push({
      field: 'title',
      message: 'a title of 1 to 200 characters is needed',
      message_zh: '请填写 1 到 200 个字符的标题',
    });
  const from = input.depth_from ?? null;
  const to = input.depth_to ?? null;
  if ((from === null) !== (to === null) || (from !== null && to !== null && !(from >= 0 && to > from)))
    problems.push({
      field: 'depth_to',
      message: 'give a depth range running downward, or none for the whole hole',
      message_zh: '深度范围须自上而下，或不填（整孔）',
    });
  if (input.kind === 'sampling' && !input.samples?.length)
    problems.push({
      field: 'samples',
      message: 'list the samples asked for',
      message_zh: '请列出申请的样品',
    });
  if (problems.length) throw new InvalidInputError(problems.map((p) => p.message).join('; '), problems);

  const hole = await store.db
    .selectFrom('borehole as b')
    .leftJoin('organisation as d', 'd.id', 'b.depositor_id')
    .select([
      'b.id',
      'b.dataset',
      'b.custodian_id',
      'b.core_class',
      'b.funding_source',
      'b.ownership_dispute',
      'b.confidentiality',
      'b.total_depth',
      'b.depositor_id',
      'd.code as depositor_code',
    ])
    .where('b.public_id', '=', input.borehole)
    .executeTakeFirst();
  if (!hole) throw new NotFoundError('borehole', input.borehole);
  if (hole.custodian_id === null)
    throw new RuleRefusalError([
      {
        rule: 'no_custodian',
        message: 'nobody holds this borehole’s core on record',
        message_zh: '该钻孔尚无登记的馆藏机构',
      },
    ]);
  if (to !== null && hole.total_depth !== null && to > hole.total_depth + 1e-9)
    throw new InvalidInputError(`the borehole is ${hole.total_depth} m deep`, [
      {
        field: 'depth_to',
        message: `the borehole is ${hole.total_depth} m deep`,
        message_zh: `该钻孔孔深 ${hole.total_depth} 米`,
      },
    ]);

  const offers = await offerRepository(store.db).coveringBorehole(hole.id, hole.custodian_id);
  const offer = chooseOffer(offers, hole, input.mode, from, to);
  const core: CoreFacts = {
    funding_source: hole.funding_source as FundingSource | null,
    ownership_dispute: hole.ownership_dispute === 1,
    core_class: hole.core_class as CoreClass | null,
    confidentiality: hole.confidentiality as Confidentiality,
    specially_protected: false,
    offer: offer ? offerTerms(offer) : null,
  };
  const user = await store.db
    .selectFrom('app_user')
    .select(['real_name_status'])
    .where('id', '=', actor.user_id!)
    .executeTakeFirstOrThrow();
  const facts: RequestFacts = {
    mode: input.mode,
    purpose: input.purpose,
    international: input.international ?? false,
    requester: {
      role: membership.role,
      organisation_code: membership.organisation_code,
      verified: user.real_name_status === 'verified',
    },
  };
  const refusals: Array<{ rule: string; message: string; message_zh: string }> = [
    ...checkRequest(core, facts, { permit: 'defer' }),
  ];
  const kindRefusal = kindModeRefusal(input.kind, input.mode);
  if (kindRefusal) refusals.push(kindRefusal);
  const repo = requestRepository(store.db);
  const organisationId = (
    await store.db
      .selectFrom('organisation')
      .select('id')
      .where('code', '=', membership.organisation_code)
      .executeTakeFirstOrThrow()
  ).id;
  if (input.kind === 'sampling' && input.samples?.length) {
    const existing = await repo.activeAllocations(hole.id, 'sample');
    refusals.push(
      ...checkSampling((await policyOf(store, hole.custodian_id)).sampling, {
        requested: input.samples,
        existing,
        pending_results_of_institution: await repo.pendingResults(organisationId),
      }),
    );
  }
  if (refusals.length) {
    await recordAuditAlone(store, caller, {
      action: 'request.create',
      outcome: 'denied',
      subject_type: 'borehole',
      subject_id: input.borehole,
      detail: { kind: input.kind, mode: input.mode, rules: refusals.map((r) => r.rule) },
    });
    throw new RuleRefusalError(refusals);
  }

  const now = new Date().toISOString();
  const publicId = randomPublicId('CSR');
  const ownerOrg = hole.core_class === 'III' && hole.depositor_id !== null ? hole.depositor_id : null;
  const id = await store.db.transaction().execute(async (trx) => {
    const r = requestRepository(trx);
    const id = await r.insert({
      public_id: publicId,
      kind: input.kind,
      mode: input.mode,
      purpose: input.purpose,
      international: input.international ? 1 : 0,
      state: 'draft',
      requester_user_id: actor.user_id!,
      requester_org_id: organisationId,
      custodian_id: hole.custodian_id!,
      owner_org_id: ownerOrg,
      borehole_id: hole.id,
      depth_from: from,
      depth_to: to,
      offer_id: offer?.id ?? null,
      permit_required: permitReasons(core, facts).length > 0 ? 1 : 0,
      permit_reasons: JSON.stringify(permitReasons(core, facts)),
      results_owed: RESULTS_OWED_BY_DEFAULT.includes(input.kind) ? 1 : 0,
      title,
      description: input.description?.trim() || null,
      samples: JSON.stringify(input.samples ?? []),
      signatures: '[]',
      loan_return_sent: 0,
      due_date: null,
      results_due: null,
      version: 0,
      created_at: now,
      updated_at: now,
    });
    await r.addEvent({
      request_id: id,
      at: now,
      actor_user_id: actor.user_id,
      actor: actor.label,
      party: 'requester',
      action: 'create',
      from_state: 'draft',
      to_state: 'draft',
      reason: null,
      detail: '{}',
    });
    await recordAudit(trx, caller, {
      action: 'request.create',
      subject_type: 'request',
      subject_id: publicId,
      detail: { borehole: input.borehole, kind: input.kind, mode: input.mode, purpose: input.purpose },
    });
    return id;
  });
  return presentRequest((await repo.byId(id))!);
}

async function visibleRequest(store: Store, caller: Caller, id: string): Promise<RequestRow> {
  const row = await requestRepository(store.db).byPublicId(id);
  // Someone else's request is "not found", so ids reveal nothing about who asks for what.
  if (!row || (caller.actor.kind !== 'system' && partiesOf(caller.actor, row).length === 0)) {
    await requireAccess(store, caller, 'account.self');
    throw new NotFoundError('request', id);
  }
  return row;
}

export interface RequestDetail extends RequestView {
  timeline: Array<{
    at: string;
    actor: string;
    party: string;
    action: string;
    from_state: string;
    to_state: string;
    reason: string | null;
  }>;
  /** What the caller may do now, per party they act as. */
  actions: Array<{ party: string; action: RequestAction }>;
}

/** One request with its timeline and the caller's next possible actions; parties only. */
export async function getRequest(store: Store, caller: Caller, id: string): Promise<RequestDetail> {
  const row = await visibleRequest(store, caller, id);
  const events = await requestRepository(store.db).events(row.id);
  const snapshot = snapshotOf(row);
  return {
    ...presentRequest(row),
    timeline: events.map((e) => ({
      at: e.at,
      actor: e.actor,
      party: e.party,
      action: e.action,
      from_state: e.from_state,
      to_state: e.to_state,
      reason: e.reason,
    })),
    actions: partiesOf(caller.actor, row).flatMap((p) =>
      availableActions(snapshot, p.party).map((action) => ({ party: p.party, action })),
    ),
  };
}

/** The caller's own requests ('mine') or those waiting on them as custodian, owner or administrator ('inbox'). */
export async function listRequests(
  store: Store,
  caller: Caller,
  filter: { box: 'mine' | 'inbox'; state?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: RequestView[]; next_cursor: string | null }> {
  await requireAccess(store, caller, 'account.self');
  const actor = caller.actor;
  const repo = requestRepository(store.db);
  let inbox;
  if (filter.box === 'inbox') {
    const ownerCodes = actor.memberships.filter((m) => m.role === 'owner').map((m) => m.organisation_code);
    const ownerIds = ownerCodes.length
      ? (
          await store.db.selectFrom('organisation').select('id').where('code', 'in', ownerCodes).execute()
        ).map((o) => o.id)
      : [];
    inbox = {
      custodian_ids: actor.memberships
        .filter((m) => m.role === 'curator' && m.custodian_id !== null)
        .map((m) => m.custodian_id!),
      owner_org_ids: ownerIds,
      permit_provinces: actor.memberships
        .filter((m) => m.role === 'administrator')
        .map((m) => m.province_code),
    };
  }
  const rows = await repo.page({
    ...(filter.box === 'mine' && { requester_user_id: actor.user_id ?? -1 }),
    ...(inbox && { inbox }),
    ...(filter.state !== undefined && { state: filter.state }),
    ...(filter.cursor !== undefined && { before: Number(filter.cursor) }),
    limit: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map(presentRequest),
    next_cursor: rows.length > filter.limit ? String(page[page.length - 1]!.id) : null,
  };
}
