import { describe, expect, it } from 'vitest';
import {
  PARTIES,
  REQUEST_ACTIONS,
  REQUEST_KINDS,
  REQUEST_STATES,
  TERMINAL_STATES,
  WORKFLOW_RULES,
  availableActions,
  isSelfApproval,
  nextStates,
  transition,
  type Party,
  type RequestAction,
  type RequestSnapshot,
  type RequestState,
  type TransitionInput,
} from '../../../src/domain/sharing/request-workflow.js';

const at = new Date('2024-03-01T09:00:00Z');
const later = new Date('2024-06-01T00:00:00Z');
const cut = { depth_from: 120.4, depth_to: 120.6, fraction: 0.25 };

// A Chengdu university borrows core from the national centre, which owns it.
const base: RequestSnapshot = {
  state: 'draft',
  kind: 'loan',
  owner_is_custodian: true,
  permit_required: false,
  requester_organisation: 'CDUT',
  custodian_organisation: 'NGAC',
  owner_organisation: 'NGAC',
};
const signed = { signatures: ['requester', 'custodian'] } as const;
const distinctOwner = { owner_is_custodian: false, owner_organisation: 'ZIJIN' } as const;

/** An input carrying whatever any action may need, so only the state and party decide. */
const full: TransitionInput = {
  at,
  reason: 'no longer needed',
  due_date: later,
  samples: [cut],
  condition: 'intact',
  actor_organisation: 'MNR',
};

type Row = [RequestState, RequestAction, Party, Partial<RequestSnapshot>, Partial<TransitionInput>];

describe('allowed transitions', () => {
  it.each<[...Row, RequestState]>([
    ['draft', 'submit', 'requester', {}, {}, 'submitted'],
    ['submitted', 'start_review', 'custodian', {}, {}, 'custodian_review'],
    ['custodian_review', 'accept', 'custodian', {}, {}, 'agreement'],
    ['custodian_review', 'accept', 'custodian', { permit_required: true }, {}, 'permit'],
    ['custodian_review', 'accept', 'custodian', distinctOwner, {}, 'owner_consent'],
    ['owner_consent', 'consent', 'owner', distinctOwner, {}, 'agreement'],
    ['owner_consent', 'consent', 'owner', { ...distinctOwner, permit_required: true }, {}, 'permit'],
    [
      'permit',
      'grant_permit',
      'administrator',
      { permit_required: true },
      { actor_organisation: 'MNR' },
      'agreement',
    ],
    ['agreement', 'sign', 'requester', {}, {}, 'agreement'],
    ['agreement', 'sign', 'custodian', { signatures: ['requester'] }, {}, 'agreement'],
    ['agreement', 'sign', 'owner', distinctOwner, {}, 'agreement'],
    ['agreement', 'fulfil', 'custodian', signed, { due_date: later }, 'fulfilled'],
    ['agreement', 'fulfil', 'custodian', { ...signed, kind: 'lease' }, { due_date: later }, 'fulfilled'],
    ['agreement', 'fulfil', 'custodian', { ...signed, kind: 'sampling' }, { samples: [cut] }, 'fulfilled'],
    ['agreement', 'fulfil', 'custodian', { ...signed, kind: 'data_access' }, {}, 'fulfilled'],
    [
      'agreement',
      'fulfil',
      'custodian',
      { ...distinctOwner, signatures: ['owner', 'custodian', 'requester'] },
      { due_date: later },
      'fulfilled',
    ],
    ['fulfilled', 'return_loan', 'requester', {}, {}, 'fulfilled'],
    ['fulfilled', 'confirm_return', 'custodian', {}, { condition: 'intact' }, 'returned'],
    [
      'fulfilled',
      'confirm_return',
      'custodian',
      { loan_return_sent: true },
      { condition: 'damaged' },
      'returned',
    ],
    ['returned', 'return_results', 'requester', {}, {}, 'results_returned'],
    ['returned', 'close', 'custodian', {}, {}, 'closed'],
    ['fulfilled', 'return_results', 'requester', { kind: 'sampling' }, {}, 'results_returned'],
    ['fulfilled', 'return_results', 'requester', { kind: 'viewing' }, {}, 'results_returned'],
    ['fulfilled', 'close', 'custodian', { kind: 'viewing' }, {}, 'closed'],
    ['fulfilled', 'close', 'custodian', { kind: 'trade' }, {}, 'closed'],
    ['fulfilled', 'close', 'custodian', { kind: 'sampling', results_owed: false }, {}, 'closed'],
    ['results_returned', 'close', 'custodian', { kind: 'sampling' }, {}, 'closed'],
    ['submitted', 'reject', 'custodian', {}, { reason: 'core on exhibition' }, 'rejected'],
    ['custodian_review', 'reject', 'custodian', {}, { reason: 'too little core left' }, 'rejected'],
    ['agreement', 'reject', 'custodian', {}, { reason: 'terms not agreed' }, 'rejected'],
    ['owner_consent', 'refuse_consent', 'owner', distinctOwner, { reason: 'core under study' }, 'rejected'],
    ['agreement', 'refuse_consent', 'owner', distinctOwner, { reason: 'terms not agreed' }, 'rejected'],
    ['permit', 'refuse_permit', 'administrator', {}, { reason: 'export not approved' }, 'rejected'],
    ...(['draft', 'submitted', 'custodian_review', 'owner_consent', 'permit', 'agreement'] as const).flatMap(
      (state): [...Row, RequestState][] => [
        [state, 'withdraw', 'requester', distinctOwner, { reason: 'project cancelled' }, 'withdrawn'],
        [state, 'expire', 'system', distinctOwner, { reason: 'no answer in 30 days' }, 'expired'],
      ],
    ),
  ])('%s: %s by %s (%o) → %s', (state, action, party, snapshot, input, to) => {
    const r = { ...base, ...snapshot, state };
    const result = transition(r, action, party, { at, ...input });
    expect(result).toMatchObject({ ok: true, state: to });
    expect(availableActions(r, party)).toContain(action);
    expect(nextStates(r, party)).toContain(to);
  });
});

