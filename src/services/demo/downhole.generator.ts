// Everything below the collar of one hole: the lithology column, downhole surveys every 50 m, the
// core boxes that tile the cored length, and a few samples. Each hole draws from its own seeded
// stream, so its detail is the same whichever other holes get detail.
import { publicId } from '../../domain/public-id.js';
import type { BoxRow, DemoHole, HoleDetail, LithologyRow, SampleRow, SurveyRow } from './demo.types.js';
import { isoDay } from './hole.generator.js';
import { lithologyColumn } from './lithology.generator.js';
import { Random, clamp, normaliseAzimuth, round } from './random.util.js';

const SURVEY_STEP = 50;
const BOXES_PER_LAYER = 6;
const LAYERS_PER_RACK = 5;
const LAST_SAMPLE_DAY = Date.UTC(2025, 5, 30);

/** Stations at 0, 50, 100 … m and at the bottom of the hole, with gentle drift. */
function surveys(hole: DemoHole, total: number, rng: Random): SurveyRow[] {
  const rows: SurveyRow[] = [];
  const vertical = hole.dip === 90;
  let azimuth = hole.azimuth;
  let dip = hole.dip;
  for (let depth = 0; ; depth += SURVEY_STEP) {
    const at = Math.min(depth, total);
    rows.push({ depth: at, azimuth: normaliseAzimuth(azimuth), dip: round(dip, 1) });
    if (at >= total) break;
    // Vertical holes wander off plumb a little; inclined ones lift or steepen and turn slowly.
    dip = vertical
      ? clamp(dip - Math.abs(rng.normal()) * 0.25, 84, 90)
      : clamp(dip + rng.normal() * 0.4 + 0.05, 45, 89.5);
    azimuth += rng.normal() * (vertical ? 3 : 0.8);
  }
  return rows;
}

/** Boxes of 4–6 m of hole each from where coring began to the bottom, with shelf places. */
function boxes(hole: DemoHole, total: number, rng: Random): BoxRow[] {
  const { dataset, hole_id } = hole.row;
  const rows: BoxRow[] = [];
  const endCm = Math.round(total * 100);
  let fromCm = Math.round(hole.coreFrom * 100);
  const zone = String.fromCharCode(65 + rng.int(0, 5));
  let row = rng.int(1, 40);
  let rack = rng.int(1, 30);
  let slot = 0;
  while (fromCm < endCm) {
    let toCm = fromCm + rng.int(400, 600);
    // A short remainder goes into the last box rather than a box of a few centimetres.
    if (toCm > endCm || endCm - toCm < 100) toCm = endCm;
    const layer = Math.floor(slot / BOXES_PER_LAYER) % LAYERS_PER_RACK;
    const boxNo = String(rows.length + 1);
    rows.push({
      public_id: publicId('box', String(dataset), String(hole_id), boxNo),
      box_no: boxNo,
      depth_from: fromCm / 100,
      depth_to: toCm / 100,
      shelf_location: `${zone}-${String(row).padStart(2, '0')}-${String(rack).padStart(2, '0')}-${layer + 1}`,
    });
    slot++;
    if (slot % (BOXES_PER_LAYER * LAYERS_PER_RACK) === 0) {
      rack = rack === 30 ? 1 : rack + 1;
      if (rack === 1) row = row === 40 ? 1 : row + 1;
    }
    fromCm = toCm;
  }
  return rows;
}

const PURPOSES = [
  { taken: '化学分析', prefix: 'H', type: 'half_core', weight: 50, remaining: [0.5, 0.5] },
  { taken: '薄片鉴定', prefix: 'B', type: 'chip', weight: 18, remaining: [0.93, 0.99] },
  { taken: '光片鉴定', prefix: 'G', type: 'chip', weight: 8, remaining: [0.93, 0.99] },
  { taken: '同位素测年', prefix: 'T', type: 'quarter_core', weight: 6, remaining: [0.7, 0.8] },
  { taken: '物性测试', prefix: 'W', type: 'whole_core', weight: 6, remaining: [0.5, 0.7] },
  { taken: '高光谱扫描', prefix: 'S', type: 'whole_core', weight: 7, remaining: [1, 1] },
  { taken: '组合分析', prefix: 'ZH', type: 'quarter_core', weight: 5, remaining: [0.75, 0.75] },
] as const;

/** A few samples, mostly from the ore zone, taken in the months after drilling. */
function samples(hole: DemoHole, lithology: LithologyRow[], total: number, rng: Random): SampleRow[] {
  const { dataset, hole_id, drill_end } = hole.row;
  const count = rng.chance(0.1) ? 0 : rng.int(1, 6);
  const oreZones = lithology.filter((l) => String(l.name_zh).includes('（'));
  const counters = new Map<string, number>();
  const drilled = Date.parse(`${String(drill_end)}T00:00:00Z`);
  const rows: SampleRow[] = [];
  for (let i = 0; i < count; i++) {
    const p = rng.weighted(PURPOSES, (x) => x.weight);
    const zone = oreZones.length && rng.chance(0.7) ? rng.pick(oreZones) : undefined;
    const lo = zone ? Number(zone.depth_from) : hole.coreFrom;
    const hi = zone ? Number(zone.depth_to) : total;
    const length = p.type === 'chip' ? 0.1 : rng.range(0.5, 2);
    const from = round(rng.range(lo, Math.max(lo, hi - length)), 2);
    const to = round(Math.min(total, from + length), 2);
    if (!(to > from)) continue;
    const n = (counters.get(p.prefix) ?? 0) + 1;
    counters.set(p.prefix, n);
    const sampleNo = `${String(hole_id)}-${p.prefix}${n}`;
    rows.push({
      public_id: publicId('sample', String(dataset), String(hole_id), sampleNo),
      sample_no: sampleNo,
      depth_from: from,
      depth_to: to,
      sample_type: p.type,
      taken_for: p.taken,
      taken_at: isoDay(Math.min(drilled + rng.int(10, 720) * 86_400_000, LAST_SAMPLE_DAY)),
      remaining_fraction: round(rng.range(p.remaining[0], p.remaining[1]), 2),
    });
  }
  return rows;
}

/** Lithology, surveys, core boxes and samples of one hole. */
export function holeDetail(hole: DemoHole): HoleDetail {
  const rng = new Random(hole.seed);
  const total = Number(hole.row.total_depth);
  const lithology = lithologyColumn(hole, rng);
  return {
    lithology,
    surveys: surveys(hole, total, rng),
    boxes: boxes(hole, total, rng),
    samples: samples(hole, lithology, total, rng),
  };
}
