import { describe, expect, it } from 'vitest';
import {
  BELTS,
  COMMODITIES,
  COUNTIES,
  DEPOSIT_TYPES,
  FAMOUS_DEPOSITS,
  PROVINCES,
  ROCKS,
  inChina,
  inProvinceBox,
  provinceByCode,
} from '../../src/domain/china.js';

const beltKeys = new Set(BELTS.map((b) => b.key));
const typeKeys = new Set(DEPOSIT_TYPES.map((t) => t.key));
const rockCodes = new Set(ROCKS.map((r) => r.code));
const commodity = new Map(COMMODITIES.map((c) => [c.code, c]));

describe('China reference data', () => {
  it('lists the 31 mainland provinces with unique GB/T 2260 codes and names', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(31);
    for (const p of PROVINCES) {
      expect(p.code).toMatch(/^[1-6]\d0000$/);
      expect(p.zh).toMatch(/(省|市|自治区)$/);
      expect(p.zh.startsWith(p.short)).toBe(true);
      expect(p.en.length).toBeGreaterThan(3);
      const [minLon, minLat, maxLon, maxLat] = p.bbox;
      expect(minLon).toBeLessThan(maxLon);
      expect(minLat).toBeLessThan(maxLat);
      expect(inChina(minLon + 0.01, minLat + 0.01)).toBe(true);
    }
    expect(provinceByCode('540000')?.zh).toBe('西藏自治区');
    expect(provinceByCode('999999')).toBeUndefined();
  });

  it('places every mining county inside its province and on a known belt', () => {
    for (const c of COUNTIES) {
      const p = provinceByCode(c.province);
      expect(p, c.zh).toBeDefined();
      expect(inProvinceBox(p!, c.lon, c.lat), `${c.zh} in ${p!.zh}`).toBe(true);
      expect(beltKeys.has(c.belt), c.belt).toBe(true);
    }
    for (const p of PROVINCES)
      expect(
        COUNTIES.some((c) => c.province === p.code),
        p.zh,
      ).toBe(true);
  });

  it('gives well-known deposits a place in their province and a type fitting their main commodity', () => {
    expect(new Set(FAMOUS_DEPOSITS.map((d) => d.name)).size).toBe(FAMOUS_DEPOSITS.length);
    for (const d of FAMOUS_DEPOSITS) {
      expect(inProvinceBox(provinceByCode(d.province)!, d.lon, d.lat), d.name).toBe(true);
      expect(beltKeys.has(d.belt), d.name).toBe(true);
      expect(d.commodities.length).toBeGreaterThanOrEqual(1);
      expect(d.commodities.length).toBeLessThanOrEqual(3);
      for (const c of d.commodities) expect(commodity.has(c), `${d.name}: ${c}`).toBe(true);
      expect(commodity.get(d.commodities[0]!)!.types, d.name).toContain(d.type);
    }
    expect(FAMOUS_DEPOSITS.map((d) => d.name)).toContain('西藏甲玛铜多金属矿');
  });

  it('keeps commodities, deposit types, belts and rocks consistent with each other', () => {
    expect(new Set(ROCKS.map((r) => r.code)).size).toBe(ROCKS.length);
    for (const c of COMMODITIES) {
      expect(c.zh.length).toBeGreaterThan(0);
      for (const t of c.types) expect(typeKeys.has(t), `${c.code}: ${t}`).toBe(true);
      for (const a of c.associates) expect(commodity.has(a), `${c.code}: ${a}`).toBe(true);
      const fromCommodity = c.types.some((t) => DEPOSIT_TYPES.find((x) => x.key === t)!.oreFromCommodity);
      if (fromCommodity) expect(rockCodes.has(c.oreRock ?? ''), c.code).toBe(true);
    }
    for (const t of DEPOSIT_TYPES) {
      for (const r of [...t.hosts, ...t.ore]) expect(rockCodes.has(r), `${t.key}: ${r}`).toBe(true);
    }
    for (const b of BELTS)
      for (const c of b.commodities) expect(commodity.has(c), `${b.key}: ${c}`).toBe(true);
  });
});
