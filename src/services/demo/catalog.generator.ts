// Catalog records of physical geological materials (实物地质资料目录). Most describe the core,
// thin sections, duplicate samples or cuttings of one borehole; the rest are deposit ore specimens,
// regional-survey specimen collections and the oil/gas and marine cores of entrusted custodians.
import { PROVINCES, type Province } from '../../domain/china.js';
import { publicId } from '../../domain/public-id.js';
import type { MaterialType } from '../../domain/vocabulary.js';
import {
  NATIONAL_CENTRE_CODE,
  provincialRepositoryCode,
  type CatalogRow,
  type DemoCatalogRecord,
  type DemoDeposit,
  type DemoHole,
} from './demo.types.js';
import { isoTimestamp } from './hole.generator.js';
import { ENTRUSTED } from './names.data.js';
import { Random, deriveSeed, round } from './random.util.js';

const LAST_RECORD_DAY = Date.UTC(2025, 5, 30);

/** Hands out record numbers like DZ-540000-2013-000123, counting per prefix, province and year. */
export class CatalogNumbering {
  private readonly counters = new Map<string, number>();

  next(prefix: string, province: string, year: number): string {
    const key = `${prefix}-${province}-${year}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return `${key}-${String(n).padStart(6, '0')}`;
  }
}

interface Draft {
  prefix: string;
  province: string;
  year: number;
  title: string;
  titleEn: string;
  material: MaterialType;
  quantity: number;
  unit: string;
  custodian: string;
  description: string | null;
  hole: DemoHole | null;
}

function finish(d: Draft, numbering: CatalogNumbering, rng: Random): DemoCatalogRecord {
  const recordNo = numbering.next(d.prefix, d.province, d.year);
  const created = isoTimestamp(
    Math.min(Date.UTC(d.year, 0, 1) + rng.int(0, 364) * 86_400_000, LAST_RECORD_DAY),
  );
  const row: CatalogRow = {
    public_id: publicId('catalog', recordNo),
    record_no: recordNo,
    title_zh: d.title,
    title_en: d.titleEn,
    material_type: d.material,
    province_code: d.province,
    quantity: d.quantity,
    unit: d.unit,
    year: d.year,
    description: d.description,
    created_at: created,
    updated_at: created,
  };
  return {
    row,
    dataset: d.hole ? String(d.hole.row.dataset) : null,
    holeId: d.hole ? String(d.hole.row.hole_id) : null,
    custodianCode: d.custodian,
  };
}

const HOLE_EXTRAS = [
  {
    material: 'thin_section',
    zh: '钻孔岩矿鉴定薄片',
    en: 'Thin sections',
    unit: '片',
    min: 5,
    max: 120,
    w: 35,
  },
  {
    material: 'sample',
    zh: '钻孔化学分析副样',
    en: 'Duplicate assay samples',
    unit: '件',
    min: 10,
    max: 400,
    w: 35,
  },
  { material: 'cuttings', zh: '钻孔岩屑', en: 'Drill cuttings', unit: '箱', min: 2, max: 40, w: 15 },
  { material: 'other', zh: '钻孔岩粉样', en: 'Rock powder samples', unit: '件', min: 5, max: 80, w: 15 },
] as const;

function holeRecord(hole: DemoHole, extra: number, batch: number, rng: Random): Draft {
  const { row, deposit } = hole;
  const hid = String(row.hole_id);
  const drilled = Number(String(row.drill_end).slice(0, 4));
  const base = {
    prefix: 'DZ',
    province: deposit.province.code,
    year: Math.min(2025, drilled + rng.int(0, 2)),
    custodian: hole.custodianCode,
    hole,
  };
  const suffix = batch > 1 ? `（第${batch}批）` : '';
  if (extra < 0) {
    const cored = Number(row.total_depth) - hole.coreFrom;
    const inBoxes = rng.chance(0.5);
    return {
      ...base,
      title: `${deposit.name}${hid}钻孔岩芯${suffix}`,
      titleEn: `Drill core of borehole ${hid} (${deposit.dataset})`,
      material: 'core',
      quantity: inBoxes ? Math.ceil(cored / 5) : Number(row.core_length),
      unit: inBoxes ? '箱' : '米',
      description: `孔深${String(row.total_depth)}米，岩芯长${String(row.core_length)}米，采取率${Math.round(Number(row.recovery) * 100)}%`,
    };
  }
  const e = HOLE_EXTRAS[extra]!;
  return {
    ...base,
    title: `${deposit.name}${hid}${e.zh}${suffix}`,
    titleEn: `${e.en} of borehole ${hid} (${deposit.dataset})`,
    material: e.material,
    quantity: rng.int(e.min, e.max),
    unit: e.unit,
    description: null,
  };
}

function custodianFor(province: Province, depositor: string | undefined, rng: Random): string {
  const r = rng.next();
  if (r < 0.15 || (!depositor && r < 0.3)) return NATIONAL_CENTRE_CODE;
  if (r < 0.65 || !depositor) return provincialRepositoryCode(province.code);
  return depositor;
}

/** Records not tied to a borehole: regional collections and entrusted oil/gas and marine cores. */
function looseRecord(deposit: DemoDeposit | undefined, rng: Random): Draft {
  const r = rng.next();
  if (deposit && r < 0.7) {
    const specimen = r < 0.45;
    return {
      prefix: 'DZ',
      province: deposit.province.code,
      year: rng.int(deposit.firstYear, Math.min(2025, deposit.lastYear + 2)),
      title: `${deposit.name}${specimen ? '矿石标本' : '组合分析副样'}`,
      titleEn: `${specimen ? 'Ore specimens' : 'Composite assay samples'}, ${deposit.dataset}`,
      material: specimen ? 'specimen' : 'sample',
      quantity: rng.int(20, 300),
      unit: '件',
      custodian: custodianFor(deposit.province, deposit.depositors[0], rng),
      description: null,
      hole: null,
    };
  }
  if (r < 0.85 || !deposit) {
    const province = deposit?.province ?? rng.weighted(PROVINCES, (p) => p.weight);
    const specimen = rng.chance(0.6);
    const where = deposit ? `${province.short}${deposit.county}` : province.short;
    const scale = rng.pick(['1:5万', '1:20万', '1:25万']);
    return {
      prefix: 'DZ',
      province: province.code,
      year: rng.int(1960, 2024),
      title: `${where}${scale}区域地质调查${specimen ? '岩石标本' : '岩矿鉴定薄片'}`,
      titleEn: `Regional geological survey (${scale}) ${specimen ? 'rock specimens' : 'thin sections'}, ${province.en}`,
      material: specimen ? 'specimen' : 'thin_section',
      quantity: rng.int(20, 800),
      unit: specimen ? '件' : '片',
      custodian: custodianFor(province, undefined, rng),
      description: null,
      hole: null,
    };
  }
  const e = rng.pick(ENTRUSTED);
  const [area, prefixes] = rng.pick(e.areas);
  const n = rng.int(1, 999);
  const tag = rng.pick(prefixes);
  const oil = e.kind === 'oil';
  return {
    prefix: oil ? 'YQ' : 'HY',
    province: e.province,
    year: rng.int(oil ? 1965 : 1980, 2024),
    title: oil ? `${area}${tag}${n}井岩芯` : `${area}${tag}-${n}站位沉积物柱状样`,
    titleEn: oil ? `Core of well ${tag}${n}, ${area}` : `Sediment core, station ${tag}-${n}`,
    material: 'core',
    quantity: round(oil ? rng.range(5, 300) : rng.range(1, 12), 2),
    unit: '米',
    custodian: e.code,
    description: null,
    hole: null,
  };
}

/**
 * `quota` records for a deposit: first one core record per hole, then more material of its holes,
 * with about a fifth not tied to a hole.
 */
export function depositCatalog(
  seed: number,
  deposit: DemoDeposit,
  holes: readonly DemoHole[],
  quota: number,
  numbering: CatalogNumbering,
): DemoCatalogRecord[] {
  const rng = new Random(deriveSeed(seed, 'catalog', deposit.index));
  const loose = holes.length ? Math.min(quota, Math.floor(quota * 0.2 + rng.next())) : quota;
  const out: DemoCatalogRecord[] = [];
  const batches = new Map<string, number>();
  for (let i = 0; i < quota - loose; i++) {
    const hole = holes[i % holes.length]!;
    const extra = i < holes.length ? -1 : HOLE_EXTRAS.indexOf(rng.weighted(HOLE_EXTRAS, (x) => x.w));
    const key = `${String(hole.row.hole_id)}:${extra}`;
    const batch = (batches.get(key) ?? 0) + 1;
    batches.set(key, batch);
    out.push(finish(holeRecord(hole, extra, batch, rng), numbering, rng));
  }
  for (let i = 0; i < loose; i++) out.push(finish(looseRecord(deposit, rng), numbering, rng));
  return out;
}

/** Records beyond what the boreholes call for (or all of them when there are no boreholes). */
export function regionalCatalog(
  seed: number,
  batch: number,
  count: number,
  numbering: CatalogNumbering,
): DemoCatalogRecord[] {
  const rng = new Random(deriveSeed(seed, 'regional', batch));
  return Array.from({ length: count }, () => finish(looseRecord(undefined, rng), numbering, rng));
}
