import { describe, expect, it } from 'vitest';
import { minimumCurvature } from '../../src/domain/trace.js';

describe('minimumCurvature', () => {
  it('keeps a vertical hole under its collar', () => {
    const t = minimumCurvature([{ depth: 0, azimuth: 0, dip: 90 }], 500);
    expect(t.at(-1)).toMatchObject({ depth: 500, east: 0, north: 0, elevation: -500 });
  });

  it('moves an inclined straight hole along its azimuth', () => {
    const t = minimumCurvature([{ depth: 0, azimuth: 90, dip: 60 }], 100);
    const end = t.at(-1)!;
    expect(end.east).toBeCloseTo(50, 6);
    expect(end.north).toBeCloseTo(0, 6);
    expect(end.elevation).toBeCloseTo(-86.6025, 3);
  });

  it('follows a circular arc when the hole bends (quarter circle of radius R)', () => {
    // From vertical to horizontal heading north over an arc length of πR/2.
    const R = 100;
    const t = minimumCurvature([
      { depth: 0, azimuth: 0, dip: 90 },
      { depth: (Math.PI * R) / 2, azimuth: 0, dip: 0 },
    ]);
    const end = t.at(-1)!;
    expect(end.north).toBeCloseTo(R, 6);
    expect(end.elevation).toBeCloseTo(-R, 6);
  });

  it('treats a hole without surveys as vertical and sorts stations by depth', () => {
    expect(minimumCurvature([], 10).at(-1)!.elevation).toBeCloseTo(-10);
    const t = minimumCurvature([
      { depth: 50, azimuth: 0, dip: 90 },
      { depth: 0, azimuth: 0, dip: 90 },
    ]);
    expect(t.map((p) => p.depth)).toEqual([0, 50]);
  });
});
