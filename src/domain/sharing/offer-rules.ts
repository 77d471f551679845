// A sharing offer (principle 2, voluntary): what a holder opens, in which modes, to whom, for what
// fee and on what conditions. Pure checks; the service gathers the core's facts.
import { SHARING_MODES, MODE_LABELS, type SharingFacts, type SharingMode } from '../sharing-modes.js';
import {
  AUDIENCES,
  FEE_KINDS,
  FEE_KINDS_BY_MODE,
  basisRefusals,
  type Audience,
  type FeeKind,
} from './eligibility.js';
import { isPubliclyFunded } from '../vocabulary.js';

export const OFFER_SCOPES = ['borehole', 'collection'] as const;
export type OfferScope = (typeof OFFER_SCOPES)[number];

export interface OfferInput {
  scope: OfferScope;
  /** For scope 'borehole': an optional depth range (a run of boxes); whole hole when absent. */
  depth_from?: number | null;
  depth_to?: number | null;
  /** For scope 'collection': only this dataset of the custodian's holdings; all when absent. */
  dataset?: string | null;
  modes: SharingMode[];
  audience: Audience;
  organisations?: string[];
  fee_kind: FeeKind;
  fee_amount?: number | null;
  conditions_zh?: string | null;
  conditions_en?: string | null;
}

export interface OfferProblem {
  field: string;
  message: string;
  message_zh: string;
}

const problem = (field: string, message: string, message_zh: string): OfferProblem => ({
  field,
  message,
  message_zh,
});

/**
 * Problems with an offer as written. `core` is given for a single borehole, whose facts decide
 * which modes it can be offered in at all; a collection's boreholes are each checked by search and
 * by every request instead.
 */
export function checkOffer(input: OfferInput, core?: SharingFacts): OfferProblem[] {
  const out: OfferProblem[] = [];
  if (!OFFER_SCOPES.includes(input.scope))
    out.push(problem('scope', `one of ${OFFER_SCOPES.join(', ')}`, `须为 ${OFFER_SCOPES.join('、')} 之一`));
  if (!AUDIENCES.includes(input.audience))
    out.push(problem('audience', `one of ${AUDIENCES.join(', ')}`, `须为 ${AUDIENCES.join('、')} 之一`));
  if (!FEE_KINDS.includes(input.fee_kind))
    out.push(problem('fee_kind', `one of ${FEE_KINDS.join(', ')}`, `须为 ${FEE_KINDS.join('、')} 之一`));
  const unknown = input.modes.filter((m) => !SHARING_MODES.includes(m));
  if (unknown.length)
    out.push(
      problem('modes', `unknown modes: ${unknown.join(', ')}`, `未知的共享方式：${unknown.join('、')}`),
    );
  if (new Set(input.modes).size !== input.modes.length)
    out.push(problem('modes', 'a mode is listed twice', '共享方式重复'));
  if (input.audience !== 'nobody' && input.modes.length === 0)
    out.push(
      problem(
        'modes',
        'name at least one mode, or set the audience to nobody (not shared)',
        '请至少选择一种共享方式，或将开放对象设为“不共享”',
      ),
    );
  if (input.audience === 'organisations' && !(input.organisations ?? []).length)
    out.push(problem('organisations', 'name the organisations the offer is open to', '请列出可申请的单位'));
  if (input.fee_amount != null && (!Number.isFinite(input.fee_amount) || input.fee_amount < 0))
    out.push(
      problem('fee_amount', 'a fee is a number of yuan, zero or more', '费用须为不小于 0 的金额（元）'),
    );
  if (input.fee_kind === 'none' && input.fee_amount != null && input.fee_amount > 0)
    out.push(
      problem('fee_amount', 'no fee was chosen, so the amount must be empty', '未选择收费方式，金额应为空'),
    );
  if (FEE_KINDS.includes(input.fee_kind)) {
    for (const mode of input.modes.filter((m) => SHARING_MODES.includes(m))) {
      if (!FEE_KINDS_BY_MODE[mode].includes(input.fee_kind))
        out.push(
          problem(
            'fee_kind',
            `${MODE_LABELS[mode].en} cannot charge ${input.fee_kind.replace('_', ' ')}; allowed: ${FEE_KINDS_BY_MODE[mode].join(', ')}`,
            `${MODE_LABELS[mode].zh}不能按“${input.fee_kind}”收费；可选：${FEE_KINDS_BY_MODE[mode].join('、')}`,
          ),
        );
    }
  }
  if (input.scope === 'borehole') {
    const { depth_from: from, depth_to: to } = input;
    if ((from == null) !== (to == null))
      out.push(
        problem(
          'depth_to',
          'give both ends of the depth range, or neither',
          '深度范围须同时给出起止，或都不填',
        ),
      );
    else if (from != null && to != null && !(from >= 0 && to > from))
      out.push(
        problem(
          'depth_to',
          'the depth range must run downward from 0 m or more',
          '深度范围须自 0 米或更深处向下',
        ),
      );
    if (input.dataset)
      out.push(
        problem(
          'dataset',
          'a dataset narrows a collection offer, not a borehole',
          '数据集仅用于馆藏集合的开放',
        ),
      );
  } else if (input.depth_from != null || input.depth_to != null) {
    out.push(problem('depth_from', 'a depth range belongs to a single borehole', '深度范围仅适用于单个钻孔'));
  }
  if (core) {
    for (const mode of input.modes.filter((m) => SHARING_MODES.includes(m)))
      for (const r of basisRefusals(mode, core)) out.push(problem('modes', r.message, r.message_zh));
    // Principle 3: publicly funded core is never charged beyond cost price, except a lease's occupancy fee.
    if (isPubliclyFunded(core.funding_source) && ['market_price', 'rent'].includes(input.fee_kind))
      out.push(
        problem(
          'fee_kind',
          'publicly funded core is shared at cost price at most (an occupancy fee for a lease)',
          '财政投入形成的岩芯最多收取工本费（租赁可收取占用费）',
        ),
      );
  }
  return out;
}

/** The modes as bits, for the per-borehole summary search filters and counts on. */
export function modesMask(modes: readonly SharingMode[]): number {
  return modes.reduce((mask, m) => mask | (1 << SHARING_MODES.indexOf(m)), 0);
}

export function modeBit(mode: SharingMode): number {
  return 1 << SHARING_MODES.indexOf(mode);
}

export function modesOfMask(mask: number): SharingMode[] {
  return SHARING_MODES.filter((m) => (mask & modeBit(m)) !== 0);
}
