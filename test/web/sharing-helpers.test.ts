// The sharing pages' pure helpers, and the rules and words the web mirrors from the server (it may
// not import them): if the server's change, these tests say which copy to update.
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../web/src/app/routes.js';
import { ApiError } from '../../web/src/lib/api-client.js';
import { vocabularyLabel, vocabularies } from '../../web/src/lib/vocabulary.js';
import type { Account } from '../../web/src/features/account/api/get-me.js';
import type { Offer } from '../../web/src/features/sharing/api/get-offers.js';
import { readNumber } from '../../web/src/features/sharing/utils/numbers.js';
import {
  newOfferForm,
  offerFormOf,
  readNewOffer,
  readOfferTerms,
  splitCodes,
  withModes,
} from '../../web/src/features/sharing/utils/offer-form.js';
import { isStale, refusalMessages, refusalRules } from '../../web/src/features/sharing/utils/refusals.js';
import {
  initialAskForm,
  readAskForm,
  readDepthRange,
  readSamples,
  withKind,
  type AskForm,
} from '../../web/src/features/sharing/utils/request-form.js';
import {
  curatedCustodians,
  decidesPermits,
  hasInbox,
  managesOffers,
  offeredModes,
  offersCovering,
  requestsHref,
  stateFromSearch,
} from '../../web/src/features/sharing/utils/sharing-access.js';
import * as web from '../../web/src/features/sharing/utils/sharing-rules.js';
import {
  actionInputs,
  localDate,
  readTransition,
  type ActionValues,
} from '../../web/src/features/sharing/utils/transition-form.js';
import { MODE_LABELS } from '../../src/domain/sharing-modes.js';
import { AUDIENCES, FEE_KINDS, PURPOSES } from '../../src/domain/sharing/eligibility.js';
import {
  ACTION_LABELS,
  KIND_LABELS,
  PARTY_LABELS,
  STATE_LABELS,
} from '../../src/domain/sharing/request-vocabulary.js';

describe("the web's words for the server's sharing rules", () => {
  it('word modes, kinds, states, actions and parties as the server does', () => {
    const same = (name: keyof typeof vocabularies, server: Record<string, { zh: string; en: string }>) => {
      for (const [code, label] of Object.entries(server)) {
        expect(vocabularyLabel(name, code, 'zh'), `${name}.${code}`).toBe(label.zh);
        expect(vocabularyLabel(name, code, 'en').toLowerCase(), `${name}.${code}`).toBe(
          label.en.toLowerCase(),
        );
      }
    };
    same('sharingMode', MODE_LABELS);
    same('requestKind', KIND_LABELS);
    same('requestState', STATE_LABELS);
    same('requestAction', ACTION_LABELS);
    same('requestParty', PARTY_LABELS);
    for (const code of [...PURPOSES, ...FEE_KINDS, ...AUDIENCES]) {
      const table = [vocabularies.requestPurpose, vocabularies.feeKind, vocabularies.offerAudience].find(
        (t) => code in t,
      );
      expect(table, code).toBeDefined();
    }
  });
});

describe('choosing kind, mode and fee', () => {
  it('offers only the fees every chosen mode allows', () => {
    expect(web.feeKindsFor(['public_welfare'])).toEqual(['none', 'cost_price']);
    expect(web.feeKindsFor(['public_welfare', 'lease'])).toEqual(['none']);
    expect(web.feeKindsFor(['cooperative', 'trade'])).toEqual(['none', 'per_agreement']);
    expect(web.feeKindsFor([])).toEqual([...FEE_KINDS]);
  });

  it('offers the kinds the offered modes serve, and for a kind only the offered modes that fit', () => {
    expect(web.kindsFor(['public_loan'])).toEqual(['viewing', 'loan']);
    expect(web.kindsFor(['public_welfare', 'cooperative'])).toEqual([
      'viewing',
      'sampling',
      'data_access',
      'cooperation',
    ]);
    expect(web.modesFor('sampling', ['public_loan', 'cooperative', 'public_welfare'])).toEqual([
      'public_welfare',
      'cooperative',
    ]);
    expect(web.modesFor('loan', ['public_welfare'])).toEqual([]);
  });

  it('keeps the fee kind when the modes still allow it, else waives the fee', () => {
    const form = {
      ...newOfferForm('NGAC'),
      modes: ['cooperative' as const],
      fee_kind: 'per_agreement' as const,
    };
    expect(withModes(form, ['cooperative', 'trade']).fee_kind).toBe('per_agreement');
    expect(withModes(form, ['cooperative', 'public_welfare']).fee_kind).toBe('none');
  });
});

