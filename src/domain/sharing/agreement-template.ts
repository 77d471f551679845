// The written agreement of a sharing request (DOMAIN.md principle 4: both parties' rights set in a
// signed agreement, with benefit sharing). Pure: `agreementTerms` turns the request's facts into
// terms, `renderAgreement` writes them out from the mode's template, Chinese first, and
// `agreementHash` is what every party signs: change one character and no signature matches.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../accounts/audit-chain.js';
import { MODE_LABELS, type SharingMode } from '../sharing-modes.js';
import type { FeeKind, PermitReason, Purpose } from './eligibility.js';
import { KIND_LABELS, type RequestKind, type SigningParty } from './request-vocabulary.js';
import type { Cut } from './sampling-policy.js';
import {
  benefitText,
  enName,
  enSpan,
  feeText,
  ownershipText,
  PERMIT_REASONS,
  PURPOSES,
  TEMPLATES,
  zhName,
  zhSpan,
  type BenefitSharing,
  type Label,
  type Named,
  type Ownership,
} from './agreement-wording.js';

export type { BenefitSharing, Named, Ownership } from './agreement-wording.js';

/** What the request, its offer and the custodian's policy say, as the service reads them. */
export interface AgreementFacts {
  agreement_id: string;
  drafted_at: string;
  request: {
    id: string;
    kind: RequestKind;
    mode: SharingMode;
    purpose: Purpose;
    international: boolean;
    title: string;
  };
  requester: { user: { id: string; name: string }; organisation: Named };
  custodian: Named;
  /** The owner of the core when it is not the custodian (a depositor's Class Ⅲ core). */
  owner: Named | null;
  borehole: { id: string; hole_id: string; name: string };
  /** Both null: the whole hole. */
  depth_from: number | null;
  depth_to: number | null;
  samples: readonly Cut[];
  offer: {
    id: string;
    fee_kind: FeeKind;
    fee_amount: number | null;
    conditions_zh: string | null;
    conditions_en: string | null;
  } | null;
  results_owed: boolean;
  results_due_months: number;
  embargo_months: { raw: number; interpretation: number };
  /** A loan's return date when already fixed; otherwise it is fixed at handover. */
  due_date: string | null;
  permit: {
    reasons: PermitReason[];
    granted_at: string | null;
    granted_by: string | null;
    /** The permit's document number (许可文号), when the administrator gave one. */
    reference: string | null;
  } | null;
}

export interface AgreementTerms {
  id: string;
  template: SharingMode;
  drafted_at: string;
  request: AgreementFacts['request'];
  parties: { requester: AgreementFacts['requester']; custodian: Named; owner: Named | null };
  signatories: SigningParty[];
  items: {
    borehole: AgreementFacts['borehole'];
    whole_hole: boolean;
    depth_from: number | null;
    depth_to: number | null;
    samples: Cut[];
  };
  ownership: Ownership;
  fee: { kind: FeeKind; amount_yuan: number | null; offer: string | null };
  benefit_sharing: BenefitSharing;
  conditions: { zh: string | null; en: string | null };
  data_return: {
    owed: boolean;
    due_months: number;
    /** The custodian's code: results go back to the core's holder and onto its depth intervals. */
    to: string;
    embargo_months: { raw: number; interpretation: number };
  };
  publication_credit: { cite: string[]; custodian: string };
  loan: { returnable: boolean; due_date: string | null };
  permit: AgreementFacts['permit'];
}

const RETURNABLE: readonly RequestKind[] = ['loan', 'lease'];

/** The terms every party signs, from the request's facts. */
export function agreementTerms(f: AgreementFacts): AgreementTerms {
  const template = TEMPLATES[f.request.mode];
  const whole = f.depth_from === null || f.depth_to === null;
  return {
    id: f.agreement_id,
    template: f.request.mode,
    drafted_at: f.drafted_at,
    request: { ...f.request },
    parties: { requester: f.requester, custodian: f.custodian, owner: f.owner },
    signatories: f.owner ? ['requester', 'custodian', 'owner'] : ['requester', 'custodian'],
    items: {
      borehole: { ...f.borehole },
      whole_hole: whole,
      depth_from: whole ? null : f.depth_from,
      depth_to: whole ? null : f.depth_to,
      samples: f.samples.map((s) => ({
        depth_from: s.depth_from,
        depth_to: s.depth_to,
        fraction: s.fraction,
      })),
    },
    ownership: template.ownership,
    fee: {
      // No live offer left to read (withdrawn since): the parties set the fee.
      kind: f.offer?.fee_kind ?? 'per_agreement',
      amount_yuan: f.offer && f.offer.fee_kind !== 'none' ? f.offer.fee_amount : null,
      offer: f.offer?.id ?? null,
    },
    benefit_sharing: template.benefit,
    conditions: { zh: f.offer?.conditions_zh ?? null, en: f.offer?.conditions_en ?? null },
    data_return: {
      owed: f.results_owed,
      due_months: f.results_due_months,
      to: f.custodian.code,
      embargo_months: { ...f.embargo_months },
    },
    publication_credit: { cite: [f.borehole.id, f.request.id], custodian: f.custodian.code },
    loan: { returnable: RETURNABLE.includes(f.request.kind), due_date: f.due_date },
    permit: f.permit,
  };
}

