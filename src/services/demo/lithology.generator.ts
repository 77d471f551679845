// A borehole's lithology column (钻孔柱状图): Quaternary cover on top, then the deposit type's host
// rocks from top to bottom, with the ore zone (矿体/矿化带, coal seams, a geothermal reservoir) in
// the depth window where that type carries it. Depths are whole centimetres, so the intervals tile
// 0…total depth exactly: each interval starts where the one above ends.
import { COMMODITIES, rockByCode, type Rock } from '../../domain/china.js';
import type { DemoHole, LithologyRow } from './demo.types.js';
import { COVER_DESCRIPTIONS, ORE_TEXTURES, hostDescriptions } from './names.data.js';
import { clamp, type Random } from './random.util.js';

const commodityByCode = new Map(COMMODITIES.map((c) => [c.code, c]));

/** Relative depth window (0 = collar, 1 = bottom) where each type's ore usually lies. */
const ORE_WINDOW: Readonly<Record<string, readonly [number, number]>> = {
  ion_adsorption: [0, 0.35],
  placer: [0, 0.45],
  brine: [0.05, 0.7],
  geothermal: [0.55, 1],
  coal_measure: [0.3, 1],
  sedimentary: [0.3, 0.95],
};

function rock(code: string): Rock {
  const r = rockByCode(code);
  if (!r) throw new Error(`demo reference data: unknown rock ${code}`);
  return r;
}

/** Interval boundaries in centimetres: cover, then `count` pieces of varied thickness. */
function boundaries(rng: Random, coverCm: number, totalCm: number, count: number): number[] {
  const weights = Array.from({ length: count }, () => 0.25 + rng.next() ** 2 * 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = [0, coverCm];
  let acc = 0;
  for (let i = 0; i < count - 1; i++) {
    acc += weights[i]!;
    out.push(coverCm + Math.round(((totalCm - coverCm) * acc) / sum));
  }
  out.push(totalCm);
  // Rounding can only merge neighbours when pieces are under a centimetre; drop such repeats.
  return out.filter((b, i) => i === 0 || b > out[i - 1]!);
}

/** Lithology rows for one hole; `rng` is the hole's own stream. */
export function lithologyColumn(hole: DemoHole, rng: Random): LithologyRow[] {
  const { type } = hole.deposit;
  const totalCm = Math.round(Number(hole.row.total_depth) * 100);
  const coverCm = Math.round(hole.cover * 100);
  const count = clamp(Math.round(totalCm / 3500 + rng.int(-3, 3)), 4, 39);
  const cuts = boundaries(rng, coverCm, totalCm, count);
  const pieces = cuts.length - 1;

  const primary = commodityByCode.get(hole.commodities[0] ?? '');
  const oreCode = type.oreFromCommodity ? (primary?.oreRock ?? type.hosts[0]!) : rng.pick(type.ore);
  const [top, bottom] = ORE_WINDOW[type.key] ?? [0.25, 0.95];
  const candidates: number[] = [];
  for (let i = 1; i < pieces; i++) {
    const mid = (cuts[i]! + cuts[i + 1]!) / 2 / totalCm;
    if (mid >= top && mid <= bottom) candidates.push(i);
  }
  const ore = new Set<number>();
  if (candidates.length) {
    if (type.key === 'coal_measure' || type.key === 'sedimentary') {
      // Seams and beds: several thin ore layers scattered through the sequence.
      const seams = rng.int(1, Math.min(6, candidates.length));
      for (let s = 0; s < seams; s++) ore.add(rng.pick(candidates));
    } else {
      // One ore body, one to three intervals thick.
      const first = rng.int(0, candidates.length - 1);
      const thick = rng.int(1, 3);
      for (let s = 0; s < thick && first + s < candidates.length; s++) ore.add(candidates[first + s]!);
    }
  }

  const rows: LithologyRow[] = [];
  for (let i = 0; i < pieces; i++) {
    const from = cuts[i]! / 100;
    const to = cuts[i + 1]! / 100;
    if (i === 0) {
      const q = rock('Q');
      rows.push({
        depth_from: from,
        depth_to: to,
        code: q.code,
        name_zh: q.zh,
        name_en: q.en,
        description: rng.pick(COVER_DESCRIPTIONS),
      });
      continue;
    }
    if (ore.has(i)) {
      const r = rock(oreCode);
      const minerals = primary?.minerals ?? '';
      rows.push({
        depth_from: from,
        depth_to: to,
        code: r.code,
        name_zh: `${r.zh}（${type.oreLabel}）`,
        name_en: `${r.en} (${type.key === 'geothermal' ? 'reservoir' : 'ore zone'})`,
        description: `${type.oreLabel}：${rng.pick(ORE_TEXTURES)}${minerals}`,
      });
      continue;
    }
    // Hosts follow the type's order from top to bottom, with some back-and-forth.
    const f = (cuts[i]! + cuts[i + 1]!) / 2 / totalCm;
    const at = clamp(Math.floor(f * type.hosts.length) + rng.int(-1, 1), 0, type.hosts.length - 1);
    const r = rock(type.hosts[at]!);
    rows.push({
      depth_from: from,
      depth_to: to,
      code: r.code,
      name_zh: r.zh,
      name_en: r.en,
      description: rng.pick(hostDescriptions(r.code)),
    });
  }
  return rows;
}