describe('the ask form', () => {
  const base = (over: Partial<AskForm> = {}): AskForm => ({
    ...initialAskForm(['public_welfare', 'cooperative']),
    title: '  甲玛斑岩铜矿蚀变分带研究 ',
    samples: [
      { depth_from: '100', depth_to: '100.2', fraction: '0.25' },
      { depth_from: '１１０', depth_to: '110。2', fraction: '.5' },
    ],
    ...over,
  });

  it('starts with sampling under the first mode that serves it', () => {
    const form = initialAskForm(['cooperative', 'public_loan']);
    expect(form).toMatchObject({ kind: 'sampling', mode: 'cooperative', purpose: 'research' });
    expect(form.samples).toHaveLength(1);
    expect(initialAskForm(['public_loan'])).toMatchObject({
      kind: 'viewing',
      mode: 'public_loan',
      samples: [],
    });
  });

  it('moves the mode along with the kind and drops samples for other kinds', () => {
    const offered = ['public_welfare', 'public_loan', 'cooperative'] as const;
    const loan = withKind(base(), 'loan', offered);
    expect(loan).toMatchObject({ kind: 'loan', mode: 'public_loan', samples: [] });
    const back = withKind(loan, 'sampling', offered);
    expect(back).toMatchObject({ kind: 'sampling', mode: 'public_welfare' });
    expect(back.samples).toHaveLength(1);
    expect(withKind(base({ mode: 'cooperative' }), 'data_access', offered).mode).toBe('cooperative');
  });

  it('builds the request body, samples read from full-width digits and Chinese decimal points', () => {
    const read = readAskForm(base({ description: '  ', international: true }), 'CSB1', 500);
    expect(read).toEqual({
      ok: true,
      body: {
        borehole: 'CSB1',
        kind: 'sampling',
        mode: 'public_welfare',
        purpose: 'research',
        international: true,
        samples: [
          { depth_from: 100, depth_to: 100.2, fraction: 0.25 },
          { depth_from: 110, depth_to: 110.2, fraction: 0.5 },
        ],
        title: '甲玛斑岩铜矿蚀变分带研究',
      },
    });
    const viewing = readAskForm(
      base({ kind: 'viewing', depth_from: '10', depth_to: '20', organisation: 'UNI' }),
      'CSB1',
      null,
    );
    expect(viewing.ok && viewing.body).toMatchObject({ depth_from: 10, depth_to: 20, organisation: 'UNI' });
    expect(viewing.ok && 'samples' in viewing.body).toBe(false);
  });

  it('names each fault beside its field', () => {
    const read = readAskForm(
      base({
        mode: '',
        title: ' ',
        depth_from: '30',
        samples: [{ depth_from: '5', depth_to: '4', fraction: '0.2' }],
      }),
      'CSB1',
      500,
    );
    expect(read).toEqual({
      ok: false,
      problems: {
        mode: { key: 'ask.modeRequired' },
        title: { key: 'auth.required' },
        depth: { key: 'ask.depthBoth' },
        samples: { key: 'samples.order', params: { n: 1 } },
      },
    });
  });

  it('reads samples and depth ranges strictly', () => {
    expect(readSamples([])).toEqual({ ok: false, problem: { key: 'samples.required' } });
    expect(readSamples([{ depth_from: '1', depth_to: '', fraction: '0.2' }])).toMatchObject({
      problem: { key: 'samples.depthsNeeded' },
    });
    expect(readSamples([{ depth_from: '1', depth_to: '2', fraction: '0' }])).toMatchObject({
      problem: { key: 'samples.fractionInvalid' },
    });
    expect(readSamples([{ depth_from: '1', depth_to: '2', fraction: '1.5' }])).toMatchObject({
      problem: { key: 'samples.fractionInvalid' },
    });
    expect(readSamples([{ depth_from: '499', depth_to: '501', fraction: '0.2' }], 500)).toEqual({
      ok: false,
      problem: { key: 'samples.tooDeep', params: { n: 1, depth: 500 } },
    });
    expect(readDepthRange('', '')).toEqual({ ok: true, depth_from: null, depth_to: null });
    expect(readDepthRange('20', '10')).toEqual({ ok: false, problem: { key: 'ask.depthOrder' } });
    expect(readDepthRange('a', '10')).toEqual({ ok: false, problem: { key: 'ask.depthOrder' } });
    expect(readDepthRange('0', '600', 500)).toMatchObject({ problem: { key: 'ask.depthTooDeep' } });
    expect(readNumber(' ')).toBeNull();
    expect(readNumber('1e3')).toBeNaN();
    expect(readNumber('１２．５')).toBe(12.5);
  });
});

