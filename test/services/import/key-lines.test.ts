import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyLines } from '../../../src/services/import/key-lines.js';

describe('KeyLines', () => {
  it('answers like a Map of first lines, for any keys (Chinese, empty, long, colliding)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '钻孔', 'ZK1', 'a')),
          {
            maxLength: 3000,
          },
        ),
        (keys) => {
          const lines = new KeyLines();
          const reference = new Map<string, number>();
          keys.forEach((key, line) => {
            expect(lines.firstLine(key, line)).toBe(reference.get(key));
            if (!reference.has(key)) reference.set(key, line);
          });
          expect(lines.size).toBe(reference.size);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a million keys and still finds the first line of each', () => {
    const lines = new KeyLines();
    let repeats = 0;
    for (let i = 0; i < 1_000_000; i++)
      if (lines.firstLine(`KQ-520000-${i}-ZK0001`, i + 2) !== undefined) repeats++;
    expect(repeats).toBe(0);
    expect(lines.size).toBe(1_000_000);
    for (const i of [0, 1, 65_535, 999_999]) expect(lines.firstLine(`KQ-520000-${i}-ZK0001`, 0)).toBe(i + 2);
  });
});
