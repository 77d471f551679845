// The column names geologists use, Chinese and English, for each field the importer reads. Data, not
// code: to teach the importer a new header, add it to `aliases` (best first). Matching ignores case,
// spaces, underscores, punctuation and a bracketed unit ("起始深度(m)" = "起始深度"), and a header
// cut to 10 characters by the shapefile format ("FINISH_DAT") matches the alias it was cut from.
// docs/import.md lists this table for users.

export type RecordKind = 'collars' | 'surveys' | 'intervals' | 'samples' | 'catalog';
type Need = 'required' | 'optional';

export interface FieldDefinition {
  readonly kinds: Partial<Record<RecordKind, Need>>;
  readonly aliases: readonly string[];
  readonly doc: string;
}

const R = 'required' as const;
const O = 'optional' as const;

/** Aliases are written `a|b|c`, best first: one line per field keeps the table readable as data. */
function field(kinds: FieldDefinition['kinds'], aliases: string, doc: string): FieldDefinition {
  return { kinds, aliases: aliases.split('|'), doc };
}

export const IMPORT_FIELDS = {
  hole_id: field(
    { collars: R, surveys: R, intervals: R, samples: R, catalog: O },
    '钻孔编号|孔号|钻孔号|工程编号|钻孔ID|hole_id|holeid|hole id|bhid|drillhole id|drillhole|hole|hole_no|hole number|borehole|borehole_id',
    'the hole identifier, unique within a dataset (catalog: the borehole a record belongs to)',
  ),
  name: field({ collars: O }, '钻孔名称|孔名|name|hole_name', 'display name; the hole id when absent'),
  easting: field(
    { collars: R },
    '东坐标|X坐标|x|easting|east|x_mga|xcollar|x_utm|x_local|src_x|经度|longitude|lon|lng|long',
    'x in the file CRS: longitude for EPSG:4326/4490, easting for a projected CRS or a local grid',
  ),
  northing: field(
    { collars: R },
    '北坐标|Y坐标|y|northing|north|y_mga|ycollar|y_utm|y_local|src_y|纬度|latitude|lat',
    'y in the file CRS: latitude or northing',
  ),
  crs: field(
    { collars: O },
    '坐标系|crs|src_crs|epsg|srs',
    'per-row CRS (EPSG:nnnn or LOCAL), overriding --crs',
  ),
  elevation: field(
    { collars: O },
    '高程|孔口标高|孔口高程|标高|海拔|z|zcollar|z_mga|rl|elevation|elev|collar_elev|altitude',
    'collar elevation (m, or ft with --units ft)',
  ),
  total_depth: field(
    { collars: O },
    '孔深|终孔深度|钻孔深度|实际孔深|depth|total_depth|max_depth|eoh|hole_depth|final_depth|length',
    'total depth of the hole',
  ),
  project: field({ collars: O }, '项目名称|项目|project|project_name|program|program_name', 'project'),
  deposit: field(
    { collars: O },
    '矿区|矿床|矿区名称|矿床名称|deposit|deposit_name|prospect|mine',
    'deposit or mine area',
  ),
  province: field(
    { collars: O, catalog: O },
    '省|省份|省区|所在省|province|province_code',
    'province: name (西藏, 西藏自治区) or code (540000)',
  ),
  county: field({ collars: O }, '县|区县|县区|县市|county', 'county'),
  commodity: field(
    { collars: O },
    '矿种|主矿种|矿产|commodity|commodities',
    'commodities, split on 、,;/ and spaces (铜、金 → Cu, Au)',
  ),
  core_class: field({ collars: O }, '岩芯类别|岩心类别|类别|class|core_class', 'Class Ⅰ/Ⅱ/Ⅲ (一类, I, 1 …)'),
  custodian: field(
    { collars: O, catalog: O },
    '保管单位|馆藏机构|馆藏单位|custodian|custodian_code|repository',
    'custodian code; must exist (or give --custodian)',
  ),
  depositor: field(
    { collars: O },
    '汇交人|汇交单位|depositor|depositor_code',
    'depositor organisation code; must exist',
  ),
  funding: field(
    { collars: O },
    '资金来源|经费来源|funding|funding_source',
    '中央财政, 地方财政, 自筹, 企业, 社会资金 …',
  ),
  purpose: field({ collars: O }, '钻孔目的|施工目的|目的|purpose|hole_purpose', 'purpose of the hole'),
  drill_start: field(
    { collars: O },
    '开孔日期|开工日期|start_date|drill_start|date_started',
    'date drilling started',
  ),
  drill_end: field(
    { collars: O },
    '终孔日期|完工日期|finish_date|end_date|drill_end|date_completed',
    'date drilling ended',
  ),
  deposit_type: field({ collars: O }, '矿床类型|deposit_type', 'deposit type'),
  tectonic_unit: field({ collars: O }, '构造单元|大地构造单元|tectonic_unit', 'tectonic unit'),
  metallogenic_belt: field({ collars: O }, '成矿带|metallogenic_belt', 'metallogenic belt'),
  confidentiality: field(
    { collars: O },
    '密级|保密等级|confidentiality',
    '公开, 内部, 涉密 (public, internal, classified)',
  ),
  core_length: field({ collars: O }, '岩芯长度|岩心长度|core_length', 'length of core kept'),
  recovery: field(
    { collars: O },
    '岩芯采取率|岩心采取率|采取率|recovery|core_recovery',
    'core recovery: 0–1, or percent',
  ),
  depth: field(
    { surveys: R },
    '测深|深度|测点深度|测斜深度|depth|at|survey_depth|distance|md',
    'depth along the hole of the survey station',
  ),
  azimuth: field(
    { surveys: R },
    '方位角|方位|azimuth|az|azi|bearing',
    'azimuth in degrees (normalised to 0 ≤ az < 360)',
  ),
  dip: field(
    { surveys: R },
    '倾角|dip|inclination|incl',
    'dip in degrees; sign convention detected per file',
  ),
  depth_from: field(
    { intervals: R, samples: R },
    '自|从|起|起始深度|起深|自深|from|depth_from|from_m|mfrom|start_depth|top',
    'top of the interval',
  ),
  depth_to: field(
    { intervals: R, samples: R },
    '至|到|止|终止深度|止深|至深|to|depth_to|to_m|mto|end_depth|bottom',
    'bottom of the interval',
  ),
  lith_code: field(
    { intervals: O },
    '岩性代码|岩性|lith_code|lith1_validated|lith|lith1|lithology|code|rock_code',
    'lithology code',
  ),
  lith_name_zh: field({ intervals: O }, '岩性名称|岩石名称|name_zh', 'lithology name (Chinese)'),
  lith_name_en: field({ intervals: O }, 'rock_name|lithology_name|name_en', 'lithology name (English)'),
  description: field(
    { intervals: O, catalog: O },
    '描述|岩性描述|备注|说明|description|comments|comment|remarks',
    'free text',
  ),
  sample_no: field(
    { samples: R },
    '样品编号|样号|样品号|sample_id|sample|sample_no|sampleid|sample number',
    'sample number, unique within its hole',
  ),
  sample_type: field({ samples: O }, '样品类型|样品种类|sample_type|type', 'sample type'),
  taken_for: field(
    { samples: O },
    '分析项目|用途|取样目的|taken_for|analysis',
    'what the sample was taken for',
  ),
  taken_at: field({ samples: O }, '采样日期|取样日期|taken_at|sample_date|date', 'date taken'),
  remaining_fraction: field(
    { samples: O },
    '剩余比例|剩余量|remaining_fraction|remaining',
    'fraction left: 0–1, or percent',
  ),
  record_no: field(
    { catalog: R },
    '档案号|档号|目录号|资料编号|编号|record_no|record_id|catalog_no',
    'catalog record number, unique',
  ),
  title_zh: field({ catalog: R }, '题名|资料名称|名称|标题|title|title_zh', 'title (Chinese)'),
  title_en: field({ catalog: O }, '英文题名|英文名称|title_en|english_title', 'title (English)'),
  material_type: field(
    { catalog: R },
    '资料类型|实物类型|实物资料类型|类型|material_type|material|type',
    '岩芯, 岩屑, 标本, 薄片, 样品, 其他 (core, cuttings, specimen, thin_section, sample, other)',
  ),
  dataset: field(
    { catalog: O },
    '数据集|dataset',
    'catalog: dataset of the linked hole, overriding --dataset',
  ),
  quantity: field({ catalog: O }, '数量|quantity|qty|amount', 'quantity'),
  unit: field({ catalog: O }, '单位|计量单位|unit', 'unit of the quantity'),
  year: field({ catalog: O }, '年份|年度|形成年份|year', 'year'),
} as const satisfies Record<string, FieldDefinition>;

