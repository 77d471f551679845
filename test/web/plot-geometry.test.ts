import { describe, expect, it } from 'vitest';
import { linearScale, niceTicks } from '../../web/src/features/boreholes/utils/scale.js';
import {
  equalAspectExtent,
  planPoints,
  sectionPoints,
} from '../../web/src/features/boreholes/utils/trace-projection.js';
import { formatNumber, formatPercent } from '../../web/src/lib/format.js';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 500, 5)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(0, 523.4, 10)).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500]);
    expect(niceTicks(0, 0.9, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-35, 12, 4)).toEqual([-30, -20, -10, 0, 10]);
  });

  it('never yields negative zero', () => {
    for (const t of niceTicks(-1, 1, 4)) expect(Object.is(t, -0)).toBe(false);
  });

  it('copes with an empty range', () => {
    expect(niceTicks(5, 5)).toEqual([5]);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range', () => {
    const y = linearScale([0, 500], [10, 510]);
    expect(y(0)).toBe(10);
    expect(y(250)).toBe(260);
  });
});

describe('trace projections', () => {
  const vertical = [
    { depth: 0, east: 0, north: 0, elevation: 0 },
    { depth: 100, east: 0, north: 0, elevation: -100 },
  ];
  const inclined = [
    { depth: 0, east: 0, north: 0, elevation: 0 },
    { depth: 100, east: 30, north: 40, elevation: -86.6 },
  ];

  it('puts the section in the plane towards the bottom of the hole', () => {
    expect(sectionPoints(inclined)[1]).toEqual({ x: 50, y: 86.6 });
    expect(sectionPoints(vertical)[1]).toEqual({ x: 0, y: 100 });
    expect(planPoints(inclined)[1]).toEqual({ x: 30, y: 40 });
  });

  it('keeps equal units on both axes and a minimum span', () => {
    const e = equalAspectExtent(planPoints(vertical), 200, 100, 10);
    expect((e.maxX - e.minX) / 200).toBeCloseTo((e.maxY - e.minY) / 100);
    expect(e.maxY - e.minY).toBeGreaterThanOrEqual(10);
    const s = equalAspectExtent(sectionPoints(inclined), 100, 100, 10);
    expect(s.minY).toBeLessThanOrEqual(0);
    expect(s.maxY).toBeGreaterThanOrEqual(86.6);
  });
});

describe('number formatting', () => {
  it('never prints negative zero and reads fractions as percent', () => {
    expect(formatNumber(-0.3, 'en', 0)).toBe('0');
    expect(formatNumber(-0, 'zh', 1)).toBe('0');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatPercent(0.955, 'en')).toBe('95.5%');
    expect(formatPercent(87, 'en')).toBe('87%');
    expect(formatNumber(null, 'en')).toBe('');
  });
});
