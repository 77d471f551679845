// Where a search matched in a shown text (a borehole's name, a record's title), as character
// ranges for the page to mark. Computed on the page's few items only, from the same match groups
// the engines used, so what is marked is what matched.
import { analyzeTerm, phraseText, type QueryGroup } from './analyzer.js';
import type { QueryNode } from './query-ast.js';

export type Range = readonly [start: number, end: number];

const IDEOGRAPH = /\p{Script=Han}/u;

/** Ranges of `text` (UTF-16 offsets, merged, in order) where any phrase of any group occurs. */
export function highlightRanges(text: string, groups: readonly QueryGroup[]): Range[] {
  // NFKC and lower-casing keep the length of the texts we mark (Chinese, ASCII); where they would
  // not, nothing is marked rather than the wrong characters.
  const folded = text.normalize('NFKC').toLowerCase();
  if (folded.length !== text.length) return [];
  const found: Array<[number, number]> = [];
  for (const group of groups) {
    for (const phrase of group) {
      const ideographic = phrase.tokens.every((t) => IDEOGRAPH.test(t));
      // Ideograph tokens spell the text (bigrams overlapping); an ASCII phrase is marked word by word.
      const needles = ideographic ? [phraseText(phrase.tokens)] : phrase.tokens;
      for (const needle of needles) {
        if (needle.length === 0) continue;
        for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
          const startsWord = ideographic || at === 0 || !/[a-z0-9]/.test(folded[at - 1]!);
          if (!startsWord) continue;
          let end = at + needle.length;
          if (!ideographic) {
            // A stemmed token (granit) marks the whole word it stands for (granites), and only if
            // the analyzer turns that word into the token (cop is not coppery).
            while (end < folded.length && /[a-z0-9]/.test(folded[end]!)) end++;
            if (end > at + needle.length && !analyzeTerm(folded.slice(at, end)).includes(needle)) continue;
          }
          found.push([at, end]);
        }
      }
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of found) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The free text a query asks for (not what it excludes with NOT), for highlighting. */
export function askedTexts(node: QueryNode): string[] {
  switch (node.kind) {
    case 'text':
      return [node.text];
    case 'and':
    case 'or':
      return node.children.flatMap(askedTexts);
    case 'not':
    case 'prefix':
    case 'term':
    case 'range':
      return [];
  }
}