describe('refused transitions', () => {
  it.each<[...Row, string]>([
    // Skipping a step, or acting in the wrong state.
    ['submitted', 'accept', 'custodian', {}, {}, 'not_allowed_from_state'],
    ['draft', 'start_review', 'custodian', {}, {}, 'not_allowed_from_state'],
    ['submitted', 'submit', 'requester', {}, {}, 'not_allowed_from_state'],
    ['custodian_review', 'grant_permit', 'administrator', {}, {}, 'not_allowed_from_state'],
    ['custodian_review', 'fulfil', 'custodian', signed, { due_date: later }, 'not_allowed_from_state'],
    ['owner_consent', 'sign', 'requester', distinctOwner, {}, 'not_allowed_from_state'],
    ['draft', 'reject', 'custodian', {}, { reason: 'x' }, 'not_allowed_from_state'],
    ['fulfilled', 'return_results', 'requester', {}, {}, 'not_allowed_from_state'],
    ['fulfilled', 'close', 'custodian', { kind: 'sampling' }, {}, 'not_allowed_from_state'],
    ['returned', 'close', 'custodian', { results_owed: true }, {}, 'not_allowed_from_state'],
    ['fulfilled', 'return_loan', 'requester', { kind: 'sampling' }, {}, 'not_allowed_from_state'],
    ['fulfilled', 'confirm_return', 'custodian', { kind: 'data_access' }, {}, 'not_allowed_from_state'],
    ['fulfilled', 'withdraw', 'requester', {}, { reason: 'x' }, 'not_allowed_from_state'],
    ['fulfilled', 'expire', 'system', {}, { reason: 'x' }, 'not_allowed_from_state'],
    ['fulfilled', 'reject', 'custodian', {}, { reason: 'x' }, 'not_allowed_from_state'],
    ['returned', 'confirm_return', 'custodian', {}, { condition: 'intact' }, 'not_allowed_from_state'],
    ...TERMINAL_STATES.map((s): [...Row, string] => [
      s,
      'withdraw',
      'requester',
      {},
      { reason: 'x' },
      'not_allowed_from_state',
    ]),
    // The wrong party.
    ['draft', 'submit', 'custodian', {}, {}, 'party_not_allowed'],
    ['custodian_review', 'accept', 'requester', {}, {}, 'party_not_allowed'],
    ['owner_consent', 'consent', 'custodian', distinctOwner, {}, 'party_not_allowed'],
    ['permit', 'grant_permit', 'custodian', {}, {}, 'party_not_allowed'],
    ['agreement', 'sign', 'owner', {}, {}, 'party_not_allowed'],
    ['agreement', 'sign', 'system', {}, {}, 'party_not_allowed'],
    ['agreement', 'refuse_consent', 'owner', {}, { reason: 'x' }, 'party_not_allowed'],
    ['agreement', 'fulfil', 'requester', signed, { due_date: later }, 'party_not_allowed'],
    ['submitted', 'reject', 'owner', distinctOwner, { reason: 'x' }, 'party_not_allowed'],
    ['submitted', 'withdraw', 'custodian', {}, { reason: 'x' }, 'party_not_allowed'],
    ['submitted', 'expire', 'administrator', {}, { reason: 'x' }, 'party_not_allowed'],
    ['fulfilled', 'return_loan', 'custodian', {}, {}, 'party_not_allowed'],
    ['fulfilled', 'confirm_return', 'requester', {}, { condition: 'intact' }, 'party_not_allowed'],
    ['results_returned', 'close', 'requester', {}, {}, 'party_not_allowed'],
    // Nobody approves their own organisation's request.
    ['custodian_review', 'accept', 'custodian', { requester_organisation: 'NGAC' }, {}, 'self_approval'],
    [
      'owner_consent',
      'consent',
      'owner',
      { ...distinctOwner, requester_organisation: 'ZIJIN' },
      {},
      'self_approval',
    ],
    ['permit', 'grant_permit', 'administrator', {}, { actor_organisation: 'CDUT' }, 'self_approval'],
    ['custodian_review', 'accept', 'custodian', {}, { actor_organisation: 'CDUT' }, 'self_approval'],
    // Request-state guards.
    ['agreement', 'sign', 'requester', { signatures: ['requester'] }, {}, 'already_signed'],
    [
      'agreement',
      'fulfil',
      'custodian',
      { signatures: ['requester'] },
      { due_date: later },
      'signatures_missing',
    ],
    [
      'agreement',
      'fulfil',
      'custodian',
      { ...distinctOwner, ...signed },
      { due_date: later },
      'signatures_missing',
    ],
    ['fulfilled', 'return_loan', 'requester', { loan_return_sent: true }, {}, 'loan_return_already_sent'],
    // What the action must carry.
    ['submitted', 'reject', 'custodian', {}, {}, 'reason_required'],
    ['custodian_review', 'reject', 'custodian', {}, { reason: '   ' }, 'reason_required'],
    ['owner_consent', 'refuse_consent', 'owner', distinctOwner, {}, 'reason_required'],
    ['permit', 'refuse_permit', 'administrator', {}, { reason: '' }, 'reason_required'],
    ['agreement', 'withdraw', 'requester', {}, {}, 'reason_required'],
    ['submitted', 'expire', 'system', {}, {}, 'reason_required'],
    ['agreement', 'fulfil', 'custodian', signed, {}, 'due_date_required'],
    ['agreement', 'fulfil', 'custodian', signed, { due_date: new Date('2024-02-01') }, 'due_date_required'],
    ['agreement', 'fulfil', 'custodian', { ...signed, kind: 'lease' }, {}, 'due_date_required'],
    ['agreement', 'fulfil', 'custodian', { ...signed, kind: 'sampling' }, {}, 'samples_required'],
    [
      'agreement',
      'fulfil',
      'custodian',
      { ...signed, kind: 'sampling' },
      { samples: [] },
      'samples_required',
    ],
    [
      'agreement',
      'fulfil',
      'custodian',
      { ...signed, kind: 'sampling' },
      { samples: [{ ...cut, depth_to: 120 }] },
      'sample_invalid',
    ],
    ['fulfilled', 'confirm_return', 'custodian', {}, {}, 'condition_required'],
  ])('%s: %s by %s (%o) is refused: %s', (state, action, party, snapshot, input, rule) => {
    const r = { ...base, ...snapshot, state };
    const result = transition(r, action, party, { at, ...input });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.rule).toBe(rule);
    expect(WORKFLOW_RULES).toContain(result.refusal.rule);
    expect(result.refusal.message).toMatch(/\w/);
    expect(result.refusal.message_zh).toMatch(/\p{Script=Han}/u);
  });

  it('names the current state and what the party may do instead', () => {
    const result = transition({ ...base, state: 'submitted' }, 'accept', 'custodian', { at });
    expect(result).toMatchObject({
      ok: false,
      refusal: {
        rule: 'not_allowed_from_state',
        message: 'cannot accept while the request is submitted; the custodian may now: start review, reject',
        message_zh: '申请已提交，不能“受理”；馆藏机构当前可执行：开始审核、拒绝',
        details: { state: 'submitted', action: 'accept', allowed: 'start_review,reject' },
      },
    });
  });
});

