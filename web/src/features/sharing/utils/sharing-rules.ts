// The few sharing rules the forms apply before asking the server (which checks them all again).
// The rules themselves are the domain's: pure modules the server uses too, imported here so the
// two can never drift apart (the web app imports no server layer, only src/domain).
import { SHARING_MODES, type SharingMode } from '../../../../../src/domain/sharing-modes.js';
import {
  AUDIENCES,
  FEE_KINDS,
  FEE_KINDS_BY_MODE,
  PURPOSES,
  type Audience,
  type FeeKind,
  type Purpose,
} from '../../../../../src/domain/sharing/eligibility.js';
import { MODES_FOR_KIND } from '../../../../../src/domain/sharing/request-kinds.js';
import {
  REQUEST_KINDS,
  REQUEST_STATES,
  type RequestKind,
  type RequestState,
} from '../../../../../src/domain/sharing/request-vocabulary.js';
import { RETURNABLE_KINDS } from '../../../../../src/domain/sharing/request-workflow.js';

export {
  AUDIENCES,
  FEE_KINDS,
  FEE_KINDS_BY_MODE,
  MODES_FOR_KIND,
  PURPOSES,
  REQUEST_KINDS,
  REQUEST_STATES,
  RETURNABLE_KINDS,
  SHARING_MODES,
};
export type { Audience, FeeKind, Purpose, RequestKind, RequestState, SharingMode };

export const isSharingMode = (value: string): value is SharingMode =>
  (SHARING_MODES as readonly string[]).includes(value);

/** The fee kinds every chosen mode allows, in FEE_KINDS order; all of them while none is chosen. */
export function feeKindsFor(modes: readonly SharingMode[]): FeeKind[] {
  return FEE_KINDS.filter((fee) => modes.every((mode) => FEE_KINDS_BY_MODE[mode].includes(fee)));
}

/** The kinds of request at least one of the offered modes serves. */
export function kindsFor(offered: readonly SharingMode[]): RequestKind[] {
  return REQUEST_KINDS.filter((kind) => MODES_FOR_KIND[kind].some((mode) => offered.includes(mode)));
}

/** The offered modes a kind of request can be made under, in SHARING_MODES order. */
export function modesFor(kind: RequestKind, offered: readonly SharingMode[]): SharingMode[] {
  return SHARING_MODES.filter((mode) => offered.includes(mode) && MODES_FOR_KIND[kind].includes(mode));
}