const interval = (from: number, to: number): Label => ({ zh: `${from}–${to} 米`, en: `${from}–${to} m` });

/** The agreement written out, Chinese first; clauses that do not apply are left out. */
export function renderAgreement(t: AgreementTerms): { body_zh: string; body_en: string } {
  const template = TEMPLATES[t.template];
  const { requester, custodian, owner } = t.parties;
  const holder: Label = owner
    ? { zh: `所有权人${zhName(owner)}`, en: `the owner, ${enName(owner)}` }
    : { zh: `甲方${zhName(custodian)}`, en: `Party A, ${enName(custodian)}` };
  const kind = KIND_LABELS[t.request.kind];
  const hole = t.items.borehole;
  const whole: Label = { zh: '整孔', en: 'the whole hole' };
  const range = t.items.whole_hole ? whole : interval(t.items.depth_from!, t.items.depth_to!);
  const samples = t.items.samples.map((s) => {
    const at = interval(s.depth_from, s.depth_to);
    const share = Math.round(s.fraction * 100);
    return { zh: `${at.zh}（截面 ${share}%）`, en: `${at.en} (${share}% of the cross-section)` };
  });
  const clauses: Array<{ zh: [string, string]; en: [string, string] }> = [
    {
      zh: [
        '当事人',
        [
          `甲方（提供方、馆藏机构）：${zhName(custodian)}`,
          `乙方（使用方）：${zhName(requester.organisation)}，经办人 ${requester.user.name}（${requester.user.id}）`,
          ...(owner ? [`丙方（所有权人）：${zhName(owner)}`] : []),
        ].join('\n'),
      ],
      en: [
        'Parties',
        [
          `Party A (provider, custodian): ${enName(custodian)}`,
          `Party B (user): ${enName(requester.organisation)}, represented by ${requester.user.name} (${requester.user.id})`,
          ...(owner ? [`Party C (owner): ${enName(owner)}`] : []),
        ].join('\n'),
      ],
    },
    {
      zh: [
        '共享标的',
        `钻孔 ${hole.name}（孔号 ${hole.hole_id}，编号 ${hole.id}），${range.zh}，申请类型：${kind.zh}。` +
          (samples.length ? `\n申请样品 ${samples.length} 件：${samples.map((s) => s.zh).join('；')}。` : ''),
      ],
      en: [
        'Items',
        `Borehole ${hole.name} (hole ${hole.hole_id}, id ${hole.id}), ${range.en}, request type: ${kind.en}.` +
          (samples.length
            ? `\n${samples.length} sample${samples.length === 1 ? '' : 's'} asked for: ${samples.map((s) => s.en).join('; ')}.`
            : ''),
      ],
    },
    {
      zh: [
        '用途与依据',
        `用于${PURPOSES[t.request.purpose].zh}${t.request.international ? '（国际合作）' : ''}：「${t.request.title}」。${template.basis.zh}`,
      ],
      en: [
        'Purpose and basis',
        `For ${PURPOSES[t.request.purpose].en}${t.request.international ? ' (international cooperation)' : ''}: "${t.request.title}". ${template.basis.en}`,
      ],
    },
    {
      zh: ['权属', ownershipText(t.ownership, holder).zh],
      en: ['Ownership', ownershipText(t.ownership, holder).en],
    },
    { zh: ['费用', feeText(t.fee).zh], en: ['Fees', feeText(t.fee).en] },
    {
      zh: ['利益分享', benefitText(t.benefit_sharing, holder).zh],
      en: ['Benefit sharing', benefitText(t.benefit_sharing, holder).en],
    },
  ];
  if (t.loan.returnable) {
    const due: Label = t.loan.due_date
      ? { zh: t.loan.due_date.slice(0, 10), en: t.loan.due_date.slice(0, 10) }
      : {
          zh: '交付时书面约定并记入本申请的归还日期',
          en: 'the return date fixed in writing at handover and recorded on the request',
        };
    clauses.push({
      zh: [
        `${kind.zh}期限`,
        `自实物交付之日起，至${due.zh}止。乙方应按期完好归还；逾期或损坏记入乙方信用记录。`,
      ],
      en: [
        `${kind.en[0]!.toUpperCase()}${kind.en.slice(1)} period`,
        `From handover until ${due.en}. Party B returns the core on time and intact; late return or damage goes on Party B's credit record.`,
      ],
    });
  }
  const { due_months: months, embargo_months: embargo } = t.data_return;
  clauses.push({
    zh: [
      '成果返还',
      t.data_return.owed
        ? `乙方应自实物交付之日起 ${months} 个月内，将利用本岩芯取得的分析测试数据与成果（原始数据、解释成果、报告）返还甲方，由甲方挂接到对应的岩芯深度区间。原始数据自返还之日起保密 ${zhSpan(embargo.raw)}，解释成果保密 ${zhSpan(embargo.interpretation)}，期满后由甲方公开共享。`
        : '本协议不约定成果返还义务；乙方利用本岩芯取得分析测试数据的，鼓励返还甲方并挂接到对应的岩芯深度区间。',
    ],
    en: [
      'Return of results',
      t.data_return.owed
        ? `Within ${months} months of handover Party B returns to Party A the analysis data and results obtained from this core (raw data, interpretations, reports), which Party A attaches to the core's depth intervals. Raw data stay confidential for ${enSpan(embargo.raw)} and interpretations for ${enSpan(embargo.interpretation)} from their return; then Party A shares them openly.`
        : 'This agreement sets no duty to return results; Party B is encouraged to return any analysis data made from this core to Party A, to be attached to its depth intervals.',
    ],
  });
  clauses.push({
    zh: [
      '署名与引用',
      `乙方发表或使用成果时，应注明岩芯由${zhName(custodian)}提供，并引用钻孔编号 ${hole.id}、申请编号 ${t.request.id}${samples.length ? '及所取样品编号' : ''}。`,
    ],
    en: [
      'Publication credit',
      `Whatever Party B publishes or uses credits ${enName(custodian)} as provider of the core and cites borehole ${hole.id} and request ${t.request.id}${samples.length ? ' and the ids of the samples cut' : ''}.`,
    ],
  });
  if (t.permit) {
    const p = t.permit;
    const reasons = p.reasons.map((r) => PERMIT_REASONS[r]);
    const granted: Label = p.granted_at
      ? {
          zh: `${p.granted_by ?? '管理部门'}于 ${p.granted_at.slice(0, 10)} 准予许可${p.reference ? `，许可文号 ${p.reference}` : ''}`,
          en: `granted by ${p.granted_by ?? 'the administrator'} on ${p.granted_at.slice(0, 10)}${p.reference ? `, reference ${p.reference}` : ''}`,
        }
      : { zh: '许可记录见本申请时间线', en: "the grant is on the request's timeline" };
    clauses.push({
      zh: [
        '行政许可',
        `本次共享须经行政许可（事由：${reasons.map((r) => r.zh).join('、')}），${granted.zh}；乙方应遵守许可载明的条件。`,
      ],
      en: [
        'Administrative permit',
        `This sharing needs an administrative permit (${reasons.map((r) => r.en).join(', ')}), ${granted.en}; Party B keeps to the permit's conditions.`,
      ],
    });
  }
  if (t.conditions.zh || t.conditions.en)
    clauses.push({
      zh: ['提供方的其他条件', t.conditions.zh ?? t.conditions.en!],
      en: ['Further conditions of the provider', t.conditions.en ?? t.conditions.zh!],
    });
  clauses.push({
    zh: [
      '生效',
      '本协议以中英文书写，以中文文本为准。各方在 CoreShare 平台签署后生效；各方签署的是本协议条款与文本的 SHA-256 摘要，任何改动都将使摘要不符、已有签署失效。',
    ],
    en: [
      'Effect',
      'This agreement is written in Chinese and English; the Chinese text prevails. It takes effect once every party has signed it on CoreShare; each party signs the SHA-256 digest of its terms and text, so any change makes the digest differ and voids the signatures.',
    ],
  });
  const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];
  const mode = MODE_LABELS[t.template];
  const body_zh = [
    template.title.zh,
    `协议编号：${t.id}\u3000申请编号：${t.request.id}\n共享方式：${mode.zh}\u3000起草日期：${t.drafted_at.slice(0, 10)}`,
    ...clauses.map((c, i) => `${NUMERALS[i]}、${c.zh[0]}\n${c.zh[1]}`),
  ].join('\n\n');
  const body_en = [
    template.title.en,
    `Agreement ${t.id}, request ${t.request.id}\n${mode.en[0]!.toUpperCase()}${mode.en.slice(1)}, drafted ${t.drafted_at.slice(0, 10)}`,
    ...clauses.map((c, i) => `${i + 1}. ${c.en[0]}\n${c.en[1]}`),
  ].join('\n\n');
  return { body_zh, body_en };
}

/** SHA-256 (hex) of the canonical terms and both texts: what each party signs. */
export function agreementHash(terms: AgreementTerms, bodyZh: string, bodyEn: string): string {
  return createHash('sha256')
    .update(canonicalJson({ terms, body_zh: bodyZh, body_en: bodyEn }))
    .digest('hex');
}
