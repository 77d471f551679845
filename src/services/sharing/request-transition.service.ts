// One service call per step of a request: the caller's party is found, the pure workflow decides,
// and the new state, its effects (signatures, due dates, samples cut, core allocated or released,
// credit, notifications), the timeline entry and the audit entry land in one transaction.
// Everything that hands out core locks the borehole first, so two approvals never allocate the
// same interval twice, on either engine.
import type { Kysely } from 'kysely';
import type { Store } from '../../store/store.js';
import type { Database } from '../../store/schema.js';
import { requestRepository, type RequestRow } from '../../store/repositories/request.repository.js';
import {
  ACTION_LABELS,
  KIND_LABELS,
  STATE_LABELS,
  transition,
  type Party,
  type RequestAction,
  type RequestState,
  type SigningParty,
  type WorkflowEffect,
} from '../../domain/sharing/request-workflow.js';
import {
  checkSampling,
  resultsDue,
  type Cut,
  type SamplingPolicy,
} from '../../domain/sharing/sampling-policy.js';
import { refuse, type Refusal } from '../../domain/sharing/refusal.js';
import { publicId } from '../../domain/public-id.js';
import { recordAudit, recordAuditAlone, type Caller } from '../audit.service.js';
import { ConflictError, NotFoundError, RuleRefusalError } from '../errors.js';
import { partiesOf } from './request-parties.js';
import { checkSignable, draftAgreement, recordSignature } from './agreement.service.js';
import { getRequest, snapshotOf, type RequestDetail } from './request.service.js';
import { policyOf } from './policy.service.js';

export interface TransitionRequest {
  action: RequestAction;
  /** The party to act as, when the caller is more than one (a curator who is also an administrator). */
  as?: Party | undefined;
  /** Why, for the ways out; with grant_permit, the permit's document number (许可文号) for the agreement. */
  reason?: string | undefined;
  due_date?: string | undefined;
  samples?: Cut[] | undefined;
  condition?: 'intact' | 'damaged' | undefined;
  /** The version the caller last saw: a step based on a stale page is refused, not applied twice. */
  version?: number | undefined;
}

const FORBIDDEN_RULES = new Set(['party_not_allowed', 'self_approval', 'not_a_party']);
const CONFLICT_RULES = new Set([
  'not_allowed_from_state',
  'already_signed',
  'signatures_missing',
  'loan_return_already_sent',
  'already_allocated',
  'too_little_remaining',
  'samples_too_close',
]);

function statusOf(refusal: Refusal): 400 | 403 | 409 {
  if (FORBIDDEN_RULES.has(refusal.rule)) return 403;
  if (CONFLICT_RULES.has(refusal.rule)) return 409;
  return 400;
}

const overlaps = (a: { depth_from: number; depth_to: number }, b: { depth_from: number; depth_to: number }) =>
  a.depth_from < b.depth_to && b.depth_from < a.depth_to;

/** The interval a loan takes: what was asked for, else the whole hole. */
async function loanInterval(trx: Kysely<Database>, r: RequestRow) {
  if (r.depth_from !== null && r.depth_to !== null) return { depth_from: r.depth_from, depth_to: r.depth_to };
  const hole = await trx
    .selectFrom('borehole')
    .select('total_depth')
    .where('id', '=', r.borehole_id)
    .executeTakeFirstOrThrow();
  return { depth_from: 0, depth_to: hole.total_depth ?? Number.MAX_SAFE_INTEGER };
}

