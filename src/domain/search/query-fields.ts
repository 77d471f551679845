// The fields of the search language: names, aliases in both languages, what values they take and
// how a value as typed becomes the code the store filters on. Exported as data so the help page
// and the API docs list exactly what the parser accepts.
import { DEPOSIT_TYPES, PROVINCES } from '../china.js';
import { commodityCode, provinceCode } from '../reference-terms.js';
import { normaliseTerm } from '../vocabulary.js';

export const TERM_FIELDS = [
  'province',
  'commodity',
  'type',
  'class',
  'funding',
  'level',
  'custodian',
  'confidentiality',
  'material',
  'has',
  'mode',
  'id',
] as const;
export type TermField = (typeof TERM_FIELDS)[number];

export const NUMERIC_FIELDS = ['depth', 'year', 'elevation'] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];

export type QueryField = TermField | NumericField;

/**
 * - `code`: a closed list; a value that is not on it is an error.
 * - `open_code`: known names become codes, anything else is kept as written (commodities).
 * - `text`: kept as written; the store resolves it (a custodian's code or name).
 * - `id`: a hole id; a trailing `*` asks for every id starting with what precedes it.
 * - `number`: comparisons and ranges.
 */
export type QueryFieldKind = 'code' | 'open_code' | 'text' | 'id' | 'number';