describe('the inputs of each step', () => {
  const values = (over: Partial<ActionValues> = {}): ActionValues => ({
    reason: '',
    permit_reference: '',
    due_date: '',
    samples: [],
    condition: '',
    ...over,
  });
  const request = { kind: 'sampling', version: 4 };

  it('asks a reason for every way out, a due date for loans, samples for sampling, a condition for returns', () => {
    expect(actionInputs('reject', 'sampling')).toEqual(['reason']);
    expect(actionInputs('withdraw', 'loan')).toEqual(['reason']);
    expect(actionInputs('fulfil', 'loan')).toEqual(['due_date']);
    expect(actionInputs('fulfil', 'lease')).toEqual(['due_date']);
    expect(actionInputs('fulfil', 'sampling')).toEqual(['samples']);
    expect(actionInputs('fulfil', 'viewing')).toEqual([]);
    expect(actionInputs('confirm_return', 'loan')).toEqual(['condition']);
    expect(actionInputs('grant_permit', 'loan')).toEqual(['permit_reference']);
    expect(actionInputs('sign', 'loan')).toEqual([]);
  });

  it('sends the party and the version the page showed', () => {
    expect(readTransition('accept', 'custodian', request, values(), '2026-11-27')).toEqual({
      ok: true,
      body: { action: 'accept', as: 'custodian', version: 4 },
    });
    expect(
      readTransition('reject', 'custodian', request, values({ reason: ' 样品不足 ' }), '2026-11-27'),
    ).toEqual({
      ok: true,
      body: { action: 'reject', as: 'custodian', version: 4, reason: '样品不足' },
    });
    expect(
      readTransition(
        'grant_permit',
        'administrator',
        request,
        values({ permit_reference: '自然资许〔2026〕12号' }),
        'x',
      ),
    ).toMatchObject({ ok: true, body: { reason: '自然资许〔2026〕12号' } });
    expect(readTransition('grant_permit', 'administrator', request, values(), 'x')).toEqual({
      ok: true,
      body: { action: 'grant_permit', as: 'administrator', version: 4 },
    });
  });

  it('refuses what the server would refuse', () => {
    expect(readTransition('withdraw', 'requester', request, values({ reason: '  ' }), '2026-11-27')).toEqual({
      ok: false,
      problems: { reason: { key: 'action.reasonRequired' } },
    });
    const loan = { kind: 'loan', version: 1 };
    expect(readTransition('fulfil', 'custodian', loan, values(), '2026-11-27')).toMatchObject({
      problems: { due_date: { key: 'action.dueRequired' } },
    });
    expect(
      readTransition('fulfil', 'custodian', loan, values({ due_date: '2026-11-27' }), '2026-11-27'),
    ).toMatchObject({
      problems: { due_date: { key: 'action.dueFuture' } },
    });
    expect(
      readTransition('fulfil', 'custodian', loan, values({ due_date: '2026-12-27' }), '2026-11-27'),
    ).toMatchObject({
      ok: true,
      body: { due_date: '2026-12-27' },
    });
    expect(readTransition('fulfil', 'custodian', request, values(), '2026-11-27')).toMatchObject({
      problems: { samples: { key: 'samples.required' } },
    });
    expect(readTransition('confirm_return', 'custodian', loan, values(), '2026-11-27')).toMatchObject({
      problems: { condition: { key: 'action.conditionRequired' } },
    });
    expect(
      readTransition('confirm_return', 'custodian', loan, values({ condition: 'damaged' }), '2026-11-27'),
    ).toMatchObject({ ok: true, body: { condition: 'damaged' } });
  });

  it('dates today in local time', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

const offer = (over: Partial<Offer> = {}): Offer => ({
  id: 'CSO1',
  custodian_code: 'NGAC',
  scope: 'collection',
  borehole_id: null,
  hole_id: null,
  depth_from: null,
  depth_to: null,
  dataset: null,
  modes: ['public_welfare'],
  audience: 'everyone',
  organisations: [],
  fee_kind: 'cost_price',
  fee_amount: 120,
  conditions_zh: null,
  conditions_en: null,
  created_at: '2026-11-27T00:00:00Z',
  updated_at: '2026-11-27T00:00:00Z',
  withdrawn_at: null,
  ...over,
});

describe('the offers editor form', () => {
  it('builds a collection offer and a borehole offer', () => {
    const collection = {
      ...newOfferForm('NGAC'),
      dataset: ' jiama ',
      conditions_zh: '须返还数据',
      fee_amount: '5',
    };
    expect(readNewOffer(collection)).toEqual({
      ok: true,
      body: {
        scope: 'collection',
        custodian: 'NGAC',
        dataset: 'jiama',
        modes: ['public_welfare'],
        audience: 'researchers',
        organisations: [],
        fee_kind: 'none',
        fee_amount: null,
        conditions_zh: '须返还数据',
        conditions_en: null,
      },
    });
    const hole = {
      ...newOfferForm(),
      scope: 'borehole' as const,
      borehole: ' CSB1 ',
      depth_from: '10',
      depth_to: '20',
      modes: ['lease' as const, 'trade' as const],
      audience: 'organisations' as const,
      organisations: 'ZJKY，UNI、 INST ZJKY',
      fee_kind: 'per_agreement' as const,
      fee_amount: '3000',
    };
    expect(readNewOffer(hole)).toMatchObject({
      ok: true,
      body: {
        scope: 'borehole',
        borehole: 'CSB1',
        depth_from: 10,
        depth_to: 20,
        organisations: ['ZJKY', 'UNI', 'INST'],
        fee_kind: 'per_agreement',
        fee_amount: 3000,
      },
    });
  });

  it('leaves the range out of an offer on a whole hole', () => {
    const whole = {
      ...newOfferForm(),
      scope: 'borehole' as const,
      borehole: 'CSB1',
      modes: ['lease' as const],
    };
    const read = readNewOffer(whole);
    expect(read.ok && Object.keys(read.body)).not.toContain('depth_from');
    expect(read.ok && Object.keys(read.body)).not.toContain('depth_to');
  });

  it('names the faults it can see', () => {
    const bad = {
      ...newOfferForm(''),
      modes: [],
      audience: 'organisations' as const,
      fee_kind: 'cost_price' as const,
      fee_amount: '-1',
    };
    expect(readNewOffer(bad)).toEqual({
      ok: false,
      problems: {
        target: { key: 'offers.custodianRequired' },
        modes: { key: 'offers.modesRequired' },
        organisations: { key: 'offers.organisationsRequired' },
        fee_amount: { key: 'offers.feeAmountInvalid' },
      },
    });
    const wrongFee = {
      ...newOfferForm('NGAC'),
      modes: ['public_welfare' as const],
      fee_kind: 'rent' as const,
    };
    expect(readOfferTerms(wrongFee)).toMatchObject({
      problems: { fee_kind: { key: 'offers.feeNotAllowed' } },
    });
  });

  it('edits an offer with the terms it has', () => {
    const existing = offer({
      scope: 'borehole',
      borehole_id: 'CSB1',
      depth_from: 5,
      depth_to: 50,
      organisations: ['A', 'B'],
    });
    const form = offerFormOf(existing);
    expect(form).toMatchObject({
      scope: 'borehole',
      borehole: 'CSB1',
      depth_from: '5',
      organisations: 'A, B',
      fee_amount: '120',
    });
    expect(readOfferTerms(form)).toMatchObject({
      ok: true,
      body: { depth_from: 5, depth_to: 50, fee_amount: 120 },
    });
    expect(splitCodes(' a, b;c ；d  a')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('offers covering a borehole', () => {
  const hole = { id: 'CSB1', dataset: 'jiama', core_class: 'II', depositor: null };
  const own = offer({ id: 'CSO-own', scope: 'borehole', borehole_id: 'CSB1', modes: ['lease'] });
  const other = offer({ id: 'CSO-other', scope: 'borehole', borehole_id: 'CSB2' });
  const all = offer({ id: 'CSO-all', modes: ['public_welfare', 'cooperative'] });
  const otherSet = offer({ id: 'CSO-set', dataset: 'other' });
  const nobody = offer({ id: 'CSO-nobody', audience: 'nobody', modes: ['trade'] });

  it('keeps its own offers and the collection offers of its dataset, each once', () => {
    const covering = offersCovering(hole, [own], [own, other, all, otherSet, nobody]);
    expect(covering.map((o) => o.id)).toEqual(['CSO-own', 'CSO-all', 'CSO-nobody']);
    expect(offeredModes(covering)).toEqual(['public_welfare', 'cooperative', 'lease']);
  });

  it("leaves a depositor's Class III core to its owner", () => {
    const owners = { ...hole, core_class: 'III', depositor: { code: 'ZJKY' } };
    expect(offersCovering(owners, [own], [all]).map((o) => o.id)).toEqual(['CSO-own']);
  });
});

describe('who sees what', () => {
  const account = (memberships: Array<{ role: string; custodian_code?: string | null }>): Account => ({
    id: 'CSU1',
    email: 'a@b.cn',
    display_name: 'A',
    email_verified: true,
    real_name_status: 'verified',
    locale: 'zh',
    memberships: memberships.map((m, i) => ({
      organisation_code: `ORG${i}`,
      organisation_name_zh: '单位',
      organisation_name_en: null,
      role: m.role,
      custodian_code: m.custodian_code ?? null,
      province_code: null,
    })),
  });

  it('gives an inbox to curators, owners and administrators, permits to administrators', () => {
    const researcher = account([{ role: 'researcher' }]);
    const curator = account([
      { role: 'curator', custodian_code: 'NGAC' },
      { role: 'curator', custodian_code: 'NGAC' },
    ]);
    const admin = account([{ role: 'administrator' }]);
    expect([hasInbox(null), hasInbox(researcher), hasInbox(curator), hasInbox(admin)]).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect([decidesPermits(curator), decidesPermits(admin)]).toEqual([false, true]);
    expect([managesOffers(researcher), managesOffers(account([{ role: 'owner' }]))]).toEqual([false, true]);
    expect(curatedCustodians(curator)).toEqual(['NGAC']);
  });

  it('reads and writes the state filter of the lists', () => {
    expect(stateFromSearch('?state=permit')).toBe('permit');
    expect(stateFromSearch('?state=nonsense')).toBeNull();
    expect(requestsHref('inbox', 'permit')).toBe('/requests/inbox?state=permit');
    expect(requestsHref('mine', null)).toBe('/requests');
  });

  it('routes the sharing pages', () => {
    expect(matchRoute('/requests')).toEqual({ name: 'requests' });
    expect(matchRoute('/requests/inbox/')).toEqual({ name: 'requests-inbox' });
    expect(matchRoute('/requests/CSR0H3K9W2T7XQ1')).toEqual({ name: 'request', id: 'CSR0H3K9W2T7XQ1' });
    expect(matchRoute('/requests/a/b')).toEqual({ name: 'not-found' });
    expect(matchRoute('/offers')).toEqual({ name: 'offers' });
  });
});

describe('refusals in the reader’s language', () => {
  const refused = new ApiError(422, {
    code: 'refused',
    errors: [
      {
        message: 'the holder does not offer this core for trade',
        message_zh: '持有方未以交易方式开放该岩芯',
        rule: 'mode_not_offered',
      },
      {
        message: 'a loan needs a due date',
        message_zh: '借出须约定归还日期',
        rule: 'due_date_required',
      },
    ],
  });

  it('lists every rule, in Chinese or in English', () => {
    expect(refusalMessages(refused, 'zh')).toEqual(['持有方未以交易方式开放该岩芯', '借出须约定归还日期']);
    expect(refusalMessages(refused, 'en')).toEqual([
      'the holder does not offer this core for trade',
      'a loan needs a due date',
    ]);
    expect(refusalRules(refused)).toEqual(['mode_not_offered', 'due_date_required']);
  });

  it('wraps English-only answers in Chinese, and says when the page is stale or the server unreachable', () => {
    const schema = new ApiError(400, { errors: [{ field: 'body/title', message: 'must be string' }] });
    expect(refusalMessages(schema, 'zh')[0]).toContain('must be string');
    expect(refusalMessages(schema, 'zh')[0]).not.toBe('must be string');
    const stale = new ApiError(409, { code: 'conflict', detail: 'request CSR1 changed since version 3' });
    expect(isStale(stale)).toBe(true);
    expect(refusalMessages(stale, 'en')).toEqual([
      'This request changed since the page was loaded: reload it, then try again.',
    ]);
    expect(refusalMessages(new TypeError('Failed to fetch'), 'en')).toEqual([
      'Could not reach the server. Please try again later.',
    ]);
    expect(refusalMessages(new ApiError(404, { detail: 'request "X" does not exist' }), 'en')).toEqual([
      'request "X" does not exist',
    ]);
  });
});
