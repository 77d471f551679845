// May this requester have this core in this mode, for this purpose, at the holder's fee? The legal
// rules of DOMAIN.md (principles 1–3, the six modes) plus the holder's own offer (principle 2).
import { isPubliclyFunded, type Confidentiality } from '../vocabulary.js';
import {
  MODE_LABELS,
  isKeyCore,
  modeBasisProblems,
  type ModeBasisRule,
  type SharingFacts,
  type SharingMode,
} from '../sharing-modes.js';
import { refuse, type Refusal } from './refusal.js';

/**
 * What the core is used for. International cooperation is not a purpose but a setting (a flag on the
 * request): an international project may be research or commercial, and that decides the mode.
 */
export const PURPOSES = ['research', 'education', 'popular_science', 'exploration', 'commercial'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Public-welfare sharing and loans serve only these (科研、教育及科普). */
export const NON_PROFIT_PURPOSES: readonly Purpose[] = ['research', 'education', 'popular_science'];

/** Publicly funded core may be leased only for these, for an occupancy fee (资源占用费). */
export const PUBLIC_LEASE_PURPOSES: readonly Purpose[] = ['research', 'popular_science'];

export const FEE_KINDS = [
  'none',
  'cost_price',
  'occupancy',
  'rent',
  'market_price',
  'per_agreement',
  'per_permit',
] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

/** The fees column of DOMAIN.md's mode table; waiving the fee ('none') is always the holder's right. */
export const FEE_KINDS_BY_MODE: Readonly<Record<SharingMode, readonly FeeKind[]>> = {
  public_welfare: ['none', 'cost_price'],
  public_loan: ['none', 'cost_price'],
  cooperative: ['none', 'cost_price', 'per_agreement'],
  trade: ['none', 'market_price', 'per_agreement'],
  lease: ['none', 'occupancy', 'rent', 'per_agreement'],
  permit: ['none', 'cost_price', 'per_permit'],
};

export const AUDIENCES = ['everyone', 'researchers', 'organisations', 'nobody'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The account roles of the platform (they mirror the store's membership roles). */
export const REQUESTER_ROLES = ['visitor', 'researcher', 'curator', 'owner', 'administrator'] as const;
export type RequesterRole = (typeof REQUESTER_ROLES)[number];

/** What a custodian has opened for this core: the offer matching the request's mode when it has several. */
export interface Offer {
  modes: readonly SharingMode[];
  audience: Audience;
  /** Organisation codes admitted when the audience is 'organisations'. */
  organisations?: readonly string[];
  fee_kind: FeeKind;
  fee_amount?: number;
}

export interface CoreFacts extends SharingFacts {
  confidentiality: Confidentiality;
  specially_protected: boolean;
  /** null: the holder has said nothing, which for Class Ⅲ means "not shared" (principle 2). */
  offer: Offer | null;
}

export interface Requester {
  role: RequesterRole;
  organisation_code: string | null;
  /** Real-name verified (实名认证). */
  verified: boolean;
}

export interface RequestFacts {
  mode: SharingMode;
  purpose: Purpose;
  /** For an international cooperation project: key core then needs a permit. */
  international?: boolean;
  permit_granted?: boolean;
  requester: Requester;
}

export interface CheckOptions {
  /**
   * 'defer' checks everything but the permit: at submission the permit is still to be obtained, and
   * the workflow routes the request to the permit step (see permitRequired).
   */
  permit?: 'check' | 'defer';
}

export const ELIGIBILITY_RULES = [
  'classified_needs_permit',
  'permit_required',
  'public_welfare_publicly_funded',
  'public_investment_excluded',
  'ownership_dispute',
  'permit_core_only',
  'public_welfare_non_profit',
  'fee_above_cost_price',
  'fee_kind_not_for_mode',
  'offer_not_shared',
  'mode_not_offered',
  'requester_unverified',
  'audience_excluded',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export const PERMIT_REASONS = [
  'classified',
  'specially_protected',
  'key_core_international',
  'permit_mode',
] as const;
export type PermitReason = (typeof PERMIT_REASONS)[number];

/** Why this request needs an administrative permit (行政许可); empty when it needs none. */
export function permitReasons(core: CoreFacts, request: RequestFacts): PermitReason[] {
  const reasons: PermitReason[] = [];
  if (core.confidentiality === 'classified') reasons.push('classified');
  if (core.specially_protected) reasons.push('specially_protected');
  if (isKeyCore(core) && request.international === true) reasons.push('key_core_international');
  if (request.mode === 'permit') reasons.push('permit_mode');
  return reasons;
}

/** True when the request must pass the administrator's permit step before any agreement. */
export function permitRequired(core: CoreFacts, request: RequestFacts): boolean {
  return permitReasons(core, request).length > 0;
}

const modeNames = (mode: SharingMode) => MODE_LABELS[mode];

const BASIS_MESSAGES: Record<ModeBasisRule, (mode: SharingMode) => [string, string]> = {
  public_welfare_publicly_funded: (m) => [
    `${modeNames(m).en} applies only to publicly funded core`,
    `${modeNames(m).zh}仅适用于中央或地方财政投入形成的岩芯`,
  ],
  public_investment_excluded: (m) => [
    `${modeNames(m).en} applies only to core with no public investment`,
    `${modeNames(m).zh}仅适用于没有公共投入的岩芯`,
  ],
  ownership_dispute: (m) => [
    `${modeNames(m).en} is not possible while the core's ownership is disputed`,
    `岩芯存在权属纠纷，不能进行${modeNames(m).zh}`,
  ],
  permit_core_only: () => [
    'administrative-permit sharing applies only to specially protected or key core',
    '行政许可性共享仅适用于特殊保护或重要关键岩芯',
  ],
};

function legalRefusals(
  core: CoreFacts,
  request: RequestFacts,
  options: CheckOptions,
): Refusal<EligibilityRule>[] {
  const out: Refusal<EligibilityRule>[] = [];
  if (options.permit !== 'defer' && request.permit_granted !== true) {
    const reasons = permitReasons(core, request);
    if (reasons.includes('classified')) {
      out.push(
        refuse(
          'classified_needs_permit',
          'classified core is shared only with an administrative permit',
          '涉密岩芯须经行政许可方可共享',
        ),
      );
    }
    if (reasons.some((r) => r !== 'classified')) {
      out.push(
        refuse(
          'permit_required',
          'this request needs an administrative permit, which has not been granted',
          '该申请须取得行政许可，目前尚未获得许可',
          { reasons: reasons.filter((r) => r !== 'classified').join(',') },
        ),
      );
    }
  }
  out.push(...basisRefusals(request.mode, core));
  return out;
}

/** Why the core itself rules the mode out (modeBasisProblems), as refusals in both languages. */
export function basisRefusals(mode: SharingMode, core: SharingFacts): Refusal<ModeBasisRule>[] {
  return modeBasisProblems(mode, core).map((rule) => {
    const [message, message_zh] = BASIS_MESSAGES[rule](mode);
    return refuse(rule, message, message_zh);
  });
}

function purposeRefusals(core: CoreFacts, request: RequestFacts): Refusal<EligibilityRule>[] {
  const { mode, purpose } = request;
  if ((mode === 'public_welfare' || mode === 'public_loan') && !NON_PROFIT_PURPOSES.includes(purpose)) {
    return [
      refuse(
        'public_welfare_non_profit',
        `${modeNames(mode).en} serves only non-profit research, education or popular science`,
        `${modeNames(mode).zh}仅用于科研、教育及科普等非营利性活动`,
      ),
    ];
  }
  if (mode === 'lease' && isPubliclyFunded(core.funding_source) && !PUBLIC_LEASE_PURPOSES.includes(purpose)) {
    return [
      refuse(
        'public_investment_excluded',
        'publicly funded core may be leased only for research or popular science, for an occupancy fee',
        '有公共投入的岩芯仅可用于科研、科普等公益活动的租赁，收取资源占用费',
      ),
    ];
  }
  return [];
}

function feeRefusals(core: CoreFacts, request: RequestFacts, fee: FeeKind): Refusal<EligibilityRule>[] {
  if (isPubliclyFunded(core.funding_source)) {
    const occupancyLease = request.mode === 'lease' && PUBLIC_LEASE_PURPOSES.includes(request.purpose);
    if (!(fee === 'none' || fee === 'cost_price' || (fee === 'occupancy' && occupancyLease))) {
      return [
        refuse(
          'fee_above_cost_price',
          'publicly funded core is shared at cost price at most, never at the cost formed by public investment',
          '有公共投入的岩芯最多收取工本费，不得收取公共投入形成的成本费用',
          { fee_kind: fee },
        ),
      ];
    }
  }
  if (!FEE_KINDS_BY_MODE[request.mode].includes(fee)) {
    return [
      refuse(
        'fee_kind_not_for_mode',
        `${modeNames(request.mode).en} does not charge this kind of fee (${fee})`,
        `${modeNames(request.mode).zh}不收取此类费用（${fee}）`,
        { fee_kind: fee, allowed: FEE_KINDS_BY_MODE[request.mode].join(',') },
      ),
    ];
  }
  return [];
}

function offerRefusals(offer: Offer | null, request: RequestFacts): Refusal<EligibilityRule>[] {
  if (offer == null || offer.audience === 'nobody') {
    return [refuse('offer_not_shared', 'the holder does not share this core', '持有方未共享该岩芯')];
  }
  const out: Refusal<EligibilityRule>[] = [];
  if (!offer.modes.includes(request.mode)) {
    out.push(
      refuse(
        'mode_not_offered',
        `the holder does not offer this core for ${modeNames(request.mode).en}`,
        `持有方未以${modeNames(request.mode).zh}方式开放该岩芯`,
        { offered: offer.modes.join(',') },
      ),
    );
  }
  if (offer.audience !== 'everyone') {
    const { requester } = request;
    const inAudience =
      offer.audience === 'researchers'
        ? requester.role === 'researcher'
        : requester.organisation_code != null &&
          (offer.organisations ?? []).includes(requester.organisation_code);
    if (!inAudience) {
      out.push(
        refuse(
          'audience_excluded',
          offer.audience === 'researchers'
            ? 'the holder shares this core with researchers only'
            : "the holder shares this core only with named organisations, and the requester's is not one of them",
          offer.audience === 'researchers'
            ? '持有方仅向科研人员共享该岩芯'
            : '持有方仅向指定单位共享该岩芯，申请人所在单位不在其列',
        ),
      );
    } else if (!requester.verified) {
      out.push(
        refuse(
          'requester_unverified',
          'the holder shares this core with verified requesters only: complete real-name verification first',
          '持有方仅向已实名认证的申请人共享该岩芯，请先完成实名认证',
        ),
      );
    }
  }
  return out;
}

/**
 * Every rule the request breaks, legal rules first, then the holder's offer; empty means allowed.
 * The fee checked is the offer's, as the holder states it.
 */
export function checkRequest(
  core: CoreFacts,
  request: RequestFacts,
  options: CheckOptions = {},
): Refusal<EligibilityRule>[] {
  return [
    ...legalRefusals(core, request, options),
    ...purposeRefusals(core, request),
    ...(core.offer ? feeRefusals(core, request, core.offer.fee_kind) : []),
    ...offerRefusals(core.offer, request),
  ];
}
