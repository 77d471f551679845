import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, queryGroups } from '../../../src/domain/search/analyzer.js';

const alternatives = (q: string) => queryGroups(q).map((g) => g.map((p) => p.tokens.join(' ')));

describe('typo tolerance', () => {
  it('also asks for the one vocabulary word a misspelt English word is close to', () => {
    expect(alternatives('coper')[0]).toEqual(expect.arrayContaining(['coper', 'copper', '铜']));
    expect(alternatives('porphry')[0]).toEqual(expect.arrayContaining(['porphyri', '斑岩']));
    expect(alternatives('tibbet')[0]).toEqual(expect.arrayContaining(['tibet', '西藏']));
    expect(alternatives('molybdenun')[0]).toEqual(expect.arrayContaining(['molybdenum', '钼']));
  });

  it('leaves short words, ids and far-off words alone', () => {
    expect(alternatives('cpr')).toEqual([['cpr']]);
    expect(alternatives('zk1616')[0]).toEqual(['zk1616', 'zk 1616']);
    expect(alternatives('qwertyuiop')).toEqual([['qwertyuiop']]);
  });

  it('measures edits as a metric with neighbour swaps costing one', () => {
    expect(editDistance('coper', 'copper')).toBe(1);
    expect(editDistance('porphyri', 'porhpyri')).toBe(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(editDistance(a, b, 1)).toBe(Math.min(d, 2));
      }),
      { numRuns: 3000 },
    );
  });
});