/** Core handed out at fulfilment: refused when it is already out (loans) or would run short (samples). */
async function allocate(
  trx: Kysely<Database>,
  policy: SamplingPolicy,
  r: RequestRow,
  input: { at: string; due?: string; samples?: Cut[] },
) {
  const repo = requestRepository(trx);
  await repo.lockBorehole(r.borehole_id);
  if (r.kind === 'loan' || r.kind === 'lease') {
    const wanted = await loanInterval(trx, r);
    const clash = (await repo.activeAllocations(r.borehole_id, 'loan')).find((a) => overlaps(a, wanted));
    if (clash)
      throw new RuleRefusalError(
        [
          refuse(
            'already_allocated',
            `${clash.depth_from}–${clash.depth_to} m of this hole is out on request ${clash.request_public_id} until ${clash.due_at?.slice(0, 10) ?? 'its return'}`,
            `该孔 ${clash.depth_from}–${clash.depth_to} 米已借出（申请 ${clash.request_public_id}），${clash.due_at ? `应于 ${clash.due_at.slice(0, 10)} 归还` : '尚未归还'}`,
          ),
        ],
        409,
      );
    await repo.allocate([
      {
        request_id: r.id,
        borehole_id: r.borehole_id,
        kind: 'loan',
        ...wanted,
        fraction: 1,
        starts_at: input.at,
        due_at: input.due ?? null,
        released_at: null,
      },
    ]);
  }
  if (r.kind === 'sampling' && input.samples) {
    const existing = await repo.activeAllocations(r.borehole_id, 'sample');
    // Only the cross-section limit and spacing matter here: visit and pending limits were checked when asked.
    const refusals = checkSampling(policy, {
      requested: input.samples,
      existing,
      pending_results_of_institution: 0,
    });
    if (refusals.length) throw new RuleRefusalError(refusals, 409);
    await repo.allocate(
      input.samples.map((s) => ({
        request_id: r.id,
        borehole_id: r.borehole_id,
        kind: 'sample' as const,
        ...s,
        starts_at: input.at,
        due_at: null,
        released_at: null,
      })),
    );
    const base = (
      await trx
        .selectFrom('sample')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('borehole_id', '=', r.borehole_id)
        .executeTakeFirstOrThrow()
    ).n;
    await trx
      .insertInto('sample')
      .values(
        input.samples.map((s, i) => {
          const sampleNo = `${r.public_id}-${String(Number(base) + i + 1).padStart(3, '0')}`;
          return {
            public_id: publicId('sample', r.borehole_dataset, r.hole_id, sampleNo),
            borehole_id: r.borehole_id,
            sample_no: sampleNo,
            depth_from: s.depth_from,
            depth_to: s.depth_to,
            sample_type: 'core',
            taken_for: r.public_id,
            taken_at: input.at.slice(0, 10),
            remaining_fraction: null,
          };
        }),
      )
      .execute();
  }
}

async function usersFor(trx: Kysely<Database>, r: RequestRow, parties: Party[]): Promise<number[]> {
  const repo = requestRepository(trx);
  const ids = new Set<number>();
  for (const p of parties) {
    if (p === 'requester') ids.add(r.requester_user_id);
    if (p === 'custodian') for (const id of await repo.curatorsOf(r.custodian_id)) ids.add(id);
    if (p === 'owner' && r.owner_org_id !== null)
      for (const id of await repo.ownersOf(r.owner_org_id)) ids.add(id);
    if (p === 'administrator') for (const id of await repo.administratorsFor(r.province_code)) ids.add(id);
  }
  return [...ids];
}

async function applyEffects(
  trx: Kysely<Database>,
  r: RequestRow,
  state: RequestState,
  effects: WorkflowEffect[],
  at: string,
) {
  const repo = requestRepository(trx);
  for (const e of effects) {
    if (e.kind === 'credit')
      await repo.credit({
        organisation_id: r.requester_org_id,
        user_id: r.requester_user_id,
        request_id: r.id,
        kind: e.event,
        at,
      });
    if (e.kind === 'notify') {
      const users = await usersFor(trx, r, e.parties);
      await repo.notify(
        users.map((user_id) => ({
          user_id,
          request_id: r.id,
          at,
          title_zh: `${KIND_LABELS[r.kind as keyof typeof KIND_LABELS].zh}申请「${r.title}」${STATE_LABELS[state].zh}`,
          title_en: `${KIND_LABELS[r.kind as keyof typeof KIND_LABELS].en} request “${r.title}”: ${STATE_LABELS[state].en}`,
          link: `/requests/${r.public_id}`,
          read_at: null,
          mailed_at: null,
        })),
      );
    }
  }
}

/** Results are "returned" only when some came back: a dataset or a publication's DOI. */
async function checkResultsReturned(store: Store, caller: Caller, r: RequestRow): Promise<void> {
  const any = await store.db
    .selectFrom('returned_dataset')
    .select('id')
    .where('request_id', '=', r.id)
    .executeTakeFirst();
  if (any) return;
  await recordAuditAlone(store, caller, {
    action: 'request.return_results',
    outcome: 'denied',
    subject_type: 'request',
    subject_id: r.public_id,
    detail: { rule: 'results_missing' },
  });
  throw new RuleRefusalError(
    [
      refuse(
        'results_missing',
        'upload the results (or a publication’s DOI) first: POST /api/requests/{id}/returns',
        '请先上传成果文件（或论文 DOI），再确认汇交',
      ),
    ],
    409,
  );
}

