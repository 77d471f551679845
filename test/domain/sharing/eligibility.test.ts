import { describe, expect, it } from 'vitest';
import {
  ELIGIBILITY_RULES,
  FEE_KINDS,
  PURPOSES,
  checkRequest,
  permitReasons,
  permitRequired,
  type CoreFacts,
  type RequestFacts,
} from '../../../src/domain/sharing/eligibility.js';
import {
  MODE_LABELS,
  SHARING_MODES,
  eligibleModes,
  type SharingFacts,
} from '../../../src/domain/sharing-modes.js';
import { CORE_CLASSES, FUNDING_SOURCES, isPubliclyFunded } from '../../../src/domain/vocabulary.js';

const everyone = { modes: SHARING_MODES, audience: 'everyone', fee_kind: 'none' } as const;

// Publicly funded provincial core (Class Ⅱ), open to everyone in every mode at no charge.
const publicCore: CoreFacts = {
  funding_source: 'central_fiscal',
  ownership_dispute: false,
  core_class: 'II',
  confidentiality: 'public',
  specially_protected: false,
  offer: everyone,
};
const privateCore: CoreFacts = { ...publicCore, funding_source: 'enterprise', core_class: 'III' };

const researcher = { role: 'researcher', organisation_code: 'CDUT', verified: true } as const;
const ask = (r: Partial<RequestFacts>): RequestFacts => ({
  mode: 'public_welfare',
  purpose: 'research',
  requester: researcher,
  ...r,
});
const withFee = (core: CoreFacts, fee_kind: (typeof FEE_KINDS)[number]): CoreFacts => ({
  ...core,
  offer: { ...everyone, fee_kind },
});

