import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellValue,
  parseDate,
  parseDegrees,
  parseFraction,
  parseNumber,
  parseYear,
  splitList,
} from '../../../src/services/import/field-values.js';
import { commodityCode, provinceCode } from '../../../src/domain/reference-terms.js';
import { normaliseAzimuth } from '../../../src/services/import/survey.importer.js';

describe('cell values', () => {
  it('read placeholders as no value', () => {
    for (const p of [
      '',
      '  ',
      '-',
      'NA',
      'n/a',
      'N/A',
      'null',
      'NULL',
      '-999',
      '-9999',
      '-999.0',
      '-9999.00',
      '#N/A',
      '--',
      '—',
      'None',
      'NaN',
      '无',
      '空',
    ])
      expect(cellValue(p), p).toBeNull();
    for (const v of ['0', '-99', '-9990', 'NAB', '-999.5', ' ZK1 ']) expect(cellValue(v), v).toBe(v.trim());
  });

  it('parse numbers, dates, degrees, fractions and years as tables write them', () => {
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('１２.５')).toBe(12.5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('12 m')).toEqual({ error: '"12 m" is not a number' });
    expect(parseNumber('0x10')).toEqual({ error: '"0x10" is not a number' });
    expect(parseDate('2008/5/12')).toBe('2008-05-12');
    expect(parseDate('2008年7月30日')).toBe('2008-07-30');
    expect(parseDate('20090301')).toBe('2009-03-01');
    expect(parseDate('2021-07-28T00:00:00Z')).toBe('2021-07-28');
    expect(parseDate('2019-06')).toBe('2019-06');
    expect(parseDate('2019')).toBe('2019');
    expect(parseDate('2019-02-29')).toEqual({ error: '"2019-02-29" has no day 29' });
    // YYYY-MM-DD as written takes a shorter path: it must judge every date as the long one does.
    expect(parseDate('2020-02-29')).toBe('2020-02-29');
    expect(parseDate('1900-02-29')).toEqual({ error: '"1900-02-29" has no day 29' });
    expect(parseDate('2019-04-31')).toEqual({ error: '"2019-04-31" has no day 31' });
    expect(parseDate('2019-13-01')).toEqual({ error: '"2019-13-01" has no month 13' });
    expect(parseDate('2019-00-10')).toEqual({ error: '"2019-00-10" has no month 0' });
    expect(parseDate('1799-12-31')).toEqual({ error: 'year 1799 is not plausible' });
    expect(parseDate('２０１９-０６-１１')).toBe('2019-06-11');
    expect(parseDate('2019-6-1x')).toMatchObject({ error: expect.stringMatching(/not a date/) });
    expect(parseDate('yesterday')).toMatchObject({ error: expect.stringMatching(/not a date/) });
    expect(parseDegrees('91°33′29.2″')).toBeCloseTo(91.558111, 6);
    expect(parseDegrees('29°36.5′S')).toBeCloseTo(-29.608333, 6);
    expect(parseDegrees('91度33分29.2秒')).toBeCloseTo(91.558111, 6);
    expect(parseFraction('95%')).toBe(0.95);
    expect(parseFraction('95')).toBe(0.95);
    expect(parseFraction('0.4')).toBe(0.4);
    expect(parseFraction('150%')).toMatchObject({ error: expect.any(String) });
    expect(parseYear('2019年')).toBe(2019);
    expect(splitList('铜、金, 银;Pb/Zn  Mo')).toEqual(['铜', '金', '银', 'Pb', 'Zn', 'Mo']);
  });

  it('map provinces and commodities to codes', () => {
    expect(['西藏自治区', '西藏', 'Tibet', '54', '540000', '540102'].map(provinceCode)).toEqual(
      Array(6).fill('540000'),
    );
    expect(provinceCode('新疆维吾尔自治区')).toBe('650000');
    expect(provinceCode('Atlantis')).toBeUndefined();
    expect(['铜', '铜矿', 'copper', 'cu', 'Cu'].map(commodityCode)).toEqual(Array(5).fill('Cu'));
    expect(commodityCode('独居石')).toBe('独居石');
  });

  it('normalise azimuths into [0, 360)', () => {
    expect([0, 360, -10, 359.5, -360, 12.5].map(normaliseAzimuth)).toEqual([0, 0, 350, 359.5, 0, 12.5]);
    fc.assert(
      fc.property(fc.double({ min: -360, max: 360, noNaN: true }), (az) => {
        const n = normaliseAzimuth(az);
        return n >= 0 && n < 360 && Math.abs(Math.cos(((n - az) * Math.PI) / 180) - 1) < 1e-9;
      }),
    );
  });
});
