import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  agreementHash,
  agreementTerms,
  renderAgreement,
  type AgreementFacts,
} from '../../../src/domain/sharing/agreement-template.js';
import { canonicalJson } from '../../../src/domain/accounts/audit-chain.js';
import type { SharingMode } from '../../../src/domain/sharing-modes.js';

const OWNER = { code: 'ZJKY', name_zh: '中金矿业', name_en: 'ZJ Mining' };

const facts = (over: Partial<AgreementFacts> = {}): AgreementFacts => ({
  agreement_id: 'CSA0000000000AB',
  drafted_at: '2026-03-01T08:00:00.000Z',
  request: {
    id: 'CSR00000000000R',
    kind: 'sampling',
    mode: 'public_welfare',
    purpose: 'research',
    international: false,
    title: '甲玛斑岩铜矿蚀变分带研究',
  },
  requester: {
    user: { id: 'CSU0000000000LI', name: '李明' },
    organisation: { code: 'UNI', name_zh: '某大学', name_en: 'A University' },
  },
  custodian: { code: 'XZ', name_zh: '西藏自治区岩芯库', name_en: 'Tibet Core Repository' },
  owner: null,
  borehole: { id: 'CSB000000000001', hole_id: 'ZK0001', name: '甲玛 ZK0001' },
  depth_from: 100,
  depth_to: 120,
  samples: [{ depth_from: 100, depth_to: 100.2, fraction: 0.25 }],
  offer: {
    id: 'CSO00000000000F',
    fee_kind: 'cost_price',
    fee_amount: 120,
    conditions_zh: null,
    conditions_en: null,
  },
  results_owed: true,
  results_due_months: 12,
  embargo_months: { raw: 24, interpretation: 60 },
  due_date: null,
  permit: null,
  ...over,
});

const request = (kind: AgreementFacts['request']['kind'], mode: SharingMode, over = {}) => ({
  ...facts().request,
  kind,
  mode,
  ...over,
});
const offer = (fee_kind: NonNullable<AgreementFacts['offer']>['fee_kind'], fee_amount: number | null) => ({
  ...facts().offer!,
  fee_kind,
  fee_amount,
});

