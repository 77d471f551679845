import { describe, expect, it } from 'vitest';
import { queryGroups } from '../../../src/domain/search/analyzer.js';
import { askedTexts, highlightRanges } from '../../../src/domain/search/highlight.js';
import { parseQuery } from '../../../src/domain/search/query-language.js';

const marked = (text: string, query: string) =>
  highlightRanges(text, queryGroups(query)).map(([a, b]) => text.slice(a, b));

describe('highlightRanges', () => {
  it('marks Chinese runs, whole English words from their stems, and ids, merged in order', () => {
    expect(marked('西藏甲玛铜多金属矿 ZK1616', '甲玛 铜')).toEqual(['甲玛铜']);
    expect(marked('Weathered granites of Tibet', 'granite tibet')).toEqual(['granites', 'Tibet']);
    expect(marked('Drill core ZK-1616', 'zk1616')).toEqual(['ZK', '1616']);
    expect(marked('coppery', 'cop')).toEqual([]);
    expect(marked('ＺＫ１６１６ full width', 'zk1616')).toEqual(['ＺＫ１６１６']);
  });

  it('takes only the words a query asks for, not the ones it excludes', () => {
    expect(askedTexts(parseQuery('铜 NOT 金 (钼 OR 锌) 省:西藏')!)).toEqual(['铜', '钼', '锌']);
  });
});
