// Which kinds of request each sharing mode serves: a loan is a public-welfare loan (or one under a
// permit), a lease is a lease, samples are given in public-welfare, cooperative, traded or permitted
// sharing. A viewing appointment only looks, so any open mode admits it.
import { MODE_LABELS, type SharingMode } from '../sharing-modes.js';
import { KIND_LABELS, type RequestKind } from './request-vocabulary.js';
import { refuse, type Refusal } from './refusal.js';

export const MODES_FOR_KIND: Readonly<Record<RequestKind, readonly SharingMode[]>> = {
  viewing: ['public_welfare', 'public_loan', 'cooperative', 'trade', 'lease', 'permit'],
  sampling: ['public_welfare', 'cooperative', 'trade', 'permit'],
  loan: ['public_loan', 'permit'],
  data_access: ['public_welfare', 'cooperative', 'trade', 'permit'],
  cooperation: ['cooperative'],
  trade: ['trade'],
  lease: ['lease'],
};

/** A refusal when the kind of request does not belong to the mode it is made under. */
export function kindModeRefusal(kind: RequestKind, mode: SharingMode): Refusal<'kind_not_in_mode'> | null {
  if (MODES_FOR_KIND[kind].includes(mode)) return null;
  const fits = MODES_FOR_KIND[kind];
  return refuse(
    'kind_not_in_mode',
    `a ${KIND_LABELS[kind].en} request is made under ${fits.map((m) => MODE_LABELS[m].en).join(' or ')}, not ${MODE_LABELS[mode].en}`,
    `${KIND_LABELS[kind].zh}申请适用于${fits.map((m) => MODE_LABELS[m].zh).join('或')}，不适用于${MODE_LABELS[mode].zh}`,
  );
}
