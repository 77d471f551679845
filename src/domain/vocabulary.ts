// Controlled vocabularies of the catalog (DOMAIN.md "Actors", "Classes and custody").
export const CUSTODIAN_LEVELS = ['national', 'provincial', 'depositor', 'entrusted'] as const;
export type CustodianLevel = (typeof CUSTODIAN_LEVELS)[number];

export const ORGANISATION_KINDS = [
  'exploration_unit',
  'mining_company',
  'institute',
  'university',
  'department',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const CORE_CLASSES = ['I', 'II', 'III'] as const;
export type CoreClass = (typeof CORE_CLASSES)[number];

export const FUNDING_SOURCES = [
  'central_fiscal',
  'local_fiscal',
  'self_funded',
  'enterprise',
  'private',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const CONFIDENTIALITY_LEVELS = ['public', 'internal', 'classified'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export const MATERIAL_TYPES = ['core', 'cuttings', 'specimen', 'thin_section', 'sample', 'other'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** True for core paid for by central or local government money (principle 3). */
export function isPubliclyFunded(source: FundingSource | null): boolean {
  return source === 'central_fiscal' || source === 'local_fiscal';
}

/** Words people write in tables for each code, Chinese and English, lower-cased. */
const ALIASES: Record<string, Record<string, string>> = {
  core_class: {
    i: 'I',
    '1': 'I',
    Ⅰ: 'I',
    ⅰ: 'I',
    ⅰ类: 'I',
    ⅰ类岩芯: 'I',
    一类: 'I',
    ii: 'II',
    '2': 'II',
    Ⅱ: 'II',
    ⅱ: 'II',
    ⅱ类: 'II',
    二类: 'II',
    iii: 'III',
    '3': 'III',
    Ⅲ: 'III',
    ⅲ: 'III',
    ⅲ类: 'III',
    三类: 'III',
  },
  funding_source: {
    central_fiscal: 'central_fiscal',
    central: 'central_fiscal',
    中央财政: 'central_fiscal',
    中央: 'central_fiscal',
    local_fiscal: 'local_fiscal',
    local: 'local_fiscal',
    地方财政: 'local_fiscal',
    地方: 'local_fiscal',
    self_funded: 'self_funded',
    自筹: 'self_funded',
    自有资金: 'self_funded',
    enterprise: 'enterprise',
    企业: 'enterprise',
    企业资金: 'enterprise',
    private: 'private',
    私人: 'private',
    个人: 'private',
    社会资金: 'private',
  },
  confidentiality: {
    public: 'public',
    公开: 'public',
    internal: 'internal',
    内部: 'internal',
    classified: 'classified',
    secret: 'classified',
    涉密: 'classified',
    秘密: 'classified',
    机密: 'classified',
  },
  level: {
    national: 'national',
    国家馆: 'national',
    国家级: 'national',
    provincial: 'provincial',
    省级馆: 'provincial',
    省级: 'provincial',
    depositor: 'depositor',
    汇交人: 'depositor',
    entrusted: 'entrusted',
    委托保管单位: 'entrusted',
  },
  material_type: {
    core: 'core',
    岩芯: 'core',
    岩心: 'core',
    cuttings: 'cuttings',
    岩屑: 'cuttings',
    specimen: 'specimen',
    标本: 'specimen',
    thin_section: 'thin_section',
    'thin section': 'thin_section',
    薄片: 'thin_section',
    光薄片: 'thin_section',
    sample: 'sample',
    样品: 'sample',
    other: 'other',
    其他: 'other',
    副样: 'sample',
  },
};

export type VocabularyField = keyof typeof ALIASES;

/** Maps a value as written in a table to its code, or undefined when it is not a known word. */
export function normaliseTerm(field: VocabularyField, value: string): string | undefined {
  const key = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return ALIASES[field]?.[key] ?? ALIASES[field]?.[key.replace(/类(岩芯)?$/, '')];
}
