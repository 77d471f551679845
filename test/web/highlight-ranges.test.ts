import { describe, expect, it } from 'vitest';
import { normaliseRanges, splitByRanges } from '../../web/src/features/search/utils/highlight-ranges.js';

const marked = (text: string, ranges: [number, number][]) =>
  splitByRanges(text, ranges)
    .map((p) => (p.marked ? `[${p.text}]` : p.text))
    .join('');

describe('splitByRanges', () => {
  it('marks the given ranges and gives the whole text back', () => {
    expect(marked('德兴铜矿 ZK16-3', [[2, 3]])).toBe('德兴[铜]矿 ZK16-3');
    expect(marked('abc', [[0, 3]])).toBe('[abc]');
    expect(splitByRanges('abc').map((p) => p.text)).toEqual(['abc']);
    expect(splitByRanges('')).toEqual([{ text: '', marked: false }]);
  });

  it('sorts, merges overlapping or touching ranges and clamps out-of-range values', () => {
    expect(
      marked('abcdef', [
        [4, 5],
        [0, 2],
        [1, 3],
      ]),
    ).toBe('[abc]d[e]f');
    expect(
      marked('abcdef', [
        [0, 2],
        [2, 4],
      ]),
    ).toBe('[abcd]ef');
    expect(
      marked('abc', [
        [-5, 1],
        [2, 99],
      ]),
    ).toBe('[a]b[c]');
    expect(
      marked('abc', [
        [5, 9],
        [2, 1],
        [1, 1],
        [Number.NaN, 2],
      ]),
    ).toBe('abc');
  });

  it('never cuts a surrogate pair in half', () => {
    const text = 'a𠮷b'; // 𠮷 is two UTF-16 units: indices 1 and 2
    expect(marked(text, [[2, 3]])).toBe('a[𠮷]b');
    expect(marked(text, [[1, 2]])).toBe('a[𠮷]b');
    expect(normaliseRanges(text, [[2, 2]])).toEqual([]);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const piece of splitByRanges(text, [[2, 4]])) expect(piece.text).not.toMatch(loneSurrogate);
  });
});
