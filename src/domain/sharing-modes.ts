// The six sharing modes (DOMAIN.md, 4.2) and which core each can apply to before any request exists:
// what search's `mode:` filter means, and the core-level half of the request rules in
// sharing/eligibility.ts (purpose, fee, permit and the holder's offer are the other half).
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

/** The modes' names as DOMAIN.md (4.2) and the paper write them. */
export const MODE_LABELS: Readonly<Record<SharingMode, { en: string; zh: string }>> = {
  public_welfare: { en: 'public-welfare sharing', zh: '公益性共享' },
  public_loan: { en: 'public-welfare loan', zh: '公益性借用共享' },
  cooperative: { en: 'cooperative research', zh: '合作研究性共享' },
  trade: { en: 'trade / exchange', zh: '资源交易（换）性共享' },
  lease: { en: 'lease', zh: '资源租赁性共享' },
  permit: { en: 'administrative permit', zh: '行政许可性共享' },
};

export interface SharingFacts {
  funding_source: FundingSource | null;
  ownership_dispute: boolean;
  core_class: CoreClass | null;
  /** Specially protected core (特殊保护): shared only under an administrative permit. */
  specially_protected?: boolean;
  /** Important key core; when not stated, Class Ⅰ core is taken as key core. */
  key_core?: boolean;
}

/** Reasons the core itself rules a mode out, whoever asks and whatever for. */
export const MODE_BASIS_RULES = [
  'public_welfare_publicly_funded',
  'public_investment_excluded',
  'ownership_dispute',
  'permit_core_only',
] as const;
export type ModeBasisRule = (typeof MODE_BASIS_RULES)[number];

/** Key core: as stated, else Class Ⅰ (the nationally important core the ministry holds). */
export function isKeyCore(core: SharingFacts): boolean {
  return core.key_core ?? core.core_class === 'I';
}

/**
 * Public-welfare sharing and loans: publicly funded core (principle 3). Cooperative research: any
 * core. Trade: only core with no public investment and no ownership dispute. Lease: no dispute —
 * publicly funded core may still be leased for research or popular science (an occupancy fee), which
 * depends on the request's purpose, so it is checked with the request. Administrative permit:
 * specially protected or key core.
 */
export function modeBasisProblems(mode: SharingMode, core: SharingFacts): ModeBasisRule[] {
  const publicMoney = isPubliclyFunded(core.funding_source);
  const dispute: ModeBasisRule[] = core.ownership_dispute ? ['ownership_dispute'] : [];
  switch (mode) {
    case 'public_welfare':
    case 'public_loan':
      return publicMoney ? [] : ['public_welfare_publicly_funded'];
    case 'cooperative':
      return [];
    case 'trade':
      return publicMoney ? ['public_investment_excluded', ...dispute] : dispute;
    case 'lease':
      return dispute;
    case 'permit':
      return core.specially_protected === true || isKeyCore(core) ? [] : ['permit_core_only'];
  }
}

/** The modes the core can be shared in at all (see modeBasisProblems). */
export function eligibleModes(core: SharingFacts): SharingMode[] {
  return SHARING_MODES.filter((mode) => modeBasisProblems(mode, core).length === 0);
}