describe('availableActions and transition agree', () => {
  // Every state × kind × party × action, with an input that carries everything: an action is
  // offered exactly when it would be accepted.
  const shapes: Partial<RequestSnapshot>[] = [{}, distinctOwner, { permit_required: true }, signed];
  it('for every state, kind, party and action', () => {
    let accepted = 0;
    for (const state of REQUEST_STATES)
      for (const kind of REQUEST_KINDS)
        for (const shape of shapes)
          for (const party of PARTIES)
            for (const action of REQUEST_ACTIONS) {
              const r: RequestSnapshot = { ...base, ...shape, state, kind };
              const input = { ...full, actor_organisation: party === 'administrator' ? 'MNR' : undefined };
              const ok = transition(r, action, party, input).ok;
              expect(ok, `${state} ${kind} ${party} ${action}`).toBe(
                availableActions(r, party).includes(action),
              );
              if (ok) accepted += 1;
            }
    expect(accepted).toBeGreaterThan(100);
  });

  it('offers nothing in a terminal state', () => {
    for (const state of TERMINAL_STATES)
      for (const p of PARTIES) expect(availableActions({ ...base, state }, p)).toEqual([]);
  });

  it.each<[RequestState, Partial<RequestSnapshot>, Party, RequestAction[]]>([
    ['draft', {}, 'requester', ['submit', 'withdraw']],
    ['draft', {}, 'custodian', []],
    ['submitted', {}, 'custodian', ['start_review', 'reject']],
    ['submitted', {}, 'system', ['expire']],
    ['agreement', {}, 'owner', []],
    ['agreement', distinctOwner, 'owner', ['refuse_consent', 'sign']],
    ['agreement', signed, 'custodian', ['reject', 'fulfil']],
    ['fulfilled', {}, 'requester', ['return_loan']],
    ['fulfilled', { kind: 'viewing' }, 'custodian', ['close']],
    ['custodian_review', { requester_organisation: 'NGAC' }, 'custodian', ['reject']],
  ])('%s (%o): the %s may %o', (state, snapshot, party, actions) => {
    expect(availableActions({ ...base, ...snapshot, state }, party)).toEqual(actions);
  });
});

