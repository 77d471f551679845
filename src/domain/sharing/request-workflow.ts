// The life of a sharing request, from draft to closed (DOMAIN.md 4.3: Acquire → Innovate → Share).
// Pure: the service loads the request, asks `transition`, then stores the state and carries out the
// effects. After fulfilment only forward moves exist: the material or its results are still owed,
// and letting anyone end the request there would erase the debt.
import { checkCuts, type Cut } from './sampling-policy.js';
import type { CreditEventKind } from './credit.js';
import { refuse, type Refusal } from './refusal.js';
import {
  ACTION_LABELS,
  PARTIES,
  PARTY_LABELS,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  STATE_LABELS,
  WORKFLOW_RULES,
  TERMINAL_STATES,
  type Party,
  type RequestAction,
  type RequestKind,
  type RequestState,
  type SigningParty,
} from './request-vocabulary.js';

export * from './request-vocabulary.js';

const BEFORE_FULFILMENT = REQUEST_STATES.slice(0, REQUEST_STATES.indexOf('fulfilled'));

/** Loans and leases: the material stays the holder's and comes back (DOMAIN.md mode table). */
export const RETURNABLE_KINDS: readonly RequestKind[] = ['loan', 'lease'];
/** Kinds that owe results unless the request says otherwise: analysis made from core goes back. */
export const RESULTS_OWED_BY_DEFAULT: readonly RequestKind[] = ['sampling', 'data_access', 'cooperation'];

export interface RequestSnapshot {
  state: RequestState;
  kind: RequestKind;
  owner_is_custodian: boolean;
  permit_required: boolean;
  requester_organisation: string;
  custodian_organisation: string;
  owner_organisation?: string | null;
  /** Overrides RESULTS_OWED_BY_DEFAULT (a research loan owes results; an exhibition loan does not). */
  results_owed?: boolean;
  signatures?: readonly SigningParty[];
  loan_return_sent?: boolean;
  due_date?: Date | null;
  results_due?: Date | null;
}

export interface TransitionInput {
  /** When the action happens: every step is dated (traceability) and due dates are judged by it. */
  at: Date;
  /** Who acts, when not the party's organisation on the request (always for administrators). */
  actor_organisation?: string;
  reason?: string;
  due_date?: Date;
  samples?: readonly Cut[];
  condition?: 'intact' | 'damaged';
}

export type WorkflowEffect =
  | { kind: 'notify'; parties: Party[] }
  | { kind: 'record_reason'; reason: string }
  | { kind: 'record_signature'; party: SigningParty; complete: boolean }
  | { kind: 'set_due_date'; due_date: Date }
  | { kind: 'record_samples'; samples: readonly Cut[] }
  | { kind: 'loan_return_sent' }
  | { kind: 'credit'; event: CreditEventKind };

export type WorkflowRule = (typeof WORKFLOW_RULES)[number];

export type TransitionResult =
  | { ok: true; state: RequestState; effects: WorkflowEffect[] }
  | { ok: false; refusal: Refusal<WorkflowRule> };

const returnable = (r: RequestSnapshot) => RETURNABLE_KINDS.includes(r.kind);
const resultsOwed = (r: RequestSnapshot) => r.results_owed ?? RESULTS_OWED_BY_DEFAULT.includes(r.kind);
const afterConsent = (r: RequestSnapshot): RequestState => (r.permit_required ? 'permit' : 'agreement');
const afterUse = (r: RequestSnapshot): RequestState => (returnable(r) ? 'returned' : 'fulfilled');

/** Who signs the agreement: the owner only when it is not the custodian. */
export function signatories(r: RequestSnapshot): SigningParty[] {
  return r.owner_is_custodian ? ['requester', 'custodian'] : ['requester', 'custodian', 'owner'];
}

interface ActionRule {
  parties: readonly Party[];
  from: (r: RequestSnapshot) => readonly RequestState[];
  to: (r: RequestSnapshot) => RequestState;
}

