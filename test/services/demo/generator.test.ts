import { describe, expect, it } from 'vitest';
import { inChina, inProvinceBox, provinceByCode } from '../../../src/domain/china.js';
import { checkIntervals } from '../../../src/domain/intervals.js';
import { InvalidInputError } from '../../../src/services/errors.js';
import type { DemoHole, DemoPlan } from '../../../src/services/demo/demo.types.js';
import { holeDetail } from '../../../src/services/demo/downhole.generator.js';
import { demoStream, resolvePlan } from '../../../src/services/demo/national.generator.js';
import { demoParties } from '../../../src/services/demo/parties.generator.js';

function generate(plan: DemoPlan) {
  const holes: DemoHole[] = [];
  const catalog = [];
  let chunks = 0;
  for (const chunk of demoStream(plan, demoParties(plan.seed), 200)) {
    chunks++;
    holes.push(...chunk.holes);
    catalog.push(...chunk.catalog);
  }
  return { holes, catalog, chunks };
}

const plan = resolvePlan({ boreholes: 1000, seed: 7 });
const data = generate(plan);

describe('demo generator', () => {
  it('fills in documented defaults and rejects nonsense', () => {
    expect(resolvePlan({ boreholes: 20_000 })).toMatchObject({ catalog: 40_000, detail: 1, seed: 1958 });
    expect(resolvePlan({ boreholes: 1_050_000 }).detail).toBeCloseTo(20_000 / 1_050_000);
    expect(resolvePlan({ boreholes: 10, seed: 'coreshare' }).seed).toBe(
      resolvePlan({ boreholes: 1, seed: 'coreshare' }).seed,
    );
    expect(() => resolvePlan({ boreholes: -1 })).toThrow(InvalidInputError);
    expect(() => resolvePlan({ boreholes: 10, detail: 2 })).toThrow(InvalidInputError);
  });

  it('makes exactly the boreholes and catalog records asked for, in bounded chunks', () => {
    expect(data.holes).toHaveLength(1000);
    expect(data.catalog).toHaveLength(2000);
    expect(data.chunks).toBeGreaterThan(3);
    const onlyCatalog = generate(resolvePlan({ boreholes: 0, catalog: 12_345 }));
    expect(onlyCatalog.holes).toHaveLength(0);
    expect(onlyCatalog.catalog).toHaveLength(12_345);
    expect(generate(resolvePlan({ boreholes: 50, catalog: 0 })).catalog).toHaveLength(0);
  });

  it('gives the same data for the same seed and different data for another', () => {
    const again = generate(plan);
    expect(again.holes.map((h) => h.row)).toEqual(data.holes.map((h) => h.row));
    expect(again.catalog.map((c) => c.row)).toEqual(data.catalog.map((c) => c.row));
    expect(holeDetail(again.holes[17]!)).toEqual(holeDetail(data.holes[17]!));
    const other = generate(resolvePlan({ boreholes: 1000, seed: 8 }));
    expect(other.holes.map((h) => h.row.name)).not.toEqual(data.holes.map((h) => h.row.name));
  });

  it('keeps collars, and the holes themselves, unchanged when only the detail share changes', () => {
    const thin = generate({ ...plan, detail: 0.1 });
    expect(thin.holes.map((h) => h.row)).toEqual(data.holes.map((h) => h.row));
    const detailed = thin.holes.filter((h) => h.detailed).length;
    expect(detailed).toBeGreaterThan(50);
    expect(detailed).toBeLessThan(160);
  });

  it('clusters holes on exploration-line grids around their deposit, inside China and the province', () => {
    const ids = new Set<string>();
    for (const h of data.holes) {
      const { row, deposit } = h;
      expect(row.hole_id).toMatch(/^ZK\d{4}$/);
      expect(row.name).toBe(`${deposit.name} ${String(row.hole_id)}`);
      const key = `${String(row.dataset)}/${String(row.hole_id)}`;
      expect(ids.has(key)).toBe(false);
      ids.add(key);
      const lon = Number(row.lon);
      const lat = Number(row.lat);
      expect(inChina(lon, lat)).toBe(true);
      expect(inProvinceBox(provinceByCode(String(row.province_code))!, lon, lat)).toBe(true);
      const km = Math.hypot(
        (lon - deposit.lon) * 111 * Math.cos((lat * Math.PI) / 180),
        (lat - deposit.lat) * 111,
      );
      expect(km).toBeLessThan(6);
      expect(row.src_crs).toBe('EPSG:4490');
      if (row.province_code === '540000') expect(Number(row.collar_elev)).toBeGreaterThan(3500);
    }
  });

  it('draws depths, dates, classes and custody that agree with each other', () => {
    const depths = data.holes.map((h) => Number(h.row.total_depth));
    expect(Math.min(...depths)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...depths)).toBeLessThanOrEqual(2000);
    const typical = depths.filter((d) => d >= 200 && d <= 800).length / depths.length;
    expect(typical).toBeGreaterThan(0.5);
    for (const { row, custodianCode, depositorCode } of data.holes) {
      expect(Number(row.core_length)).toBeLessThanOrEqual(Number(row.total_depth));
      expect(Number(row.recovery)).toBeGreaterThanOrEqual(0.7);
      expect(Number(row.recovery)).toBeLessThanOrEqual(0.99);
      expect(String(row.drill_start) >= '1958-01-01' && String(row.drill_end) <= '2024-12-31').toBe(true);
      expect(String(row.drill_start) <= String(row.drill_end)).toBe(true);
      const commodities = JSON.parse(String(row.commodities)) as string[];
      expect(commodities.length).toBeGreaterThanOrEqual(1);
      expect(commodities.length).toBeLessThanOrEqual(3);
      if (row.core_class === 'I') expect(custodianCode).toBe('NGAC');
      if (row.core_class === 'II') expect(custodianCode).toBe(`PGA-${String(row.province_code)}`);
      if (row.core_class === 'III') expect(custodianCode).toBe(depositorCode);
    }
  });

  it('tiles each hole with lithology and core boxes, and keeps surveys and samples in the hole', () => {
    for (const hole of data.holes.slice(0, 300)) {
      const total = Number(hole.row.total_depth);
      const d = holeDetail(hole);
      expect(d.lithology.length).toBeGreaterThanOrEqual(5);
      expect(d.lithology.length).toBeLessThanOrEqual(40);
      expect(checkIntervals(d.lithology as never, total, true)).toEqual([]);
      expect(d.lithology[0]).toMatchObject({ depth_from: 0, code: 'Q' });
      expect(d.lithology.at(-1)!.depth_to).toBe(total);
      for (let i = 1; i < d.lithology.length; i++)
        expect(d.lithology[i]!.depth_from).toBe(d.lithology[i - 1]!.depth_to);
      expect(checkIntervals(d.boxes as never, total, true)).toEqual([]);
      expect(d.boxes[0]!.depth_from).toBe(hole.coreFrom);
      expect(d.boxes.at(-1)!.depth_to).toBe(total);
      expect(d.boxes.map((b) => b.box_no)).toEqual(d.boxes.map((_, i) => String(i + 1)));
      for (const b of d.boxes) expect(String(b.shelf_location)).toMatch(/^[A-F]-\d{2}-\d{2}-[1-5]$/);
      expect(checkIntervals(d.samples as never, total, false)).toEqual([]);
      for (const s of d.samples) expect(Number(s.remaining_fraction)).toBeGreaterThanOrEqual(0.5);
      expect(d.surveys[0]!.depth).toBe(0);
      expect(d.surveys.at(-1)!.depth).toBe(total);
      for (const s of d.surveys) {
        expect(Number(s.azimuth)).toBeGreaterThanOrEqual(0);
        expect(Number(s.azimuth)).toBeLessThan(360);
        expect(Number(s.dip)).toBeGreaterThanOrEqual(45);
        expect(Number(s.dip)).toBeLessThanOrEqual(90);
      }
    }
  });

  it('numbers catalog records uniquely and ties most of them to a borehole', () => {
    const numbers = new Set(data.catalog.map((c) => c.row.record_no));
    expect(numbers.size).toBe(data.catalog.length);
    for (const c of data.catalog) expect(String(c.row.record_no)).toMatch(/^(DZ|YQ|HY)-\d{6}-\d{4}-\d{6}$/);
    const linked = data.catalog.filter((c) => c.holeId !== null).length / data.catalog.length;
    expect(linked).toBeGreaterThan(0.7);
    expect(linked).toBeLessThan(0.9);
    expect(data.catalog.find((c) => c.row.material_type === 'core' && c.holeId)!.row.title_zh).toMatch(
      /ZK\d{4}钻孔岩芯$/,
    );
  });
});