export type ImportField = keyof typeof IMPORT_FIELDS;

/** The comparison key of a header or alias. */
export function normaliseHeader(header: string): string {
  const lower = header.normalize('NFKC').toLowerCase().trim();
  const withoutUnit = lower.replace(/[([【][^)\]】]*[)\]】]/g, '');
  const kept = /[\p{L}\p{N}]/u.test(withoutUnit) ? withoutUnit : lower;
  return kept.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Fields of a kind in a fixed order: the slots of a parsed row. */
export function fieldsOf(kind: RecordKind): ImportField[] {
  return (Object.keys(IMPORT_FIELDS) as ImportField[]).filter((f) => kindsOf(f)[kind] !== undefined);
}

function kindsOf(field: ImportField): Partial<Record<RecordKind, Need>> {
  return IMPORT_FIELDS[field].kinds;
}

export function requiredFieldsOf(kind: RecordKind): ImportField[] {
  return fieldsOf(kind).filter((f) => kindsOf(f)[kind] === 'required');
}

interface AliasHit {
  field: ImportField;
  rank: number;
}
const SHAPEFILE_LIMIT = 10;
const aliasTables = new Map<RecordKind, { exact: Map<string, AliasHit>; truncated: Map<string, AliasHit> }>();

/** Normalised alias → field for one kind; the tests assert no alias points at two fields of a kind. */
export function aliasTable(kind: RecordKind) {
  let table = aliasTables.get(kind);
  if (!table) {
    table = { exact: new Map(), truncated: new Map() };
    for (const field of fieldsOf(kind)) {
      IMPORT_FIELDS[field].aliases.forEach((alias, rank) => {
        const key = normaliseHeader(alias);
        if (!table!.exact.has(key)) table!.exact.set(key, { field, rank });
        const cut = alias.replace(/\s+/g, '_').slice(0, SHAPEFILE_LIMIT);
        if (alias.length > SHAPEFILE_LIMIT && !table!.truncated.has(normaliseHeader(cut))) {
          table!.truncated.set(normaliseHeader(cut), { field, rank: rank + 1000 });
        }
      });
    }
    aliasTables.set(kind, table);
  }
  return table;
}

