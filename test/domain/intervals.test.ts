import { describe, expect, it } from 'vitest';
import { checkIntervals, describeIntervalProblem } from '../../src/domain/intervals.js';

describe('checkIntervals', () => {
  it.each([
    [{ depth_from: -1, depth_to: 2 }, 'negative'],
    [{ depth_from: 5, depth_to: 5 }, 'empty_or_reversed'],
    [{ depth_from: 6, depth_to: 5 }, 'empty_or_reversed'],
    [{ depth_from: 90, depth_to: 120 }, 'beyond_total_depth'],
  ])('flags %o as %s', (interval, kind) => {
    const [problem] = checkIntervals([interval], 100, true);
    expect(problem?.kind).toBe(kind);
    expect(describeIntervalProblem(problem!)).toMatch(/\w/);
  });

  it('finds overlaps regardless of input order, only when exclusive', () => {
    const rows = [
      { depth_from: 10, depth_to: 20 },
      { depth_from: 0, depth_to: 12 },
      { depth_from: 20, depth_to: 30 },
    ];
    expect(checkIntervals(rows, null, true)).toEqual([{ kind: 'overlap', index: 0, other: 1 }]);
    expect(checkIntervals(rows, null, false)).toEqual([]);
  });
});