describe('effects', () => {
  const effectsOf = (
    r: Partial<RequestSnapshot>,
    action: RequestAction,
    party: Party,
    input: Partial<TransitionInput>,
  ) => {
    const result = transition({ ...base, ...r }, action, party, { at, ...input });
    if (!result.ok) throw new Error(result.refusal.message);
    return result.effects;
  };

  it('tells whoever acts next', () => {
    expect(effectsOf({ state: 'draft' }, 'submit', 'requester', {})).toEqual([
      { kind: 'notify', parties: ['custodian'] },
    ]);
    expect(effectsOf({ state: 'custodian_review', ...distinctOwner }, 'accept', 'custodian', {})).toEqual([
      { kind: 'notify', parties: ['owner'] },
    ]);
    expect(
      effectsOf({ state: 'owner_consent', ...distinctOwner, permit_required: true }, 'consent', 'owner', {}),
    ).toEqual([{ kind: 'notify', parties: ['administrator'] }]);
    expect(effectsOf({ state: 'fulfilled' }, 'return_loan', 'requester', {})).toEqual([
      { kind: 'loan_return_sent' },
      { kind: 'notify', parties: ['custodian'] },
    ]);
  });

  it('records the reason and tells everyone involved how it ended', () => {
    expect(
      effectsOf({ state: 'agreement', ...distinctOwner }, 'withdraw', 'requester', { reason: ' grant cut ' }),
    ).toEqual([
      { kind: 'record_reason', reason: 'grant cut' },
      { kind: 'notify', parties: ['custodian', 'owner'] },
    ]);
  });

  it('records signatures and says when the agreement is complete', () => {
    expect(effectsOf({ state: 'agreement' }, 'sign', 'requester', {})).toEqual([
      { kind: 'record_signature', party: 'requester', complete: false },
      { kind: 'notify', parties: ['custodian'] },
    ]);
    expect(effectsOf({ state: 'agreement', signatures: ['requester'] }, 'sign', 'custodian', {})).toEqual([
      { kind: 'record_signature', party: 'custodian', complete: true },
    ]);
  });

  it('sets the due date of a loan and lists the samples cut', () => {
    expect(
      effectsOf({ state: 'agreement', ...signed }, 'fulfil', 'custodian', { due_date: later }),
    ).toContainEqual({
      kind: 'set_due_date',
      due_date: later,
    });
    expect(
      effectsOf({ state: 'agreement', ...signed, kind: 'sampling' }, 'fulfil', 'custodian', {
        samples: [cut],
      }),
    ).toContainEqual({ kind: 'record_samples', samples: [cut] });
  });

  it.each<[Partial<RequestSnapshot>, RequestAction, Partial<TransitionInput>, string[]]>([
    [
      { state: 'fulfilled', due_date: later },
      'confirm_return',
      { condition: 'intact' },
      ['loan_returned_on_time'],
    ],
    [
      { state: 'fulfilled', due_date: at },
      'confirm_return',
      { condition: 'intact', at: later },
      ['loan_overdue'],
    ],
    [
      { state: 'fulfilled', due_date: at },
      'confirm_return',
      { condition: 'damaged', at: later },
      ['loan_overdue', 'loan_damaged'],
    ],
    [{ state: 'returned', results_due: later }, 'return_results', {}, ['data_returned_on_time']],
    [{ state: 'returned', results_due: at }, 'return_results', { at: later }, ['data_overdue']],
    [{ state: 'fulfilled', kind: 'viewing' }, 'return_results', {}, ['data_returned_on_time']],
  ])('writes the credit record: %o %s', (r, action, input, events) => {
    const party = action === 'confirm_return' ? 'custodian' : 'requester';
    const credit = effectsOf(r, action, party, input).flatMap((e) => (e.kind === 'credit' ? [e.event] : []));
    expect(credit).toEqual(events);
  });
});

