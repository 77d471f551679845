import { describe, expect, it } from 'vitest';
import { columnHeight } from '../../web/src/features/boreholes/components/lithology-column.js';
import {
  hashColour,
  lithologyColour,
  ORE_KEY,
  rockKey,
} from '../../web/src/features/boreholes/utils/lithology-colours.js';

const rock = (code: string | null, name_zh: string | null, name_en: string | null = null) => ({
  code,
  name_zh,
  name_en,
});

describe('lithology colours', () => {
  it('matches by code, Chinese name and English name alike', () => {
    const granite = lithologyColour(rock('GR', null));
    expect(lithologyColour(rock(null, '黑云母花岗岩'))).toBe(granite);
    expect(lithologyColour(rock(null, null, 'Biotite granite'))).toBe(granite);
    expect(lithologyColour(rock('gr', null))).toBe(granite);
  });

  it('prefers the more specific rock name', () => {
    expect(lithologyColour(rock(null, '粉砂岩'))).toBe(lithologyColour(rock('SI', null)));
    expect(lithologyColour(rock(null, '粉砂岩'))).not.toBe(lithologyColour(rock(null, '砂岩')));
    expect(lithologyColour(rock(null, '花岗斑岩'))).toBe(lithologyColour(rock(null, null, 'porphyry')));
    expect(lithologyColour(rock(null, '含铜石英脉'))).toBe(lithologyColour(rock('QV', null)));
    expect(lithologyColour(rock(null, '半风化花岗岩'))).not.toBe(lithologyColour(rock('GRA', null)));
    expect(lithologyColour(rock(null, '磁铁石英岩'))).toBe(lithologyColour(rock('BIF', null)));
    expect(lithologyColour(rock(null, '闪长玢岩'))).toBe(lithologyColour(rock('POR', null)));
  });

  it('gives distinct colours to the main rock families', () => {
    const names = [
      '花岗岩',
      '砂岩',
      '页岩',
      '灰岩',
      '玄武岩',
      '闪长岩',
      '斑岩',
      '矽卡岩',
      '片麻岩',
      '石英脉',
      '矿体',
    ];
    expect(new Set(names.map((n) => lithologyColour(rock(null, n)))).size).toBe(names.length);
  });

  it('colours ore zones as ore whatever the host rock, and groups them in the legend', () => {
    const skarnOre = rock('SKN', '矽卡岩（矿体）', 'skarn (ore zone)');
    expect(lithologyColour(skarnOre)).toBe(lithologyColour(rock('ORE', null)));
    expect(lithologyColour(skarnOre)).not.toBe(lithologyColour(rock('SKN', '矽卡岩')));
    expect(rockKey(skarnOre)).toBe(ORE_KEY);
    expect(rockKey(rock('COAL', '煤层', 'coal seam'))).toBe('COAL');
  });

  it('hashes unknown rocks to a stable colour', () => {
    const a = lithologyColour(rock('XYZ', '某种新岩石'));
    expect(a).toBe(lithologyColour(rock('XYZ', '某种新岩石')));
    expect(a).toBe(hashColour('XYZ'));
    expect(hashColour('XYZ')).not.toBe(hashColour('XYW'));
    expect(hashColour('')).toMatch(/^hsl\(\d+, 45%, 68%\)$/);
  });

  it('keys the legend by code, else by names', () => {
    expect(rockKey(rock(' skn ', '矽卡岩'))).toBe('SKN');
    expect(rockKey(rock(null, '矽卡岩', 'skarn'))).toBe('矽卡岩|skarn');
  });

  it('sizes the column within one screen', () => {
    expect(columnHeight(10)).toBe(360);
    expect(columnHeight(400)).toBe(600);
    expect(columnHeight(3000)).toBe(900);
  });
});
