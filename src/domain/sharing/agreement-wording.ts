// The words of sharing agreements, in Chinese and English: one template per sharing mode (what the
// sharing rests on, who owns what after it, how benefits go) and the clauses that vary with the
// terms. Pure text; agreement-template.ts decides which clauses an agreement has.
import type { SharingMode } from '../sharing-modes.js';
import type { FeeKind, PermitReason, Purpose } from './eligibility.js';

export type Label = { zh: string; en: string };

export interface Named {
  code: string;
  name_zh: string;
  name_en: string | null;
}

export type Ownership =
  'passes_to_user' | 'stays_with_holder' | 'per_agreement' | 'transferred' | 'per_permit';
export type BenefitSharing = 'non_profit' | 'per_agreement' | 'market_price' | 'rent' | 'per_permit';

/** One template per mode: which rule the sharing rests on, who owns what after, how benefits go. */
export const TEMPLATES: Readonly<
  Record<SharingMode, { title: Label; basis: Label; ownership: Ownership; benefit: BenefitSharing }>
> = {
  public_welfare: {
    title: { zh: '岩芯公益性共享协议', en: 'Public-welfare core sharing agreement' },
    basis: {
      zh: '标的岩芯由中央或地方财政资金形成，依公益性共享原则提供，仅用于非营利的科研、教育或科普。',
      en: 'The core was formed with central or local fiscal funds and is shared as public welfare, for non-profit research, education or popular science only.',
    },
    ownership: 'passes_to_user',
    benefit: 'non_profit',
  },
  public_loan: {
    title: { zh: '岩芯公益性借用协议', en: 'Public-welfare core loan agreement' },
    basis: {
      zh: '标的岩芯由财政资金形成，依公益性原则出借（展览、教学、研究），用后归还。',
      en: 'The core was formed with public funds and is lent as public welfare (exhibitions, teaching, research), to be returned after use.',
    },
    ownership: 'stays_with_holder',
    benefit: 'non_profit',
  },
  cooperative: {
    title: { zh: '岩芯合作研究协议', en: 'Cooperative core research agreement' },
    basis: {
      zh: '各方共同投入岩芯、人员、设备或资金开展合作研究，可跨区域合作。',
      en: 'The parties pool core, people, equipment or money for joint research, across regions where needed.',
    },
    ownership: 'per_agreement',
    benefit: 'per_agreement',
  },
  trade: {
    title: { zh: '岩芯资源交易（交换）协议', en: 'Core trade / exchange agreement' },
    basis: {
      zh: '标的岩芯无公共投入，且无权属争议。',
      en: 'The core was formed with no public investment and its ownership is not disputed.',
    },
    ownership: 'transferred',
    benefit: 'market_price',
  },
  lease: {
    title: { zh: '岩芯资源租赁协议', en: 'Core lease agreement' },
    basis: {
      zh: '标的岩芯无权属争议，租赁期间所有权不变。',
      en: "The core's ownership is not disputed and does not change during the lease.",
    },
    ownership: 'stays_with_holder',
    benefit: 'rent',
  },
  permit: {
    title: { zh: '岩芯行政许可共享协议', en: 'Core sharing agreement under administrative permit' },
    basis: {
      zh: '标的岩芯属特殊保护或重要关键岩芯，依行政许可共享。',
      en: 'The core is specially protected or important key core, shared under an administrative permit.',
    },
    ownership: 'per_permit',
    benefit: 'per_permit',
  },
};

export const PURPOSES: Readonly<Record<Purpose, Label>> = {
  research: { zh: '科学研究', en: 'research' },
  education: { zh: '教学', en: 'education' },
  popular_science: { zh: '科普', en: 'popular science' },
  exploration: { zh: '地质勘查', en: 'exploration' },
  commercial: { zh: '商业用途', en: 'commercial use' },
};

export const PERMIT_REASONS: Readonly<Record<PermitReason, Label>> = {
  classified: { zh: '涉密', en: 'classified material' },
  specially_protected: { zh: '特殊保护岩芯', en: 'specially protected core' },
  key_core_international: { zh: '重要关键岩芯用于国际合作', en: 'key core in international cooperation' },
  permit_mode: { zh: '行政许可性共享', en: 'administrative-permit sharing' },
};

