import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLASSIFIED_CELL_DEGREES,
  cellsShownWithin,
  publishedPosition,
} from '../../src/domain/desensitise.js';

describe('publishedPosition', () => {
  it('snaps classified positions to the centre of their 0.1° cell and leaves others alone', () => {
    expect(publishedPosition({ lon: 99.98, lat: 28.01 }, 'classified')).toEqual({
      lon: 99.95,
      lat: 28.05,
      coarsened: true,
    });
    expect(publishedPosition({ lon: 99.98, lat: 28.01 }, 'public')).toEqual({
      lon: 99.98,
      lat: 28.01,
      coarsened: false,
    });
  });
});

describe('cellsShownWithin', () => {
  it('agrees with publishedPosition where k × 0.1 falls short of its cell (found by the property)', () => {
    const min = 70.80000000000001;
    const max = min + 0.04999999999997584;
    const [first, last] = cellsShownWithin(min, max);
    const shown = publishedPosition({ lon: min, lat: 0 }, 'classified').lon!;
    expect(shown).toBe(70.85);
    expect(max).toBe(70.85);
    expect(708 >= first && 708 <= last).toBe(true);
  });

  it('selects exactly the cells whose published centre lies in the range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -179, max: 176, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: -0.3, max: 3.3, noNaN: true }),
        (min, width, offset) => {
          const max = min + width;
          const value = min + offset;
          const [first, last] = cellsShownWithin(min, max);
          const shown = publishedPosition({ lon: value, lat: 0 }, 'classified').lon!;
          const cell = Math.floor(value / CLASSIFIED_CELL_DEGREES);
          expect(cell >= first && cell <= last).toBe(shown >= min && shown <= max);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