const RULES: Record<RequestAction, ActionRule> = {
  submit: { parties: ['requester'], from: () => ['draft'], to: () => 'submitted' },
  start_review: { parties: ['custodian'], from: () => ['submitted'], to: () => 'custodian_review' },
  accept: {
    parties: ['custodian'],
    from: () => ['custodian_review'],
    to: (r) => (r.owner_is_custodian ? afterConsent(r) : 'owner_consent'),
  },
  reject: {
    parties: ['custodian'],
    from: () => ['submitted', 'custodian_review', 'agreement'],
    to: () => 'rejected',
  },
  consent: { parties: ['owner'], from: () => ['owner_consent'], to: afterConsent },
  // An owner who will not sign withdraws its consent: the same act, later.
  refuse_consent: { parties: ['owner'], from: () => ['owner_consent', 'agreement'], to: () => 'rejected' },
  grant_permit: { parties: ['administrator'], from: () => ['permit'], to: () => 'agreement' },
  refuse_permit: { parties: ['administrator'], from: () => ['permit'], to: () => 'rejected' },
  sign: { parties: ['requester', 'custodian', 'owner'], from: () => ['agreement'], to: () => 'agreement' },
  fulfil: { parties: ['custodian'], from: () => ['agreement'], to: () => 'fulfilled' },
  return_loan: {
    parties: ['requester'],
    from: (r) => (returnable(r) ? ['fulfilled'] : []),
    to: () => 'fulfilled',
  },
  confirm_return: {
    parties: ['custodian'],
    from: (r) => (returnable(r) ? ['fulfilled'] : []),
    to: () => 'returned',
  },
  return_results: { parties: ['requester'], from: (r) => [afterUse(r)], to: () => 'results_returned' },
  close: {
    parties: ['custodian'],
    from: (r) => (resultsOwed(r) ? ['results_returned'] : [afterUse(r), 'results_returned']),
    to: () => 'closed',
  },
  withdraw: { parties: ['requester'], from: () => BEFORE_FULFILMENT, to: () => 'withdrawn' },
  expire: { parties: ['system'], from: () => BEFORE_FULFILMENT, to: () => 'expired' },
};

const APPROVALS: readonly RequestAction[] = ['accept', 'consent', 'grant_permit'];
const NEEDS_REASON: readonly RequestAction[] = [
  'reject',
  'refuse_consent',
  'refuse_permit',
  'withdraw',
  'expire',
];

/** True when the approving party belongs to the requester's own organisation. */
export function isSelfApproval(
  r: RequestSnapshot,
  action: RequestAction,
  party: Party,
  actorOrganisation?: string,
): boolean {
  if (!APPROVALS.includes(action)) return false;
  const org =
    actorOrganisation ??
    (party === 'custodian' ? r.custodian_organisation : party === 'owner' ? r.owner_organisation : undefined);
  return org != null && org === r.requester_organisation;
}

// Refusals that depend on the request and the party, not on what the action carries.
function guard(
  r: RequestSnapshot,
  action: RequestAction,
  party: Party,
  actorOrganisation?: string,
): Refusal<WorkflowRule> | null {
  if (!RULES[action].parties.includes(party) || (party === 'owner' && r.owner_is_custodian)) {
    return refuse(
      'party_not_allowed',
      `the ${PARTY_LABELS[party].en} may not ${ACTION_LABELS[action].en} this request`,
      `${PARTY_LABELS[party].zh}无权对该申请执行“${ACTION_LABELS[action].zh}”`,
      { party, action },
    );
  }
  if (isSelfApproval(r, action, party, actorOrganisation)) {
    return refuse(
      'self_approval',
      'an organisation may not approve its own request',
      '单位不得审批本单位提出的申请',
      { organisation: r.requester_organisation },
    );
  }
  const signed = r.signatures ?? [];
  if (action === 'sign' && signed.includes(party as SigningParty)) {
    const who = PARTY_LABELS[party];
    return refuse('already_signed', `the ${who.en} has already signed the agreement`, `${who.zh}已签署协议`);
  }
  if (action === 'fulfil' && !signatories(r).every((p) => signed.includes(p))) {
    const missing = signatories(r).filter((p) => !signed.includes(p));
    return refuse(
      'signatures_missing',
      `the agreement still awaits the signature of: ${missing.map((p) => PARTY_LABELS[p].en).join(', ')}`,
      `协议尚待以下各方签署：${missing.map((p) => PARTY_LABELS[p].zh).join('、')}`,
      { missing: missing.join(',') },
    );
  }
  if (action === 'return_loan' && r.loan_return_sent === true) {
    return refuse('loan_return_already_sent', 'the return has already been sent', '已登记归还寄出');
  }
  return null;
}

/** The actions this party can take on the request now. */
export function availableActions(r: RequestSnapshot, party: Party): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => RULES[a].from(r).includes(r.state) && guard(r, a, party) == null);
}

/** The states this party can move the request to now. */
export function nextStates(r: RequestSnapshot, party: Party): RequestState[] {
  return [...new Set(availableActions(r, party).map((a) => RULES[a].to(r)))];
}

