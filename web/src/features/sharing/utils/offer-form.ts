// The offers editor's form as pure data: values as typed, the faults the form can see before
// asking, and the body for POST /api/offers or PUT /api/offers/{id}.
import type { Offer } from '../api/get-offers.js';
import type { NewOffer, OfferTerms } from '../api/save-offer.js';
import { readNumber, numberText } from './numbers.js';
import { readDepthRange, type FormProblem } from './request-form.js';
import { feeKindsFor, type Audience, type FeeKind, type SharingMode } from './sharing-rules.js';

export interface OfferFormValues {
  scope: 'borehole' | 'collection';
  /** Public id, for scope borehole. */
  borehole: string;
  /** Custodian code, for scope collection. */
  custodian: string;
  depth_from: string;
  depth_to: string;
  dataset: string;
  modes: SharingMode[];
  audience: Audience;
  /** Organisation codes separated by commas, 、 or spaces. */
  organisations: string;
  fee_kind: FeeKind;
  fee_amount: string;
  conditions_zh: string;
  conditions_en: string;
}

export type OfferField = 'target' | 'depth' | 'modes' | 'organisations' | 'fee_kind' | 'fee_amount';

export function newOfferForm(custodian = ''): OfferFormValues {
  return {
    scope: 'collection',
    borehole: '',
    custodian,
    depth_from: '',
    depth_to: '',
    dataset: '',
    modes: ['public_welfare'],
    audience: 'researchers',
    organisations: '',
    fee_kind: 'none',
    fee_amount: '',
    conditions_zh: '',
    conditions_en: '',
  };
}

export function offerFormOf(offer: Offer): OfferFormValues {
  return {
    scope: offer.scope,
    borehole: offer.borehole_id ?? '',
    custodian: offer.custodian_code,
    depth_from: numberText(offer.depth_from),
    depth_to: numberText(offer.depth_to),
    dataset: offer.dataset ?? '',
    modes: [...offer.modes],
    audience: offer.audience,
    organisations: offer.organisations.join(', '),
    fee_kind: offer.fee_kind,
    fee_amount: numberText(offer.fee_amount),
    conditions_zh: offer.conditions_zh ?? '',
    conditions_en: offer.conditions_en ?? '',
  };
}

export function splitCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The modes changed: keep the fee kind if every chosen mode still allows it, else fall back to the
 * first allowed one (waiving the fee is always allowed).
 */
export function withModes(values: OfferFormValues, modes: SharingMode[]): OfferFormValues {
  const allowed = feeKindsFor(modes);
  return { ...values, modes, fee_kind: allowed.includes(values.fee_kind) ? values.fee_kind : 'none' };
}

export type OfferReading<T> =
  { ok: true; body: T } | { ok: false; problems: Partial<Record<OfferField, FormProblem>> };

function readTerms(values: OfferFormValues): OfferReading<OfferTerms> {
  const problems: Partial<Record<OfferField, FormProblem>> = {};
  if (values.modes.length === 0) problems.modes = { key: 'offers.modesRequired' };
  else if (!feeKindsFor(values.modes).includes(values.fee_kind))
    problems.fee_kind = { key: 'offers.feeNotAllowed' };
  const organisations = splitCodes(values.organisations);
  if (values.audience === 'organisations' && organisations.length === 0)
    problems.organisations = { key: 'offers.organisationsRequired' };
  const amount = values.fee_kind === 'none' ? null : readNumber(values.fee_amount);
  if (amount !== null && (Number.isNaN(amount) || amount < 0))
    problems.fee_amount = { key: 'offers.feeAmountInvalid' };
  let depth: { depth_from: number | null; depth_to: number | null } = { depth_from: null, depth_to: null };
  if (values.scope === 'borehole') {
    const read = readDepthRange(values.depth_from, values.depth_to);
    if (read.ok) depth = read;
    else problems.depth = read.problem;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const text = (s: string) => s.trim() || null;
  return {
    ok: true,
    body: {
      // A whole hole leaves the range out: the server's validator would read a null as 0.
      ...(values.scope === 'borehole'
        ? depth.depth_from !== null && depth
        : { dataset: text(values.dataset) }),
      modes: values.modes,
      audience: values.audience,
      organisations: values.audience === 'organisations' ? organisations : [],
      fee_kind: values.fee_kind,
      fee_amount: amount,
      conditions_zh: text(values.conditions_zh),
      conditions_en: text(values.conditions_en),
    },
  };
}

/** The new terms of an existing offer (its scope and target stay as they are). */
export function readOfferTerms(values: OfferFormValues): OfferReading<OfferTerms> {
  return readTerms(values);
}

/** A new offer: its target (a borehole's public id or a custodian's code) and its terms. */
export function readNewOffer(values: OfferFormValues): OfferReading<NewOffer> {
  const terms = readTerms(values);
  const target = values.scope === 'borehole' ? values.borehole.trim() : values.custodian.trim();
  if (!target) {
    const problems = terms.ok ? {} : terms.problems;
    return {
      ok: false,
      problems: {
        ...problems,
        target: { key: values.scope === 'borehole' ? 'offers.boreholeRequired' : 'offers.custodianRequired' },
      },
    };
  }
  if (!terms.ok) return terms;
  return {
    ok: true,
    body:
      values.scope === 'borehole'
        ? { ...terms.body, scope: 'borehole', borehole: target }
        : { ...terms.body, scope: 'collection', custodian: target },
  };
}
