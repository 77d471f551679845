import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RangeIndex, type NumberRange } from '../../../src/domain/search/range-index.js';

function expected(column: Float64Array, r: NumberRange): number[] {
  const rows: number[] = [];
  column.forEach((v, i) => {
    if (v !== v) return;
    const low = r.min === null || (r.minInclusive ? v >= r.min : v > r.min);
    const high = r.max === null || (r.maxInclusive ? v <= r.max : v < r.max);
    if (low && high) rows.push(i);
  });
  return rows;
}

function found(index: RangeIndex, r: NumberRange): number[] {
  const rows: number[] = [];
  index.rows(r).forEach((i) => void rows.push(i));
  return rows;
}

const bound = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 105 }),
  fc.double({ min: -5, max: 105, noNaN: true }),
);

describe('RangeIndex', () => {
  it('finds exactly the rows a comparison per row finds, for any range and any column', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 100 }),
            fc.double({ min: 0, max: 100, noNaN: true }),
            fc.constant(NaN),
          ),
          { maxLength: 3000, size: 'max' },
        ),
        fc.array(
          fc.record({ min: bound, max: bound, minInclusive: fc.boolean(), maxInclusive: fc.boolean() }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (values, ranges) => {
          const column = Float64Array.from(values);
          const index = new RangeIndex(column);
          for (const r of ranges) expect(found(index, r)).toEqual(expected(column, r));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers open ends, empty ranges, an empty column and a column without values', () => {
    const column = Float64Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? NaN : (i * 37) % 1000));
    const index = new RangeIndex(column);
    const all = { min: null, max: null, minInclusive: true, maxInclusive: true };
    expect(found(index, all)).toEqual(expected(column, all));
    expect(found(index, { ...all, min: 500, max: 400 })).toEqual([]);
    expect(found(index, { ...all, min: 999, minInclusive: false })).toEqual([]);
    expect(found(index, { ...all, max: 0 })).toEqual(expected(column, { ...all, max: 0 }));
    expect(found(new RangeIndex(new Float64Array(0)), all)).toEqual([]);
    expect(found(new RangeIndex(Float64Array.of(NaN, NaN)), all)).toEqual([]);
  });
});
