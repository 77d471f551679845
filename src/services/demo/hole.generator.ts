// The boreholes of one deposit: an exploration-line grid rotated to the deposit's strike, collar
// elevations that follow the local relief, skewed depths, and class, custody and funding drawn so
// they agree with each other (Ⅰ → national centre, Ⅱ → provincial repository, Ⅲ → depositor).
import { publicId } from '../../domain/public-id.js';
import type { CoreClass, FundingSource } from '../../domain/vocabulary.js';
import {
  NATIONAL_CENTRE_CODE,
  provincialRepositoryCode,
  type DemoDeposit,
  type DemoHole,
  type DemoPlan,
} from './demo.types.js';
import { Random, clamp, deriveSeed, normaliseAzimuth, round } from './random.util.js';

const DAY_MS = 86_400_000;
const LAST_DRILL_DAY = Date.UTC(2024, 11, 31);
const LAST_RECORD_DAY = Date.UTC(2025, 5, 30);
const METRES_PER_DEGREE = 111_320;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoTimestamp(ms: number): string {
  return `${isoDay(ms)}T00:00:00.000Z`;
}

const CLASSES: Readonly<Record<CoreClass, number>> = { I: 5, II: 25, III: 70 };
const FUNDING: Readonly<Record<CoreClass, Readonly<Record<FundingSource, number>>>> = {
  I: { central_fiscal: 75, local_fiscal: 17, enterprise: 5, self_funded: 3, private: 0 },
  II: { central_fiscal: 33, local_fiscal: 50, enterprise: 10, self_funded: 7, private: 0 },
  III: { central_fiscal: 7, local_fiscal: 8, enterprise: 45, self_funded: 30, private: 10 },
};
const CONFIDENTIALITY = { public: 88, internal: 10, classified: 2 } as const;
const OTHER_PURPOSES = { 普查: 30, 详查: 30, 勘探: 25, 水文地质: 7, 工程地质: 5, 科学钻探: 3 } as const;

/** Share of inclined holes: steep veins and shear zones are cut at an angle, flat beds vertically. */
function inclinedShare(type: string): number {
  switch (type) {
    case 'vein':
    case 'altered_rock':
    case 'epithermal':
    case 'skarn':
    case 'pegmatite':
      return 0.55;
    case 'porphyry':
    case 'bif':
    case 'magmatic_sulfide':
    case 'carlin':
      return 0.3;
    case 'coal_measure':
    case 'sedimentary':
    case 'sandstone':
    case 'geothermal':
    case 'brine':
    case 'ion_adsorption':
    case 'placer':
      return 0.02;
    default:
      return 0.2;
  }
}

/** Exploration lines and holes per line, keeping line numbers under 100 (ZK + 2 + 2 digits). */
function grid(rng: Random, n: number): { lines: number[]; perLine: number } {
  const count = clamp(Math.round(Math.sqrt(n / 1.8)), 1, 33);
  const step = [8, 4, 2].find((s) => (count - 1) * s + 3 <= 99) ?? 3;
  const start = rng.pick([0, 0, 1, 3]);
  return { lines: Array.from({ length: count }, (_, i) => start + i * step), perLine: Math.ceil(n / count) };
}

