// Deposits (mining areas) and their boreholes. Each deposit sits in a mining county, takes its
// commodities and deposit type from the county's metallogenic belt, and is drilled on a grid of
// exploration lines (勘探线) across strike, so hole ids read ZK0801, ZK1616… like real ones.
import {
  BELTS,
  COMMODITIES,
  COUNTIES,
  DEPOSIT_TYPES,
  PROVINCES,
  provinceByCode,
  type County,
  type FamousDeposit,
} from '../../domain/china.js';
import type { DemoDeposit, DemoParties, DepositorRef } from './demo.types.js';
import { PLACES } from './names.data.js';
import { Random, clamp, deriveSeed, round } from './random.util.js';

const commodityByCode = new Map(COMMODITIES.map((c) => [c.code, c]));
const typeByKey = new Map(DEPOSIT_TYPES.map((t) => [t.key, t]));
const beltByKey = new Map(BELTS.map((b) => [b.key, b]));
const countiesByProvince = new Map<string, County[]>();
for (const c of COUNTIES)
  countiesByProvince.set(c.province, [...(countiesByProvince.get(c.province) ?? []), c]);

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo reference data: unknown ${what}`);
  return value;
}

/** Earlier items weigh more: 1, ½, ⅓ … */
function pickRanked<T>(rng: Random, items: readonly T[]): T {
  return rng.weighted(
    items.map((item, i) => ({ item, w: 1 / (i + 1) })),
    (x) => x.w,
  ).item;
}

/** Years drilling campaigns started in: the 1958 start, the 1980s peak, the 2005–2016 boom. */
const ERAS: ReadonlyArray<readonly [number, number, number]> = [
  [1958, 1965, 8],
  [1966, 1978, 12],
  [1979, 1995, 28],
  [1996, 2004, 10],
  [2005, 2016, 34],
  [2017, 2023, 8],
];

const STAGES = { 普查: 25, 详查: 35, 勘探: 32, 生产勘探: 8 } as const;

const FOCUS_BY_COMMODITY: Readonly<Record<string, string>> = {
  coal: 'coal',
  U: 'nuclear',
  Au: 'gold',
  Fe: 'iron',
  phosphate: 'nonmetal',
  potash: 'nonmetal',
  halite: 'nonmetal',
  fluorite: 'nonmetal',
  graphite: 'nonmetal',
  magnesite: 'nonmetal',
};

/** The order famous deposits appear in, shuffled by the seed so small runs differ between seeds. */
export function famousOrder(seed: number, list: readonly FamousDeposit[]): FamousDeposit[] {
  const rng = new Random(deriveSeed(seed, 'famous'));
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function chooseDepositors(
  rng: Random,
  parties: DemoParties,
  province: string,
  primary: string,
  stage: string,
  operator: string | undefined,
): string[] {
  const focus = stage === '科学钻探' ? 'science' : (FOCUS_BY_COMMODITY[primary] ?? 'metal');
  const local = parties.depositorsByProvince.get(province) ?? [];
  const fits = (r: DepositorRef) =>
    r.focus === focus || r.focus === 'general' || (focus === 'gold' && r.focus === 'metal');
  const localFit = local.filter(fits);
  const nationalFit = parties.national.filter((r) => r.focus === focus);
  const main =
    nationalFit.length && (rng.chance(0.2) || !localFit.length || focus === 'science')
      ? rng.pick(nationalFit).code
      : rng.pick(localFit.length ? localFit : local).code;
  const out = [main];
  const op = operator ? parties.operators.get(operator) : undefined;
  if (op) out.push(op);
  else if (local.length > 1 && rng.chance(0.4)) {
    const other = rng.pick(local).code;
    if (other !== main) out.push(other);
  }
  return out;
}

/** A deposit, either one of the well-known ones or a generated long-tail mining area. */
export function planDeposit(
  seed: number,
  index: number,
  famous: FamousDeposit | undefined,
  parties: DemoParties,
  maxHoles: number,
): DemoDeposit {
  const rng = new Random(deriveSeed(seed, 'deposit', index));
  const province = famous
    ? must(provinceByCode(famous.province), famous.province)
    : rng.weighted(PROVINCES, (p) => p.weight);
  const county = famous ? undefined : rng.pick(must(countiesByProvince.get(province.code), province.code));
  const belt = must(beltByKey.get(famous?.belt ?? county!.belt), 'belt');
  let commodityCodes: string[];
  let typeKey: string;
  if (famous) {
    commodityCodes = [...famous.commodities];
    typeKey = famous.type;
  } else {
    const primary = must(commodityByCode.get(pickRanked(rng, belt.commodities)), 'commodity');
    typeKey = pickRanked(rng, primary.types);
    commodityCodes = [primary.code];
    for (const a of primary.associates) {
      if (commodityCodes.length < 3 && rng.chance(belt.commodities.includes(a) ? 0.45 : 0.12))
        commodityCodes.push(a);
    }
  }
  const commodities = commodityCodes.map((c) => must(commodityByCode.get(c), c));
  const type = must(typeByKey.get(typeKey), typeKey);
  const scientific = famous?.name.includes('科学钻探') ?? false;
  const stage = scientific ? '科学钻探' : typeKey === 'geothermal' ? '地热勘查' : rng.choose(STAGES);
  const [eraFrom, eraTo] = rng.weighted(ERAS, (e) => e[2]);
  const firstYear = rng.int(eraFrom, eraTo);
  const lastYear = Math.min(2024, firstYear + rng.int(0, 6));

  let name: string;
  let lon: number;
  let lat: number;
  let elev: number;
  if (famous) {
    ({ name, lon, lat, elev } = famous);
  } else {
    const c = county!;
    const place = rng.pick(PLACES[c.toponymy ?? province.toponymy]);
    const stems = commodities.map((x) => x.stem);
    const what =
      commodities[0]!.code === 'geothermal'
        ? '地热田'
        : stems.length === 3
          ? `${stems[0]}多金属矿区`
          : `${stems.join('')}矿区`;
    name = `${province.short}${c.zh}${place}${what}`;
    // Within ~15 km of the county seat, kept inside the province's box.
    const r = 0.15 * Math.sqrt(rng.next());
    const a = rng.range(0, 2 * Math.PI);
    const [minLon, minLat, maxLon, maxLat] = province.bbox;
    lat = clamp(c.lat + r * Math.sin(a), minLat + 0.05, maxLat - 0.05);
    lon = clamp(c.lon + (r * Math.cos(a)) / Math.cos((c.lat * Math.PI) / 180), minLon + 0.05, maxLon - 0.05);
    elev = Math.max(2, c.elev * Math.exp(0.1 * rng.normal()));
  }
  const holes = famous
    ? clamp(Math.round(rng.logNormal(70, 0.5)), 30, 200)
    : clamp(Math.round(rng.logNormal(18, 0.75)), 5, 200);
  return {
    index,
    dataset: `KQ-${province.code}-${String(index).padStart(5, '0')}`,
    name,
    province,
    county: famous?.county ?? county!.zh,
    belt,
    commodities,
    type,
    lon: round(lon, 6),
    lat: round(lat, 6),
    elev: round(elev, 1),
    stage,
    firstYear,
    lastYear,
    depositors: chooseDepositors(rng, parties, province.code, commodities[0]!.code, stage, famous?.operator),
    holeCount: Math.min(holes, maxHoles),
  };
}