/** One accepted value: its code and the words that mean it (first of each is the display name). */
export interface QueryFieldValue {
  readonly code: string;
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

export interface QueryFieldSpec {
  /** Canonical English name, used by `formatQuery`. */
  readonly name: QueryField;
  /** Every name the parser accepts, canonical name first (case-insensitive). */
  readonly aliases: { readonly en: readonly string[]; readonly zh: readonly string[] };
  readonly kind: QueryFieldKind;
  readonly label: { readonly en: string; readonly zh: string };
  readonly unit?: { readonly en: string; readonly zh: string };
  /** For `code` fields: the values (the province list is the mainland's 31; codes work too). */
  readonly values?: readonly QueryFieldValue[];
  readonly examples: readonly string[];
}

const v = (code: string, en: readonly string[], zh: readonly string[]): QueryFieldValue => ({ code, en, zh });

const CLASS_VALUES = [
  v('I', ['I', '1'], ['Ⅰ', '一类']),
  v('II', ['II', '2'], ['Ⅱ', '二类']),
  v('III', ['III', '3'], ['Ⅲ', '三类']),
];

const FUNDING_VALUES = [
  v('central_fiscal', ['central_fiscal', 'central'], ['中央财政', '中央']),
  v('local_fiscal', ['local_fiscal', 'local'], ['地方财政', '地方']),
  v('self_funded', ['self_funded'], ['自筹', '自有资金']),
  v('enterprise', ['enterprise'], ['企业', '企业资金']),
  v('private', ['private'], ['私人', '个人', '社会资金']),
];

const LEVEL_VALUES = [
  v('national', ['national'], ['国家', '国家馆', '国家级']),
  v('provincial', ['provincial'], ['省级', '省级馆']),
  v('depositor', ['depositor'], ['汇交人']),
  v('entrusted', ['entrusted'], ['委托', '委托保管', '委托保管单位']),
];

const CONFIDENTIALITY_VALUES = [
  v('public', ['public'], ['公开']),
  v('internal', ['internal'], ['内部']),
  v('classified', ['classified', 'secret'], ['涉密', '秘密', '机密']),
];

const MATERIAL_VALUES = [
  v('core', ['core'], ['岩芯', '岩心']),
  v('cuttings', ['cuttings'], ['岩屑']),
  v('specimen', ['specimen'], ['标本']),
  v('thin_section', ['thin_section', 'thin section'], ['薄片', '光薄片']),
  v('sample', ['sample'], ['样品', '副样']),
  v('other', ['other'], ['其他']),
];

const HAS_VALUES = [
  v('images', ['images', 'image'], ['图像', '影像']),
  v('spectra', ['spectra', 'spectrum'], ['光谱']),
  v('xrf', ['xrf', 'element', 'elements'], ['元素']),
  v('lithology', ['lithology'], ['岩性']),
  v('samples', ['samples', 'sample'], ['样品']),
  v('boxes', ['boxes', 'box'], ['岩芯箱']),
  v('surveys', ['surveys', 'survey'], ['测斜']),
];

// The six sharing modes of DOMAIN.md (4.2).
const MODE_VALUES = [
  v('public_welfare', ['public_welfare', 'public'], ['公益', '公益性', '公益性共享']),
  v('public_loan', ['public_loan', 'loan'], ['借用', '公益性借用', '公益性借用共享']),
  v('cooperative', ['cooperative'], ['合作', '合作研究', '合作研究性共享']),
  v('trade', ['trade', 'exchange'], ['交易', '交换', '资源交易', '资源交换']),
  v('lease', ['lease'], ['租赁', '资源租赁']),
  v('permit', ['permit'], ['许可', '行政许可', '行政许可性共享']),
];

const TYPE_VALUES = DEPOSIT_TYPES.map((t) => v(t.key, [t.key, t.en], [t.zh]));

// "Tibet (Xizang)" is how the reference data spells it; the help page lists the plain name.
const withoutGloss = (name: string) => name.replace(/\s*\(.*\)$/, '');

const PROVINCE_VALUES = PROVINCES.map((p) => v(p.code, [withoutGloss(p.en)], [p.short, p.zh]));

const METRES = { en: 'm', zh: '米' };

export const QUERY_FIELDS: readonly QueryFieldSpec[] = [
  {
    name: 'province',
    aliases: { en: ['province', 'prov'], zh: ['省', '省份'] },
    kind: 'code',
    label: { en: 'province', zh: '省份' },
    values: PROVINCE_VALUES,
    examples: ['省:西藏', 'province:Tibet', 'prov:54,53'],
  },
  {
    name: 'commodity',
    aliases: { en: ['commodity', 'mineral'], zh: ['矿种', '矿产'] },
    kind: 'open_code',
    label: { en: 'commodity', zh: '矿种' },
    examples: ['矿种:铜', 'commodity:copper', 'mineral:Cu,Mo'],
  },
  {
    name: 'type',
    aliases: { en: ['type', 'deposit_type'], zh: ['类型', '成矿类型', '矿床类型'] },
    kind: 'code',
    label: { en: 'deposit type', zh: '矿床类型' },
    values: TYPE_VALUES,
    examples: ['类型:斑岩型', 'type:porphyry', 'type:skarn,vein'],
  },
  {
    name: 'class',
    aliases: { en: ['class'], zh: ['类别', '级别'] },
    kind: 'code',
    label: { en: 'core class', zh: '岩芯类别' },
    values: CLASS_VALUES,
    examples: ['类别:Ⅰ', 'class:I,II'],
  },
  {
    name: 'funding',
    aliases: { en: ['funding'], zh: ['资金', '资金来源'] },
    kind: 'code',
    label: { en: 'funding source', zh: '资金来源' },
    values: FUNDING_VALUES,
    examples: ['资金:中央财政', 'funding:central,local'],
  },
  {
    name: 'level',
    aliases: { en: ['level'], zh: ['馆级'] },
    kind: 'code',
    label: { en: 'custodian level', zh: '馆藏级别' },
    values: LEVEL_VALUES,
    examples: ['馆级:国家馆', 'level:provincial'],
  },
  {
    name: 'custodian',
    aliases: { en: ['custodian'], zh: ['馆藏', '保管单位', '馆藏机构'] },
    kind: 'text',
    label: { en: 'custodian', zh: '馆藏机构' },
    examples: ['馆藏:"自然资源实物地质资料中心"', 'custodian:CGS-NC'],
  },
  {
    name: 'confidentiality',
    aliases: { en: ['confidentiality'], zh: ['密级'] },
    kind: 'code',
    label: { en: 'confidentiality', zh: '密级' },
    values: CONFIDENTIALITY_VALUES,
    examples: ['密级:公开', 'confidentiality:public'],
  },
  {
    name: 'material',
    aliases: { en: ['material'], zh: ['材料', '资料类型'] },
    kind: 'code',
    label: { en: 'material type', zh: '资料类型' },
    values: MATERIAL_VALUES,
    examples: ['材料:岩芯', 'material:core,thin_section'],
  },
  {
    name: 'has',
    aliases: { en: ['has'], zh: ['有'] },
    kind: 'code',
    label: { en: 'data available', zh: '已有数据' },
    values: HAS_VALUES,
    examples: ['有:图像', 'has:images,spectra'],
  },
  {
    name: 'mode',
    aliases: { en: ['mode'], zh: ['模式', '共享模式'] },
    kind: 'code',
    label: { en: 'sharing mode', zh: '共享模式' },
    values: MODE_VALUES,
    examples: ['模式:公益', 'mode:public,loan'],
  },
  {
    name: 'id',
    aliases: { en: ['id', 'hole'], zh: ['孔号', '钻孔'] },
    kind: 'id',
    label: { en: 'hole id', zh: '孔号' },
    examples: ['孔号:ZK1616', 'id:ZK16*'],
  },
  {
    name: 'depth',
    aliases: { en: ['depth'], zh: ['深度', '孔深'] },
    kind: 'number',
    label: { en: 'hole depth', zh: '孔深' },
    unit: METRES,
    examples: ['深度>800', 'depth:500..1500', 'depth<=1200m'],
  },
  {
    name: 'year',
    aliases: { en: ['year'], zh: ['年份', '年代'] },
    kind: 'number',
    label: { en: 'drilling year', zh: '施工年份' },
    unit: { en: 'year', zh: '年' },
    examples: ['年份:1990..2005', 'year>=2010'],
  },
  {
    name: 'elevation',
    aliases: { en: ['elevation'], zh: ['高程', '标高'] },
    kind: 'number',
    label: { en: 'collar elevation', zh: '孔口高程' },
    unit: METRES,
    examples: ['高程>4000', 'elevation:-200..100'],
  },
];

/** Unit words a number may carry, per numeric field (`800m`, `800米`, `1990年`). */
export const UNIT_SUFFIXES: Record<NumericField, readonly string[]> = {
  depth: ['m', '米'],
  elevation: ['m', '米'],
  year: ['年'],
};

const FIELD_BY_ALIAS = new Map<string, QueryFieldSpec>();
for (const spec of QUERY_FIELDS) {
  for (const alias of [...spec.aliases.en, ...spec.aliases.zh]) FIELD_BY_ALIAS.set(alias.toLowerCase(), spec);
}

/** The field a name as typed refers to (any alias, any case, full-width letters too). */
export function queryFieldByName(name: string): QueryFieldSpec | undefined {
  return FIELD_BY_ALIAS.get(name.normalize('NFKC').toLowerCase());
}

export function isNumericField(field: QueryField): field is NumericField {
  return (NUMERIC_FIELDS as readonly string[]).includes(field);
}

function lookupTable(values: readonly QueryFieldValue[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const value of values) {
    for (const word of [value.code, ...value.en, ...value.zh]) table.set(word.toLowerCase(), value.code);
  }
  return table;
}

const HAS_BY_WORD = lookupTable(HAS_VALUES);
const MODE_BY_WORD = lookupTable(MODE_VALUES);
const LEVEL_BY_WORD = lookupTable(LEVEL_VALUES);
const TYPE_BY_WORD = depositTypeTable();

// Deposit types are written many ways: the key, 斑岩型 or 斑岩, "Carlin-type" or "carlin",
// "magmatic oxide (V–Ti magnetite, chromite)" or just "magmatic oxide". Keys and full names win
// over the shortened forms when two types would share one.
function depositTypeTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (word: string, key: string) => {
    const k = word.trim().toLowerCase();
    if (k && !table.has(k)) table.set(k, key);
  };
  for (const t of DEPOSIT_TYPES) {
    add(t.key, t.key);
    add(t.zh, t.key);
    add(t.en, t.key);
  }
  for (const t of DEPOSIT_TYPES) {
    add(t.key.replace(/_/g, ' '), t.key);
    add(t.zh.replace(/型$/, ''), t.key);
    const en = t.en.replace(/\s*\(.*\)$/, '');
    add(en, t.key);
    add(en.replace(/[-\s](type|hosted|related)$/i, ''), t.key);
  }
  return table;
}

/**
 * The code of a value of a `code` or `open_code` field (value already NFKC-normalised and
 * trimmed), or undefined when a closed list does not know it.
 */
export function normaliseFieldValue(field: TermField, value: string): string | undefined {
  const word = value.toLowerCase().replace(/\s+/g, ' ');
  switch (field) {
    case 'province':
      return provinceCode(value) ?? provinceCode(withoutGloss(value));
    case 'commodity':
      return commodityCode(value);
    case 'type':
      return TYPE_BY_WORD.get(word) ?? TYPE_BY_WORD.get(word.replace(/[-\s]/g, '_'));
    case 'class':
      return normaliseTerm('core_class', value);
    case 'funding':
      return normaliseTerm('funding_source', value);
    case 'level':
      return normaliseTerm('level', value) ?? LEVEL_BY_WORD.get(word);
    case 'confidentiality':
      return normaliseTerm('confidentiality', value);
    case 'material':
      return normaliseTerm('material_type', value);
    case 'has':
      return HAS_BY_WORD.get(word);
    case 'mode':
      return MODE_BY_WORD.get(word);
    case 'custodian':
    case 'id':
      return value;
  }
}