/** All holes of a deposit, in line order. */
export function depositHoles(deposit: DemoDeposit, plan: DemoPlan): DemoHole[] {
  const rng = new Random(deriveSeed(plan.seed, 'holes', deposit.index));
  const n = deposit.holeCount;
  const { lines, perLine } = grid(rng, n);
  const strike = rng.range(0, 180);
  const lineSpacing = rng.pick([100, 160, 200, 320, 400]);
  const holeSpacing = rng.pick([50, 80, 100, 160, 200]);
  const dipDirection = (strike + (rng.chance(0.5) ? 90 : 270)) % 360;
  const inclined = inclinedShare(deposit.type.key);
  const depthMedian = deposit.type.depth * rng.logNormal(1, 0.25);
  const coverMedian = deposit.elev < 200 ? rng.logNormal(35, 0.6) : rng.logNormal(5, 0.7);
  const relief = deposit.elev < 200 ? deposit.elev * 0.15 + 1 : 20 + deposit.elev * 0.04;
  const phase = rng.range(0, 2 * Math.PI);
  const theta = (strike * Math.PI) / 180;
  const cosLat = Math.cos((deposit.lat * Math.PI) / 180);

  const holes: DemoHole[] = [];
  for (let k = 0; holes.length < n; k++) {
    const line = k % lines.length;
    const seq = Math.floor(k / lines.length) + 1;
    if (seq > perLine + 2) break;
    const holeId = `ZK${String(lines[line]).padStart(2, '0')}${String(seq).padStart(2, '0')}`;
    const along = (line - (lines.length - 1) / 2) * lineSpacing + rng.range(-10, 10);
    const across = (seq - (perLine + 1) / 2) * holeSpacing + rng.range(-15, 15);
    const east = along * Math.sin(theta) + across * Math.cos(theta);
    const north = along * Math.cos(theta) - across * Math.sin(theta);
    const lon = round(deposit.lon + east / (METRES_PER_DEGREE * cosLat), 6);
    const lat = round(deposit.lat + north / METRES_PER_DEGREE, 6);
    const elev = Math.max(
      0.5,
      deposit.elev +
        relief * Math.sin(phase + along / 700) * Math.cos(across / 500) +
        rng.normal() * relief * 0.1,
    );
    const totalDepth = round(clamp(rng.logNormal(depthMedian, 0.45), 50, 2000), 2);
    const cover = round(clamp(rng.logNormal(coverMedian, 0.5), 0.5, totalDepth * 0.4), 2);
    const coreFrom = cover > 15 ? cover : 0;
    const recovery = round(0.99 - 0.29 * rng.next() ** 2, 2);
    const year = rng.int(deposit.firstYear, deposit.lastYear);
    const start = Math.min(Date.UTC(year, 0, 1) + rng.int(0, 364) * DAY_MS, LAST_DRILL_DAY);
    const metresPerDay = year < 1990 ? rng.range(8, 25) : rng.range(15, 45);
    const end = Math.min(start + Math.ceil(totalDepth / metresPerDay) * DAY_MS, LAST_DRILL_DAY);
    const created = Math.min(end + rng.int(180, 900) * DAY_MS, LAST_RECORD_DAY);
    const coreClass = rng.choose(CLASSES);
    const depositorCode = rng.chance(0.8) ? deposit.depositors[0]! : rng.pick(deposit.depositors);
    const custodianCode =
      coreClass === 'I'
        ? NATIONAL_CENTRE_CODE
        : coreClass === 'II'
          ? provincialRepositoryCode(deposit.province.code)
          : depositorCode;
    const purpose = rng.chance(0.85) ? deposit.stage : rng.choose(OTHER_PURPOSES);
    const isInclined = rng.chance(inclined);
    const seed = deriveSeed(plan.seed, 'hole', deposit.index, k);
    const commodities = deposit.commodities.map((c) => c.code);
    holes.push({
      row: {
        public_id: publicId('borehole', deposit.dataset, holeId),
        dataset: deposit.dataset,
        hole_id: holeId,
        name: `${deposit.name} ${holeId}`,
        project: `${deposit.name}${deposit.stage}`,
        deposit_name: deposit.name,
        province_code: deposit.province.code,
        county: deposit.county,
        lon,
        lat,
        src_crs: 'EPSG:4490',
        src_x: lon,
        src_y: lat,
        collar_elev: round(elev, 1),
        total_depth: totalDepth,
        drill_start: isoDay(start),
        drill_end: isoDay(end),
        purpose,
        commodities: JSON.stringify(commodities),
        deposit_type: deposit.type.zh,
        tectonic_unit: deposit.belt.tectonicUnit,
        metallogenic_belt: deposit.belt.zh,
        core_class: coreClass,
        funding_source: rng.choose(FUNDING[coreClass]),
        ownership_dispute: rng.chance(0.01) ? 1 : 0,
        confidentiality: rng.choose(CONFIDENTIALITY),
        core_length: round((totalDepth - coreFrom) * recovery, 2),
        recovery,
        created_at: isoTimestamp(created),
        updated_at: isoTimestamp(created),
      },
      deposit,
      custodianCode,
      depositorCode,
      commodities,
      seed,
      detailed: plan.detail >= 1 || new Random(deriveSeed(seed, 'detail')).next() < plan.detail,
      cover,
      coreFrom,
      azimuth: isInclined ? normaliseAzimuth(dipDirection + rng.normal() * 4) : round(rng.range(0, 359.9), 1),
      dip: isInclined ? round(rng.range(60, 85), 1) : 90,
    });
  }
  return holes;
}