describe('agreement templates, one per sharing mode', () => {
  it.each<{
    mode: SharingMode;
    facts: AgreementFacts;
    terms: Record<string, unknown>;
    zh: string[];
    en: string[];
    absent?: string[];
  }>([
    {
      mode: 'public_welfare',
      facts: facts(),
      terms: {
        ownership: 'passes_to_user',
        benefit_sharing: 'non_profit',
        signatories: ['requester', 'custodian'],
      },
      zh: [
        '岩芯公益性共享协议',
        '仅收取工本费：人民币 120.00 元',
        '不收取公共投入形成的成本',
        '归乙方所有',
        '12 个月内',
        '保密 2 年',
        '保密 5 年',
        '挂接到对应的岩芯深度区间',
        '100–120 米',
        '100–100.2 米（截面 25%）',
      ],
      en: [
        'Cost price only (工本费): CNY 120.00',
        'for 2 years',
        'for 5 years',
        'Within 12 months of handover',
      ],
      absent: ['丙方', '期限', '行政许可（'],
    },
    {
      mode: 'public_loan',
      facts: facts({
        request: request('loan', 'public_loan', { purpose: 'education' }),
        samples: [],
        depth_from: null,
        depth_to: null,
        offer: offer('none', null),
        results_owed: false,
      }),
      terms: { ownership: 'stays_with_holder', loan: { returnable: true, due_date: null } },
      zh: [
        '岩芯公益性借用协议',
        '免收费用',
        '整孔',
        '借用期限',
        '交付时书面约定',
        '不约定成果返还义务',
        '用于教学',
      ],
      en: ['Loan period', 'the whole hole', 'Free of charge', 'sets no duty to return results'],
      absent: ['工本费'],
    },
    {
      mode: 'cooperative',
      facts: facts({
        request: request('cooperation', 'cooperative'),
        samples: [],
        offer: offer('per_agreement', null),
      }),
      terms: { ownership: 'per_agreement', benefit_sharing: 'per_agreement' },
      zh: ['岩芯合作研究协议', '按各自投入', '作为本协议附件', '由各方协商确定，金额由各方另行书面确认'],
      en: ['in proportion to what each party brings', 'As the parties agree; the amount is confirmed'],
    },
    {
      mode: 'trade',
      facts: facts({
        request: request('trade', 'trade', { purpose: 'commercial' }),
        owner: OWNER,
        samples: [],
        offer: offer('market_price', 5000),
        results_owed: false,
      }),
      terms: {
        ownership: 'transferred',
        benefit_sharing: 'market_price',
        signatories: ['requester', 'custodian', 'owner'],
      },
      zh: [
        '岩芯资源交易（交换）协议',
        '丙方（所有权人）：中金矿业（ZJKY）',
        '按市场价格：人民币 5000.00 元',
        '价款归所有权人中金矿业',
        '无公共投入',
      ],
      en: ['Party C (owner): ZJ Mining (ZJKY)', 'proceeds go to the owner, ZJ Mining (ZJKY)'],
    },
    {
      mode: 'lease',
      facts: facts({
        request: request('lease', 'lease', { purpose: 'exploration' }),
        owner: OWNER,
        samples: [],
        offer: offer('rent', 800),
        results_owed: false,
        due_date: '2026-06-30T00:00:00.000Z',
      }),
      terms: {
        ownership: 'stays_with_holder',
        benefit_sharing: 'rent',
        loan: { returnable: true, due_date: '2026-06-30T00:00:00.000Z' },
      },
      zh: [
        '岩芯资源租赁协议',
        '租赁期限',
        '至2026-06-30止',
        '租金：人民币 800.00 元',
        '仍归所有权人中金矿业',
      ],
      en: ['Lease period', 'until 2026-06-30', 'Rent: CNY 800.00'],
    },
    {
      mode: 'permit',
      facts: facts({
        request: request('sampling', 'permit', { international: true }),
        offer: offer('per_permit', null),
        permit: {
          reasons: ['key_core_international', 'permit_mode'],
          granted_at: '2026-02-20T03:00:00.000Z',
          granted_by: 'user:CSU1 admin@mnr.test',
          reference: '自然资函〔2026〕12号',
        },
      }),
      terms: { ownership: 'per_permit', benefit_sharing: 'per_permit' },
      zh: [
        '岩芯行政许可共享协议',
        '重要关键岩芯用于国际合作',
        '2026-02-20 准予许可，许可文号 自然资函〔2026〕12号',
        '（国际合作）',
        '按行政许可确定',
      ],
      en: ['Administrative permit', 'reference 自然资函〔2026〕12号', '(international cooperation)'],
    },
  ])('$mode', ({ mode, facts: f, terms: expected, zh, en, absent = [] }) => {
    const terms = agreementTerms(f);
    expect(terms).toMatchObject({ template: mode, ...expected });
    expect(terms.fee).toEqual({
      kind: f.offer!.fee_kind,
      amount_yuan: f.offer!.fee_kind === 'none' ? null : f.offer!.fee_amount,
      offer: f.offer!.id,
    });
    const { body_zh, body_en } = renderAgreement(terms);
    for (const text of [body_zh, body_en]) {
      // Every agreement names the core, the request and the custodian, and says how it takes effect.
      for (const id of ['CSA0000000000AB', 'CSR00000000000R', 'CSB000000000001', 'ZK0001', 'XZ'])
        expect(text).toContain(id);
    }
    expect(body_zh).toContain('引用钻孔编号 CSB000000000001、申请编号 CSR00000000000R');
    expect(body_en).toContain('cites borehole CSB000000000001 and request CSR00000000000R');
    expect(body_zh).toContain('以中文文本为准');
    expect(body_en).toContain('the Chinese text prevails');
    for (const s of zh) expect(body_zh).toContain(s);
    for (const s of en) expect(body_en).toContain(s);
    for (const s of absent) expect(body_zh).not.toContain(s);
  });

  it('numbers its clauses in order, in both languages', () => {
    const { body_zh, body_en } = renderAgreement(agreementTerms(facts()));
    expect(body_zh.split('\n')[0]).toBe('岩芯公益性共享协议');
    expect(body_zh.match(/^[一二三四五六七八九十]+、/gm)).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
      '七、',
      '八、',
      '九、',
    ]);
    expect(body_en.match(/^\d+\. /gm)).toHaveLength(9);
  });

  it('adds the holder’s own conditions when the offer has some', () => {
    const f = facts({
      offer: { ...facts().offer!, conditions_zh: '须在库内切样', conditions_en: 'cut on site' },
    });
    const { body_zh, body_en } = renderAgreement(agreementTerms(f));
    expect(body_zh).toContain('提供方的其他条件\n须在库内切样');
    expect(body_en).toContain('Further conditions of the provider\ncut on site');
  });
});

describe('agreementHash', () => {
  const terms = agreementTerms(facts());
  const { body_zh, body_en } = renderAgreement(terms);
  const hash = agreementHash(terms, body_zh, body_en);

  it('is the SHA-256 of the canonical terms and both texts', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(canonicalJson({ terms, body_zh, body_en })).digest('hex'));
  });

  it('does not depend on key order, so terms read back from the store hash the same', () => {
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(terms).reverse())));
    expect(agreementHash(reordered, body_zh, body_en)).toBe(hash);
  });

  it('changes with one character of either text or any term', () => {
    expect(agreementHash(terms, body_zh.replace('120.00', '12.00'), body_en)).not.toBe(hash);
    expect(agreementHash(terms, body_zh, `${body_en} `)).not.toBe(hash);
    expect(agreementHash({ ...terms, fee: { ...terms.fee, amount_yuan: 12 } }, body_zh, body_en)).not.toBe(
      hash,
    );
  });
});