export interface HeaderResolution {
  /** Column index of each field found. */
  columns: Partial<Record<ImportField, number>>;
  /** Required fields no column maps to. */
  missing: ImportField[];
  /** Headers the import does not read. */
  ignored: string[];
  /** `--columns` entries naming a field this kind does not have. */
  unknownFields: string[];
  /** `--columns` entries naming a header the file does not have. */
  unknownHeaders: string[];
}

/** The field named in `--columns` (its key or one of its aliases), if the kind has it. */
export function fieldNamed(kind: RecordKind, name: string): ImportField | undefined {
  const fields = fieldsOf(kind);
  const direct = fields.find((f) => f === name.trim().toLowerCase());
  return direct ?? aliasTable(kind).exact.get(normaliseHeader(name))?.field;
}

/** Maps headers to fields: explicit `--columns` first, then aliases by rank, then shapefile-truncated aliases. */
export function resolveHeaders(
  headers: readonly string[],
  kind: RecordKind,
  explicit: Readonly<Record<string, string>> = {},
): HeaderResolution {
  const columns: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  const unknownFields: string[] = [];
  const unknownHeaders: string[] = [];
  const keys = headers.map(normaliseHeader);
  for (const [name, header] of Object.entries(explicit)) {
    const field = fieldNamed(kind, name);
    if (!field) {
      unknownFields.push(name);
      continue;
    }
    let index = headers.findIndex((h) => h.trim() === header.trim());
    if (index < 0) index = keys.indexOf(normaliseHeader(header));
    if (index < 0) unknownHeaders.push(header);
    else {
      columns[field] = index;
      used.add(index);
    }
  }
  const { exact, truncated } = aliasTable(kind);
  const best = new Map<ImportField, { index: number; rank: number }>();
  keys.forEach((key, index) => {
    if (used.has(index)) return;
    const raw = headers[index]!.trim();
    const hit = exact.get(key) ?? (raw.length === SHAPEFILE_LIMIT ? truncated.get(key) : undefined);
    if (!hit || columns[hit.field] !== undefined) return;
    const current = best.get(hit.field);
    if (!current || hit.rank < current.rank) best.set(hit.field, { index, rank: hit.rank });
  });
  for (const [field, { index }] of best) {
    columns[field] = index;
    used.add(index);
  }
  return {
    columns,
    missing: requiredFieldsOf(kind).filter((f) => columns[f] === undefined),
    ignored: headers.filter((_, i) => !used.has(i)),
    unknownFields,
    unknownHeaders,
  };
}