describe('checkRequest', () => {
  it.each<[string, CoreFacts, Partial<RequestFacts>, string[]]>([
    // Public-welfare sharing and loans (公益性共享, 公益性借用共享).
    ['public welfare for research, cost price', withFee(publicCore, 'cost_price'), {}, []],
    ['public welfare for popular science', publicCore, { purpose: 'popular_science' }, []],
    ['public loan for education', publicCore, { mode: 'public_loan', purpose: 'education' }, []],
    ['public welfare of enterprise core', privateCore, {}, ['public_welfare_publicly_funded']],
    [
      'public loan for a commercial purpose',
      publicCore,
      { mode: 'public_loan', purpose: 'commercial' },
      ['public_welfare_non_profit'],
    ],
    ['public welfare for exploration', publicCore, { purpose: 'exploration' }, ['public_welfare_non_profit']],
    // 工本费 only: never the cost formed by public investment.
    ['public welfare at market price', withFee(publicCore, 'market_price'), {}, ['fee_above_cost_price']],
    [
      'cooperation on public core per agreement',
      withFee(publicCore, 'per_agreement'),
      { mode: 'cooperative' },
      ['fee_above_cost_price'],
    ],
    [
      'cooperation on public core at cost price',
      withFee(publicCore, 'cost_price'),
      { mode: 'cooperative' },
      [],
    ],
    // Lease (资源租赁性共享): publicly funded core only for research or popular science, occupancy fee.
    ['lease of public core for research, occupancy', withFee(publicCore, 'occupancy'), { mode: 'lease' }, []],
    [
      'lease of public core for popular science',
      withFee(publicCore, 'occupancy'),
      { mode: 'lease', purpose: 'popular_science' },
      [],
    ],
    [
      'lease of public core for education',
      withFee(publicCore, 'occupancy'),
      { mode: 'lease', purpose: 'education' },
      ['public_investment_excluded', 'fee_above_cost_price'],
    ],
    [
      'lease of public core at rent',
      withFee(publicCore, 'rent'),
      { mode: 'lease' },
      ['fee_above_cost_price'],
    ],
    [
      'lease of disputed public core',
      { ...withFee(publicCore, 'occupancy'), ownership_dispute: true },
      { mode: 'lease' },
      ['ownership_dispute'],
    ],
    [
      'lease of enterprise core at rent',
      withFee(privateCore, 'rent'),
      { mode: 'lease', purpose: 'commercial' },
      [],
    ],
    // Trade (资源交易（换）性共享): no public investment, no dispute.
    [
      'trade of enterprise core at market price',
      withFee(privateCore, 'market_price'),
      { mode: 'trade', purpose: 'commercial' },
      [],
    ],
    ['exchange of enterprise core, no money', privateCore, { mode: 'trade', purpose: 'exploration' }, []],
    [
      'trade of public core',
      withFee(publicCore, 'market_price'),
      { mode: 'trade' },
      ['public_investment_excluded', 'fee_above_cost_price'],
    ],
    [
      'trade of disputed core',
      { ...withFee(privateCore, 'market_price'), ownership_dispute: true },
      { mode: 'trade' },
      ['ownership_dispute'],
    ],
    ['trade at rent', withFee(privateCore, 'rent'), { mode: 'trade' }, ['fee_kind_not_for_mode']],
    [
      'self-funded core counts as private',
      { ...privateCore, funding_source: 'self_funded' },
      { mode: 'trade' },
      [],
    ],
    // Cooperative research (合作研究性共享): any core.
    [
      'cooperation on disputed enterprise core',
      { ...withFee(privateCore, 'per_agreement'), ownership_dispute: true },
      { mode: 'cooperative', purpose: 'commercial' },
      [],
    ],
    [
      'cooperation on core of unknown funding',
      { ...publicCore, funding_source: null },
      { mode: 'cooperative' },
      [],
    ],
    // Administrative permit (行政许可性共享) and classified core (涉密).
    [
      'specially protected core without permit',
      { ...publicCore, specially_protected: true },
      {},
      ['permit_required'],
    ],
    [
      'specially protected core with permit',
      { ...publicCore, specially_protected: true },
      { permit_granted: true },
      [],
    ],
    [
      'Class Ⅰ core in international cooperation',
      { ...publicCore, core_class: 'I' },
      { international: true },
      ['permit_required'],
    ],
    ['Class Ⅰ core at home', { ...publicCore, core_class: 'I' }, {}, []],
    [
      'Class Ⅰ core declared not key',
      { ...publicCore, core_class: 'I', key_core: false },
      { international: true },
      [],
    ],
    [
      'Class Ⅱ core declared key, international',
      { ...publicCore, key_core: true },
      { international: true },
      ['permit_required'],
    ],
    [
      'classified core without permit',
      { ...publicCore, confidentiality: 'classified' },
      {},
      ['classified_needs_permit'],
    ],
    [
      'classified core with permit',
      { ...publicCore, confidentiality: 'classified' },
      { permit_granted: true },
      [],
    ],
    [
      'classified and protected core',
      { ...publicCore, confidentiality: 'classified', specially_protected: true },
      {},
      ['classified_needs_permit', 'permit_required'],
    ],
    ['permit mode on ordinary core', publicCore, { mode: 'permit' }, ['permit_required', 'permit_core_only']],
    [
      'permit mode on Class Ⅰ core, granted',
      withFee({ ...publicCore, core_class: 'I' }, 'cost_price'),
      { mode: 'permit', permit_granted: true },
      [],
    ],
    [
      'permit fee on enterprise key core',
      withFee({ ...privateCore, key_core: true }, 'per_permit'),
      { mode: 'permit', permit_granted: true },
      [],
    ],
    // The holder's offer (principle 2), for every class.
    ['no offer', { ...privateCore, offer: null }, { mode: 'trade' }, ['offer_not_shared']],
    [
      'offer to nobody',
      { ...publicCore, offer: { ...everyone, audience: 'nobody' } },
      {},
      ['offer_not_shared'],
    ],
    [
      'mode not offered',
      { ...privateCore, offer: { ...everyone, modes: ['trade'] } },
      { mode: 'cooperative' },
      ['mode_not_offered'],
    ],
    [
      'researchers only, visitor asks',
      { ...publicCore, offer: { ...everyone, audience: 'researchers' } },
      { requester: { ...researcher, role: 'visitor' } },
      ['audience_excluded'],
    ],
    [
      'researchers only, unverified researcher',
      { ...publicCore, offer: { ...everyone, audience: 'researchers' } },
      { requester: { ...researcher, verified: false } },
      ['requester_unverified'],
    ],
    [
      'researchers only, verified researcher',
      { ...publicCore, offer: { ...everyone, audience: 'researchers' } },
      {},
      [],
    ],
    [
      'named organisations, listed',
      { ...publicCore, offer: { ...everyone, audience: 'organisations', organisations: ['CDUT'] } },
      {},
      [],
    ],
    [
      'named organisations, not listed',
      { ...publicCore, offer: { ...everyone, audience: 'organisations', organisations: ['CUGB'] } },
      {},
      ['audience_excluded'],
    ],
    [
      'named organisations, no organisation',
      { ...publicCore, offer: { ...everyone, audience: 'organisations', organisations: ['CDUT'] } },
      { requester: { ...researcher, organisation_code: null } },
      ['audience_excluded'],
    ],
    [
      'everyone: unverified visitor welcome',
      publicCore,
      { requester: { role: 'visitor', organisation_code: null, verified: false } },
      [],
    ],
  ])('%s', (_, core, request, rules) => {
    const refusals = checkRequest(core, ask(request));
    expect(refusals.map((r) => r.rule)).toEqual(rules);
    for (const r of refusals) {
      expect(ELIGIBILITY_RULES).toContain(r.rule);
      expect(r.message).toMatch(/^[a-z]/);
      expect(r.message_zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names the mode in both languages', () => {
    const [r] = checkRequest(privateCore, ask({ mode: 'public_loan' }));
    expect(r?.message).toContain('public-welfare loan');
    expect(r?.message_zh).toContain('公益性借用共享');
    const [fee] = checkRequest(withFee(publicCore, 'market_price'), ask({}));
    expect(fee?.message_zh).toContain('工本费');
  });

  it('defers the permit to the workflow when asked, and checks everything else', () => {
    const core = { ...publicCore, confidentiality: 'classified', specially_protected: true } as const;
    expect(checkRequest(core, ask({}), { permit: 'defer' })).toEqual([]);
    expect(
      checkRequest(core, ask({ purpose: 'commercial' }), { permit: 'defer' }).map((r) => r.rule),
    ).toEqual(['public_welfare_non_profit']);
    expect(checkRequest(core, ask({}), { permit: 'check' })).toHaveLength(2);
  });
});

describe('permitRequired', () => {
  it.each<[string, Partial<CoreFacts>, Partial<RequestFacts>, string[]]>([
    ['ordinary core', {}, {}, []],
    ['classified', { confidentiality: 'classified' }, {}, ['classified']],
    ['specially protected', { specially_protected: true }, {}, ['specially_protected']],
    ['Class Ⅰ abroad', { core_class: 'I' }, { international: true }, ['key_core_international']],
    ['Class Ⅰ at home', { core_class: 'I' }, { international: false }, []],
    ['permit mode', {}, { mode: 'permit' }, ['permit_mode']],
  ])('%s', (_, core, request, reasons) => {
    const c = { ...publicCore, ...core };
    expect(permitReasons(c, ask(request))).toEqual(reasons);
    expect(permitRequired(c, ask(request))).toBe(reasons.length > 0);
  });

  it('is independent of whether the permit was granted: the workflow still routes through it', () => {
    expect(permitRequired({ ...publicCore, specially_protected: true }, ask({ permit_granted: true }))).toBe(
      true,
    );
  });
});

describe('eligibleModes and checkRequest agree', () => {
  const grid: SharingFacts[] = [null, ...FUNDING_SOURCES].flatMap((funding_source) =>
    [null, ...CORE_CLASSES].flatMap((core_class) =>
      [false, true].map((ownership_dispute) => ({ funding_source, core_class, ownership_dispute })),
    ),
  );

  it('keeps the behaviour search was built on (the rule before requests existed)', () => {
    for (const f of grid) {
      const pub = isPubliclyFunded(f.funding_source);
      const before = SHARING_MODES.filter((m) =>
        m === 'public_welfare' || m === 'public_loan'
          ? pub
          : m === 'cooperative'
            ? true
            : m === 'trade'
              ? !pub && !f.ownership_dispute
              : m === 'lease'
                ? !f.ownership_dispute
                : f.core_class === 'I',
      );
      expect(eligibleModes(f), JSON.stringify(f)).toEqual(before);
    }
  });

  it('never lets a request through in a mode search says the core cannot have', () => {
    const allowed = new Set<string>();
    for (const f of grid)
      for (const specially_protected of [false, true])
        for (const mode of SHARING_MODES)
          for (const purpose of PURPOSES)
            for (const fee_kind of FEE_KINDS) {
              const core: CoreFacts = {
                ...f,
                specially_protected,
                confidentiality: 'public',
                offer: { ...everyone, fee_kind },
              };
              const ok = checkRequest(core, ask({ mode, purpose, permit_granted: true })).length === 0;
              if (ok) expect(eligibleModes(core), `${mode} ${JSON.stringify(core)}`).toContain(mode);
              if (ok) allowed.add(mode);
            }
    expect([...allowed].sort()).toEqual([...SHARING_MODES].sort());
  });
});

describe('MODE_LABELS', () => {
  it('names the six modes as DOMAIN.md does', () => {
    expect(Object.keys(MODE_LABELS)).toEqual([...SHARING_MODES]);
    expect(Object.values(MODE_LABELS).map((l) => l.zh)).toEqual([
      '公益性共享',
      '公益性借用共享',
      '合作研究性共享',
      '资源交易（换）性共享',
      '资源租赁性共享',
      '行政许可性共享',
    ]);
  });
});
