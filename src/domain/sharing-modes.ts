// The six sharing modes (DOMAIN.md, 4.2) and which core each can apply to before any offer exists:
// what search's `mode:` filter means until the sharing issue adds the holders' own offers.
import { isPubliclyFunded, type CoreClass, type FundingSource } from './vocabulary.js';

export const SHARING_MODES = [
  'public_welfare',
  'public_loan',
  'cooperative',
  'trade',
  'lease',
  'permit',
] as const;
export type SharingMode = (typeof SHARING_MODES)[number];

export interface SharingFacts {
  funding_source: FundingSource | null;
  ownership_dispute: boolean;
  core_class: CoreClass | null;
}

/**
 * Public-welfare sharing and loans: publicly funded core (principle 3). Cooperative research: any
 * core. Trade: only core with no public investment and no ownership dispute. Lease: no dispute
 * (publicly funded core may charge an occupancy fee). Administrative permit: the specially
 * protected, nationally important Class Ⅰ core.
 */
export function eligibleModes(core: SharingFacts): SharingMode[] {
  const publicMoney = isPubliclyFunded(core.funding_source);
  return SHARING_MODES.filter((mode) => {
    switch (mode) {
      case 'public_welfare':
      case 'public_loan':
        return publicMoney;
      case 'cooperative':
        return true;
      case 'trade':
        return !publicMoney && !core.ownership_dispute;
      case 'lease':
        return !core.ownership_dispute;
      case 'permit':
        return core.core_class === 'I';
    }
  });
}