/** Moves a request one step, as one of the caller's parties. */
export async function transitionRequest(
  store: Store,
  caller: Caller,
  id: string,
  step: TransitionRequest,
): Promise<RequestDetail> {
  const row = await requestRepository(store.db).byPublicId(id);
  if (!row) throw new NotFoundError('request', id);
  const roles = partiesOf(caller.actor, row).filter((p) => step.as === undefined || p.party === step.as);
  const at = new Date();
  const input = {
    at,
    ...(step.reason !== undefined && { reason: step.reason }),
    ...(step.due_date !== undefined && { due_date: new Date(step.due_date) }),
    ...(step.samples !== undefined && { samples: step.samples }),
    ...(step.condition !== undefined && { condition: step.condition }),
  };
  const snapshot = snapshotOf(row);
  // The first of the caller's parties the workflow lets take the step; else the first refusal.
  let chosen: { party: Party; state: RequestState; effects: WorkflowEffect[] } | undefined;
  let refusal: Refusal | undefined;
  for (const role of roles) {
    const result = transition(snapshot, step.action, role.party, {
      ...input,
      ...(role.organisation !== undefined && { actor_organisation: role.organisation }),
    });
    if (result.ok) {
      chosen = { party: role.party, state: result.state, effects: result.effects };
      break;
    }
    refusal ??= result.refusal;
  }
  if (!chosen) {
    refusal ??= refuse('not_a_party', 'you take no part in this request', '您不是该申请的相关方');
    await recordAuditAlone(store, caller, {
      action: `request.${step.action}`,
      outcome: 'denied',
      subject_type: 'request',
      subject_id: id,
      detail: { rule: refusal.rule },
    });
    if (roles.length === 0 && caller.actor.kind === 'anonymous') throw new RuleRefusalError([refusal], 403);
    throw new RuleRefusalError([refusal], statusOf(refusal));
  }
  if (step.version !== undefined && step.version !== row.version)
    throw new ConflictError(
      `request ${id} changed since version ${step.version}; reload it (now version ${row.version})`,
    );

  const atIso = at.toISOString();
  const { party, state, effects } = chosen;
  const signatures = new Set(JSON.parse(row.signatures) as string[]);
  const changes: Parameters<ReturnType<typeof requestRepository>['advance']>[2] = {
    state,
    updated_at: atIso,
  };
  for (const e of effects) {
    if (e.kind === 'record_signature') changes.signatures = JSON.stringify([...signatures.add(e.party)]);
    if (e.kind === 'set_due_date') changes.due_date = e.due_date.toISOString();
    if (e.kind === 'record_samples') changes.samples = JSON.stringify(e.samples);
    if (e.kind === 'loan_return_sent') changes.loan_return_sent = 1;
  }
  const reason = effects.find((e) => e.kind === 'record_reason');
  // Read before the transaction: on the embedded engine a read outside it would wait for it to end.
  const policy = (await policyOf(store, row.custodian_id)).sampling;
  if (step.action === 'sign') await checkSignable(store, caller, row);
  if (step.action === 'return_results') await checkResultsReturned(store, caller, row);
  await store.db.transaction().execute(async (trx) => {
    const repo = requestRepository(trx);
    if (step.action === 'fulfil') {
      await allocate(trx, policy, row, {
        at: atIso,
        ...(changes.due_date && { due: changes.due_date }),
        ...(step.samples && { samples: step.samples }),
      });
      if (row.results_owed === 1) changes.results_due = resultsDue(at, policy).toISOString();
    }
    if (step.action === 'confirm_return') await repo.releaseLoan(row.id, atIso);
    if (!(await repo.advance(row.id, row.version, changes)))
      throw new ConflictError(`request ${id} was changed by someone else meanwhile; reload it and try again`);
    await applyEffects(trx, row, state, effects, atIso);
    await repo.addEvent({
      request_id: row.id,
      at: atIso,
      actor_user_id: caller.actor.user_id,
      actor: caller.actor.label,
      party,
      action: step.action,
      from_state: row.state,
      to_state: state,
      reason: reason?.kind === 'record_reason' ? reason.reason : null,
      detail: JSON.stringify({
        ...(changes.due_date && { due_date: changes.due_date }),
        ...(step.condition && { condition: step.condition }),
      }),
    });
    // The text every party signs is written on entering the agreement state; each signature binds to its hash.
    if (state === 'agreement') {
      await draftAgreement(trx, caller, row, {
        at: atIso,
        ...(step.action === 'grant_permit' && { permitReference: step.reason }),
      });
      if (step.action === 'sign') await recordSignature(trx, caller, row, party as SigningParty, atIso);
    }
    await recordAudit(trx, caller, {
      action: `request.${step.action}`,
      subject_type: 'request',
      subject_id: id,
      detail: { party, from: row.state, to: state, label: ACTION_LABELS[step.action].en },
    });
  });
  return getRequest(store, caller, id);
}