// What the action must carry: reasons for every way out, due dates for loans, samples for sampling.
function inputRefusal(
  r: RequestSnapshot,
  action: RequestAction,
  input: TransitionInput,
): Refusal<WorkflowRule> | null {
  if (NEEDS_REASON.includes(action) && !input.reason?.trim()) {
    const { en, zh } = ACTION_LABELS[action];
    return refuse('reason_required', `${en} needs a reason`, `${zh}须说明理由`);
  }
  if (
    action === 'fulfil' &&
    returnable(r) &&
    !(input.due_date && input.due_date.getTime() > input.at.getTime())
  ) {
    return refuse('due_date_required', 'a loan needs a due date after today', '借出须约定晚于当日的归还日期');
  }
  if (action === 'fulfil' && r.kind === 'sampling') {
    if (!input.samples?.length) {
      return refuse('samples_required', 'list the samples cut', '须列出所取样品');
    }
    const [bad] = checkCuts(input.samples);
    if (bad) return bad;
  }
  if (action === 'confirm_return' && input.condition == null) {
    return refuse('condition_required', "state the returned material's condition", '须说明归还实物的状况');
  }
  return null;
}

const late = (at: Date, due: Date | null | undefined) => due != null && at.getTime() > due.getTime();

function actionEffects(r: RequestSnapshot, action: RequestAction, party: Party, input: TransitionInput) {
  const effects: WorkflowEffect[] = [];
  if (NEEDS_REASON.includes(action)) effects.push({ kind: 'record_reason', reason: input.reason!.trim() });
  if (action === 'sign') {
    const signed = new Set([...(r.signatures ?? []), party]);
    effects.push({
      kind: 'record_signature',
      party: party as SigningParty,
      complete: signatories(r).every((p) => signed.has(p)),
    });
  }
  if (action === 'fulfil' && returnable(r)) effects.push({ kind: 'set_due_date', due_date: input.due_date! });
  if (action === 'fulfil' && r.kind === 'sampling')
    effects.push({ kind: 'record_samples', samples: input.samples! });
  if (action === 'return_loan') effects.push({ kind: 'loan_return_sent' });
  if (action === 'confirm_return') {
    effects.push({
      kind: 'credit',
      event: late(input.at, r.due_date) ? 'loan_overdue' : 'loan_returned_on_time',
    });
    if (input.condition === 'damaged') effects.push({ kind: 'credit', event: 'loan_damaged' });
  }
  if (action === 'return_results') {
    effects.push({
      kind: 'credit',
      event: late(input.at, r.results_due) ? 'data_overdue' : 'data_returned_on_time',
    });
  }
  return effects;
}

// Whoever can move the request on next hears of it; everyone involved hears how it ended.
function whoIsNext(r: RequestSnapshot, party: Party): Party[] {
  const involved: Party[] = r.owner_is_custodian
    ? ['requester', 'custodian']
    : ['requester', 'custodian', 'owner'];
  const waiting: readonly RequestAction[] = [...NEEDS_REASON, 'return_loan'];
  const next = TERMINAL_STATES.includes(r.state)
    ? involved
    : PARTIES.filter((p) => p !== 'system' && availableActions(r, p).some((a) => !waiting.includes(a)));
  return next.filter((p) => p !== party);
}

/** Applies one action by one party: the new state and what the service must do, or why not. */
export function transition(
  r: RequestSnapshot,
  action: RequestAction,
  party: Party,
  input: TransitionInput,
): TransitionResult {
  // A party that may never take this step hears that first: its state is beside the point.
  if (!RULES[action].parties.includes(party) || (party === 'owner' && r.owner_is_custodian))
    return { ok: false, refusal: guard(r, action, party, input.actor_organisation)! };
  if (!RULES[action].from(r).includes(r.state)) {
    const allowed = availableActions(r, party);
    const [now, act, who] = [STATE_LABELS[r.state], ACTION_LABELS[action], PARTY_LABELS[party]];
    return {
      ok: false,
      refusal: refuse(
        'not_allowed_from_state',
        `cannot ${act.en} while the request is ${now.en}; the ${who.en} may now: ${allowed.map((a) => ACTION_LABELS[a].en).join(', ') || 'nothing'}`,
        `申请${now.zh}，不能“${act.zh}”；${who.zh}当前可执行：${allowed.map((a) => ACTION_LABELS[a].zh).join('、') || '无'}`,
        { state: r.state, action, allowed: allowed.join(',') },
      ),
    };
  }
  const refusal = guard(r, action, party, input.actor_organisation) ?? inputRefusal(r, action, input);
  if (refusal) return { ok: false, refusal };
  const state = RULES[action].to(r);
  const effects = actionEffects(r, action, party, input);
  const signatures = action === 'sign' ? [...(r.signatures ?? []), party as SigningParty] : r.signatures;
  const notify = whoIsNext(
    { ...r, state, signatures, loan_return_sent: r.loan_return_sent || action === 'return_loan' },
    party,
  );
  if (notify.length > 0) effects.push({ kind: 'notify', parties: notify });
  return { ok: true, state, effects };
}