export const zhName = (n: Named) => `${n.name_zh}（${n.code}）`;
export const enName = (n: Named) => `${n.name_en ?? n.name_zh} (${n.code})`;
export const zhSpan = (m: number) => (m % 12 === 0 ? `${m / 12} 年` : `${m} 个月`);
export const enSpan = (m: number) => (m % 12 === 0 ? `${m / 12} year${m === 12 ? '' : 's'}` : `${m} months`);
const yuan = (a: number): Label => ({ zh: `人民币 ${a.toFixed(2)} 元`, en: `CNY ${a.toFixed(2)}` });

export function feeText(fee: { kind: FeeKind; amount_yuan: number | null }): Label {
  const amount: Label =
    fee.amount_yuan === null
      ? { zh: '，金额由各方另行书面确认', en: '; the amount is confirmed by the parties in writing' }
      : { zh: `：${yuan(fee.amount_yuan).zh}`, en: `: ${yuan(fee.amount_yuan).en}` };
  const kinds: Record<FeeKind, Label> = {
    none: { zh: '免收费用。', en: 'Free of charge.' },
    cost_price: {
      zh: `仅收取工本费${amount.zh}；不收取公共投入形成的成本。`,
      en: `Cost price only (工本费)${amount.en}; nothing is charged for what public investment paid for.`,
    },
    occupancy: { zh: `资源占用费${amount.zh}。`, en: `Occupancy fee${amount.en}.` },
    rent: { zh: `租金${amount.zh}。`, en: `Rent${amount.en}.` },
    market_price: { zh: `按市场价格${amount.zh}。`, en: `Market price${amount.en}.` },
    per_agreement: { zh: `由各方协商确定${amount.zh}。`, en: `As the parties agree${amount.en}.` },
    per_permit: { zh: `按行政许可确定${amount.zh}。`, en: `As the permit sets${amount.en}.` },
  };
  return kinds[fee.kind];
}

export function ownershipText(o: Ownership, holder: Label): Label {
  const texts: Record<Ownership, Label> = {
    passes_to_user: {
      zh: '所提供的样品等实物归乙方所有；岩芯其余部分仍由甲方保管。',
      en: "The samples and other material provided pass to Party B; the rest of the core stays in Party A's custody.",
    },
    stays_with_holder: {
      zh: `岩芯所有权不变，仍归${holder.zh}；乙方仅在约定期限内使用，不得转借、损毁或擅自取样。`,
      en: `Ownership of the core does not change and stays with ${holder.en}; Party B uses it only for the agreed period and may not lend it on, damage it or sample it without consent.`,
    },
    per_agreement: {
      zh: '岩芯及合作成果的权属按各方书面约定；未约定的，岩芯权属不变。',
      en: 'Ownership of the core and of joint results is as the parties agree in writing; failing that, ownership of the core does not change.',
    },
    transferred: {
      zh: '价款付清（交换完成）后，标的岩芯或样品的所有权转移至乙方。',
      en: 'Once paid for (or exchanged), ownership of the core or samples passes to Party B.',
    },
    per_permit: {
      zh: '权属按行政许可的规定；许可未规定的，岩芯权属不变。',
      en: 'Ownership is as the permit sets; where it is silent, ownership of the core does not change.',
    },
  };
  return texts[o];
}

export function benefitText(b: BenefitSharing, holder: Label): Label {
  const texts: Record<BenefitSharing, Label> = {
    non_profit: {
      zh: '公益性共享不以营利为目的；乙方不得将所得实物或数据用于营利，或转让第三方。',
      en: 'Public-welfare sharing is not for profit: Party B may not use the material or data for profit, nor pass them to third parties.',
    },
    per_agreement: {
      zh: '合作研究的成果与收益由各方按各自投入（岩芯、人员、设备、资金）分享，具体比例以书面约定作为本协议附件。',
      en: 'Results and benefits of the joint research are shared in proportion to what each party brings (core, people, equipment, money), in shares set in writing as an annex to this agreement.',
    },
    market_price: {
      zh: `按市场价格成交，价款归${holder.zh}。`,
      en: `Traded at market price; the proceeds go to ${holder.en}.`,
    },
    rent: {
      zh: `乙方按约定支付租金（资源占用费），收入归${holder.zh}。`,
      en: `Party B pays the agreed rent (occupancy fee), which goes to ${holder.en}.`,
    },
    per_permit: { zh: '收益分享按行政许可的规定。', en: 'Benefits are shared as the permit sets.' },
  };
  return texts[b];
}
