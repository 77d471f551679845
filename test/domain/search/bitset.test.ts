import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from '../../../src/domain/search/bitset.js';

const of = (size: number, positions: readonly number[]) => {
  const set = new Bitset(size);
  for (const i of positions) set.add(i);
  return set;
};
const members = (set: Bitset) => {
  const out: number[] = [];
  set.forEach((i) => void out.push(i));
  return out;
};
const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

describe('Bitset', () => {
  const sets = fc
    .integer({ min: 1, max: 200 })
    .chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.array(fc.integer({ min: 0, max: size - 1 })),
        fc.array(fc.integer({ min: 0, max: size - 1 })),
      ),
    );

  it('answers AND, OR, NOT and counts as sets do, in place or not', () => {
    fc.assert(
      fc.property(sets, ([size, xs, ys]) => {
        const a = of(size, xs);
        const b = of(size, ys);
        const both = sorted(xs.filter((x) => ys.includes(x)));
        const either = sorted([...xs, ...ys]);
        expect(members(a.and(b))).toEqual(both);
        expect(members(a.or(b))).toEqual(either);
        expect(members(a.not())).toEqual(
          sorted(Array.from({ length: size }, (_, i) => i)).filter((i) => !xs.includes(i)),
        );
        expect(a.or(b).count()).toBe(either.length);
        // The copying forms leave their operands alone; the in-place forms change only `this`.
        expect(members(a)).toEqual(sorted(xs));
        expect(members(of(size, xs).andWith(b))).toEqual(both);
        expect(members(of(size, xs).orWith(b))).toEqual(either);
        expect(members(b)).toEqual(sorted(ys));
      }),
    );
  });

  it('keeps the bits past its size clear, so a full set counts its size', () => {
    for (const size of [1, 31, 32, 33, 64, 1000]) {
      expect(Bitset.full(size).count()).toBe(size);
      expect(Bitset.full(size).not().count()).toBe(0);
    }
  });
});