describe('isSelfApproval', () => {
  it('only concerns approvals', () => {
    const own = { ...base, requester_organisation: 'NGAC' };
    expect(isSelfApproval(own, 'accept', 'custodian')).toBe(true);
    expect(isSelfApproval(own, 'reject', 'custodian')).toBe(false);
    expect(isSelfApproval(own, 'sign', 'custodian')).toBe(false);
    expect(isSelfApproval(base, 'grant_permit', 'administrator')).toBe(false);
    expect(isSelfApproval(base, 'grant_permit', 'administrator', 'CDUT')).toBe(true);
  });
});

describe('a whole loan, with a separate owner and a permit', () => {
  it('walks from draft to closed', () => {
    let r: RequestSnapshot = { ...base, ...distinctOwner, permit_required: true, results_owed: true };
    const steps: [RequestAction, Party, Partial<TransitionInput>, RequestState][] = [
      ['submit', 'requester', {}, 'submitted'],
      ['start_review', 'custodian', {}, 'custodian_review'],
      ['accept', 'custodian', {}, 'owner_consent'],
      ['consent', 'owner', {}, 'permit'],
      ['grant_permit', 'administrator', { actor_organisation: 'MNR' }, 'agreement'],
      ['sign', 'owner', {}, 'agreement'],
      ['sign', 'requester', {}, 'agreement'],
      ['sign', 'custodian', {}, 'agreement'],
      ['fulfil', 'custodian', { due_date: later }, 'fulfilled'],
      ['return_loan', 'requester', {}, 'fulfilled'],
      ['confirm_return', 'custodian', { condition: 'intact' }, 'returned'],
      ['return_results', 'requester', {}, 'results_returned'],
      ['close', 'custodian', {}, 'closed'],
    ];
    for (const [action, party, input, to] of steps) {
      const result = transition(r, action, party, { at, ...input });
      expect(result, `${action} by ${party}`).toMatchObject({ ok: true, state: to });
      if (!result.ok) return;
      const signatures =
        action === 'sign'
          ? [...(r.signatures ?? []), party as 'owner' | 'requester' | 'custodian']
          : r.signatures;
      r = {
        ...r,
        state: result.state,
        signatures,
        loan_return_sent: r.loan_return_sent || action === 'return_loan',
      };
    }
    expect(r.state).toBe('closed');
  });
});
