import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  TOKEN_PATTERN,
  analyzeTerm,
  indexText,
  phraseText,
  indexTokens,
  prepareAnalyzer,
  queryGroups,
  type Phrase,
} from '../../../src/domain/search/analyzer.js';
import { SYNONYM_SETS } from '../../../src/domain/search/synonyms.js';
import { COUNTIES, FAMOUS_DEPOSITS, ROCKS } from '../../../src/domain/china.js';

// The first thing the file does, so it measures the real cold load.
let loadMs = 0;
beforeAll(() => {
  const started = performance.now();
  prepareAnalyzer();
  loadMs = performance.now() - started;
  console.log(`analyzer: jieba + domain words + synonym index loaded in ${loadMs.toFixed(0)} ms`);
});

/** The match rule both engines implement: every group has a phrase found consecutively. */
function matches(query: string, ...recordFields: string[]): boolean {
  const tokens = indexText(recordFields).split(' ');
  return queryGroups(query).every((group) => group.some((phrase) => phraseIn(tokens, phrase)));
}

function phraseIn(tokens: readonly string[], phrase: Phrase): boolean {
  const n = phrase.tokens.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    const found = phrase.tokens.every((t, j) => {
      const token = tokens[i + j]!;
      return phrase.prefix && j === n - 1 ? token.startsWith(t) : token === t;
    });
    if (found) return true;
  }
  return false;
}

const show = (query: string) =>
  queryGroups(query).map((g) => g.map((p) => p.tokens.join(' ') + (p.prefix ? '*' : '')));

// The brief's pattern, with the ideograph ranges the analyzer keeps (Extension A and B–F too).
const TOKEN_SHAPE = /^[a-z0-9]+$|^[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}]+$/u;

describe('Chinese names, whatever jieba does with them', () => {
  const jiama = '西藏甲玛铜多金属矿 ZK1616';

  it('finds a deposit by its full name, a part of it and an unknown place name', () => {
    expect(matches('甲玛铜多金属矿', jiama)).toBe(true);
    expect(matches('甲玛', jiama)).toBe(true);
    expect(matches('铜多金属', jiama)).toBe(true);
    expect(matches('西藏的铜矿', jiama)).toBe(true);
    expect(matches('甲玛铅矿', jiama)).toBe(false);
    expect(matches('驱龙', jiama)).toBe(false);
  });

  it('finds a name that jieba merged with its neighbour in the record (县甲玛)', () => {
    const record = '西藏自治区墨竹工卡县甲玛铜多金属矿区';
    // jieba's word is 县甲玛; 甲玛 is there only as a bigram of the characters
    expect(indexTokens(record)).toContain('县甲玛');
    expect(matches('甲玛', record)).toBe(true);
    expect(matches('甲玛铜矿', record)).toBe(true);
  });

  it('indexes the characters of a run consecutively, then its bigrams, then its longer words', () => {
    expect(indexTokens('西藏甲玛 ZK1 花岗岩').join(' ')).toBe(
      '西 藏 甲 玛 西藏 藏甲 甲玛 zk 1 zk1 花 岗 岩 花岗 岗岩 花岗岩',
    );
    // a phrase never runs from one run of characters into the next
    expect(matches('玛花', '西藏甲玛 ZK1 花岗岩')).toBe(false);
  });

  it('gives a Chinese query word its own token, its bigrams and its synonyms', () => {
    expect(show('斑岩铜矿')).toEqual([
      ['斑岩', 'porphyri'],
      ['铜矿', '铜', 'copper', 'cu'],
    ]);
    expect(show('火山岩 香格里拉')).toEqual([
      ['火山岩', '火山 山岩'],
      ['香格里拉', '香格 格里 里拉'],
    ]);
    // a chain of bigrams that spells a word containing a shorter alternative adds nothing
    expect(show('铜矿石').flat()).not.toContain('铜矿 矿石');
  });

  it('finds a phrase of three characters or more only where they stand together', () => {
    expect(matches('香格里拉', '云南香格里拉普朗铜矿')).toBe(true);
    expect(matches('香格里拉', '香格 格里 里拉')).toBe(false);
    expect(matches('格里拉', '云南香格里拉普朗铜矿')).toBe(true);
  });
});

describe('identifiers', () => {
  const record = '西藏甲玛铜多金属矿 ZK1616';

  it('lets ZK1616, zk1616, ZK-1616, ＺＫ１６１６ and ZK16* find each other', () => {
    for (const q of [
      'ZK1616',
      'zk1616',
      'ZK-1616',
      'zk_1616',
      'ＺＫ１６１６',
      'ZK16*',
      'zk-16*',
      'ZK 1616',
    ]) {
      expect(matches(q, record), q).toBe(true);
      expect(matches(q, 'ZK-1616'), `${q} in ZK-1616`).toBe(true);
    }
    expect(matches('ZK1616', 'ZK 1616')).toBe(true);
    expect(matches('1616', record)).toBe(true);
    expect(matches('ZK1617', record)).toBe(false);
    expect(matches('ZK17*', record)).toBe(false);
    expect(indexTokens('ZK1616')).toEqual(indexTokens('zk-1616'));
  });

  it('indexes a long id whole, by its parts and by the letter/digit runs of mixed parts', () => {
    expect(indexTokens('KQ-520000-00000-ZK0001')).toEqual([
      ...['kq', '520000', '00000', 'zk', '0001'],
      ...['kq52000000000zk0001', 'zk0001'],
    ]);
    const id = 'KQ-520000-00000-ZK0001';
    for (const q of [id, 'KQ52000000000ZK0001', 'kq.520000.00000.zk0001', 'ZK0001', '520000', 'KQ-5200*'])
      expect(matches(q, `钻孔 ${id}`), q).toBe(true);
    expect(matches('KQ-520000-00000-ZK0002', id)).toBe(false);
  });

  it('marks a trailing * as a prefix on the whole id and on its last atom', () => {
    expect(queryGroups('ZK16*')).toEqual([
      [
        { tokens: ['zk16'], prefix: true },
        { tokens: ['zk', '16'], prefix: true },
      ],
    ]);
    // the prefix of a word is what word and stem share: granite* looks for granit…
    expect(queryGroups('granite*')).toEqual([[{ tokens: ['granit'], prefix: true }]]);
    expect(matches('granite*', 'granites and granitoids')).toBe(true);
    expect(matches('花岗*', '花岗闪长斑岩')).toBe(true);
  });
});

describe('synonyms, both ways, expanded at query time only', () => {
  it('finds porphyry copper written as a deposit type and a commodity, or in English', () => {
    expect(matches('斑岩铜矿', '驱龙 ZK001', '斑岩型', '铜', '钼')).toBe(true);
    expect(matches('斑岩铜矿', 'Qulong porphyry copper deposit, hole ZK001')).toBe(true);
    expect(matches('斑岩铜矿', '矽卡岩型', '铁')).toBe(false);
    expect(matches('斑岩型铜矿', 'porphyry copper')).toBe(true);
    expect(matches('porphyry copper', '德兴斑岩铜矿田')).toBe(true);
  });

  it('matches commodities by name and symbol', () => {
    expect(matches('copper', '铜矿')).toBe(true);
    expect(matches('Cu', '铜')).toBe(true);
    expect(matches('铜', 'Cu 0.52%')).toBe(true);
    expect(matches('铜', 'Copper')).toBe(true);
    expect(matches('gold', '金矿')).toBe(true);
    expect(matches('铜', 'gold')).toBe(false);
  });

  it('never expands a term to an ambiguous symbol, but does expand the symbol when typed', () => {
    expect(matches('钴', 'Jinchuan Nickel Co., Ltd.')).toBe(false);
    expect(matches('Co', '钴矿')).toBe(true);
    expect(matches('锂', 'Li Wei')).toBe(false);
  });

  it('knows rocks, deposit types, provinces and core words', () => {
    const pairs: Array<[string, string]> = [
      ['花岗岩', 'granite'],
      ['granites', '花岗岩'],
      ['porphyry', '斑岩型'],
      ['斑岩', 'porphyry'],
      ['skarn', '矽卡岩型铁矿'],
      ['花岗闪长斑岩', 'granodiorite porphyry'],
      ['西藏', 'Tibet'],
      ['Xizang', '西藏自治区'],
      ['西藏自治区', '西藏甲玛'],
      ['Inner Mongolia', '内蒙古'],
      ['岩芯', 'drill core'],
      ['core', '岩心'],
      ['钻孔', 'borehole'],
      ['drillholes', '钻孔'],
      ['岩屑', 'cuttings'],
      ['thin section', '薄片'],
      ['薄片', 'thin sections'],
      ['rock salt', '岩盐'],
      ['铝土矿', 'bauxite'],
      ['粘土', '黏土层'],
      ['夕卡岩', 'skarn'],
    ];
    for (const [q, record] of pairs) expect(matches(q, record), `${q} → ${record}`).toBe(true);
    expect(matches('granite', '玄武岩')).toBe(false);
  });

  it('analyses a term to the phrase that finds it', () => {
    expect(analyzeTerm('甲玛')).toEqual(['甲玛']);
    expect(analyzeTerm('香格里拉')).toEqual(['香格', '格里', '里拉']);
    expect(analyzeTerm('铜')).toEqual(['铜']);
    expect(phraseText(analyzeTerm('香格里拉'))).toBe('香格里拉');
    expect(analyzeTerm('Thin sections')).toEqual(['thin', 'section']);
    expect(analyzeTerm('ZK-1616')).toEqual(['zk', '1616']);
  });

  it('keeps the index as the text says it', () => {
    expect(indexTokens('铜')).toEqual(['铜']);
    expect(indexTokens('copper')).toEqual(['copper']);
  });

  it('builds sets whose every term analyses to something', () => {
    expect(SYNONYM_SETS.length).toBeGreaterThan(100);
    for (const set of SYNONYM_SETS)
      for (const t of [...set.terms, ...set.aliases]) expect(analyzeTerm(t), t).not.toEqual([]);
    const porphyry = SYNONYM_SETS.find((s) => s.terms.includes('斑岩'));
    expect(porphyry?.terms).toEqual(expect.arrayContaining(['斑岩', '斑岩型', 'porphyry']));
  });
});

describe('English', () => {
  it('stems and ignores case', () => {
    expect(matches('granites', 'granite')).toBe(true);
    expect(matches('drilled', 'drilling')).toBe(true);
    expect(matches('GRANITE', 'Granites of the Gangdese belt')).toBe(true);
    expect(matches('granite', 'basalt')).toBe(false);
  });

  it('matches a multi-word term as a phrase and drops query stop words', () => {
    expect(matches('thin section', 'thin sections of the ore')).toBe(true);
    expect(matches('granite and basalt', 'granite, basalt')).toBe(true);
    expect(matches('Émeishan', 'EMEISHAN basalt')).toBe(true);
  });

  it('keeps the atoms of consecutive chunks consecutive, whole ids after them', () => {
    expect(indexTokens('iron-oxide copper–gold')).toEqual(['iron', 'oxid', 'copper', 'gold', 'ironoxide']);
    expect(matches('iron oxide copper', 'iron-oxide copper–gold')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Any input

const messy = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        '甲玛',
        '铜多金属矿',
        'ZK-1616',
        'ＺＫ１６１６',
        '😀',
        '\u0000',
        '\u200b',
        '，',
        '*',
        '𠀀𪚥',
        '㐀',
        '\uFA0E',
        '\uF900',
        'Émeishan',
        '①',
        '〇',
        ' ',
        '-',
        'a'.repeat(80),
        '1'.repeat(70),
        'a1b2c3d4e5f6',
        '\ud800',
        'straße',
        'İstanbul',
        '\u9fff\u4dbf',
      ),
      { maxLength: 12 },
    )
    .map((a) => a.join('')),
);

describe('a record among many', () => {
  it('indexes a record the same whatever was indexed before it', () => {
    // Each text brings one run of ideographs not seen before, with two that recur: the analyser's
    // memory of jieba's words fills and is emptied somewhere in the loop; no text may lose words then.
    const recurring = '矽卡岩型 川滇黔铅锌成矿区';
    const expected = (run: string) => [...indexTokens(run), ...indexTokens(recurring)].join(' ');
    const unique = (i: number) =>
      String.fromCharCode(
        0x4e00 + (i % 150),
        0x4e00 + 150 + (Math.floor(i / 150) % 150),
        0x4e00 + 300 + Math.floor(i / 22_500),
      );
    const failures: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const text = indexTokens(`${unique(i)} ${recurring}`).join(' ');
      if (!text.includes('矽卡岩型') || !text.includes('川滇黔')) failures.push(`${i}: ${text}`);
    }
    expect(failures).toEqual([]);
    expect(indexTokens(`${unique(7)} ${recurring}`).join(' ')).toBe(expected(unique(7)));
  });

  it('gives a record the tokens of its fields, in order, each field analysed alone', () => {
    const fields = [
      '贵州赫章县白石岭铅矿区 ZK0302',
      'KQ-520000-ZK0302',
      '川滇黔铅锌成矿区',
      'Guizhou Geological Archives',
    ];
    const once = indexText(fields);
    expect(once).toBe(fields.map((f) => indexTokens(f).join(' ')).join(' '));
    expect(indexText(fields)).toBe(once);
    expect(indexText([fields[0], null, '', fields[1]])).toBe(indexText([fields[0], fields[1]]));
  });
});

describe('any input', () => {
  it('emits only clean tokens, never throws, never an empty token', () => {
    fc.assert(
      fc.property(messy, messy, (a, b) => {
        const text = indexText([a, null, b, undefined, '']);
        if (text === '') return;
        expect(text).not.toMatch(/^ | $| {2}/);
        for (const token of text.split(' ')) {
          expect(token).toMatch(TOKEN_PATTERN);
          expect(token).toMatch(TOKEN_SHAPE);
        }
        for (const group of queryGroups(a)) {
          expect(group.length).toBeGreaterThan(0);
          for (const phrase of group) {
            expect(phrase.tokens.length).toBeGreaterThan(0);
            for (const token of phrase.tokens) expect(token).toMatch(TOKEN_PATTERN);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every text by itself as a query', () => {
    fc.assert(
      fc.property(messy, (text) => {
        expect(matches(text, text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a word typed twice one group, and indexes no long guessed words', () => {
    expect(queryGroups('铜 铜')).toEqual(queryGroups('铜'));
    const unknown = '䶮'.repeat(40) + '㐀'.repeat(40);
    for (const token of indexTokens(unknown)) expect(token.length).toBeLessThanOrEqual(16);
  });

  it('gives no groups for a query with nothing to search for', () => {
    expect(queryGroups('')).toEqual([]);
    expect(queryGroups(' ，。!? * 😀 ')).toEqual([]);
    expect(indexText([])).toBe('');
    expect(indexText([null, ' - '])).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// The engines' tokenizers take the tokens as they are

const sampleTexts = [
  '西藏甲玛铜多金属矿 ZK1616 花岗闪长斑岩 岩芯',
  'KQ-520000-00000-ZK0001 1e5 0x1f 3.5m 〇 𠀀𪚥 㐀',
  'Qulong porphyry copper deposit, ZK-1616 (Tibet)',
];

function engineSamples(): string[] {
  const random = fc.sample(messy, { numRuns: 300, seed: 42 });
  return [...sampleTexts, ...random].map((t) => indexText([t])).filter((t) => t !== '');
}

describe('SQLite FTS5 (unicode61)', () => {
  it('tokenizes the index text into exactly our tokens', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`);
    const insert = db.prepare('INSERT INTO t(rowid, x) VALUES (?, ?)');
    const terms = db.prepare<[number], { term: string }>(
      'SELECT term FROM v WHERE doc = ? ORDER BY "offset"',
    );
    const texts = engineSamples();
    texts.forEach((text, i) => insert.run(i + 1, text));
    texts.forEach((text, i) => expect(terms.all(i + 1).map((r) => r.term)).toEqual(text.split(' ')));
    db.close();
  });
});

describe('PostgreSQL to_tsvector(simple)', () => {
  const url = inject('pgUrl');
  let client: pg.Client | undefined;
  afterAll(async () => {
    await client?.end();
  });

  it.skipIf(!url)('parses the index text into exactly our tokens', async () => {
    client = new pg.Client(url);
    await client.connect();
    const texts = engineSamples();
    const { rows } = await client.query<{ i: number; tokens: string[]; lexemes: string[] }>(
      `SELECT u.i, array_agg(d.token ORDER BY d.n) AS tokens, array_agg(d.lexemes[1] ORDER BY d.n) AS lexemes
         FROM unnest($1::text[]) WITH ORDINALITY AS u(text, i),
              LATERAL (SELECT token, lexemes, row_number() OVER () AS n
                         FROM ts_debug('simple', u.text) WHERE alias <> 'blank') AS d
        GROUP BY u.i ORDER BY u.i`,
      [texts],
    );
    expect(rows).toHaveLength(texts.length);
    for (const row of rows) {
      const expected = texts[row.i - 1]!.split(' ');
      expect(row.tokens).toEqual(expected);
      expect(row.lexemes).toEqual(expected);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Speed

/** ~60 characters like a borehole's searchable fields: deposit, county, hole id, rock, commodity. */
function boreholeTexts(from: number, count: number): string[][] {
  const digits = '〇一二三四五六七八九';
  // A different exploration line per record (第〇〇四二勘探线) keeps ideograph runs from repeating.
  const line = (i: number) =>
    `第${[1000, 100, 10, 1].map((d) => digits[Math.floor(i / d) % 10]).join('')}勘探线`;
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const deposit = FAMOUS_DEPOSITS[i % FAMOUS_DEPOSITS.length]!;
    const county = COUNTIES[(i * 7) % COUNTIES.length]!;
    const rock = ROCKS[(i * 13) % ROCKS.length]!;
    return [
      `${county.zh}${deposit.name}${line(i)}`,
      `ZK${(i % 5000).toString().padStart(4, '0')} KQ-${deposit.province}-00000-ZK${i}`,
      `${rock.zh} ${rock.en}`,
      '铜 钼',
    ];
  });
}

function textsPerSecond(records: readonly string[][]): number {
  const started = performance.now();
  for (const r of records) indexText(r);
  return (records.length * 1000) / (performance.now() - started);
}

describe('speed', () => {
  it('indexes typical borehole text fast enough for 3 million records', () => {
    textsPerSecond(boreholeTexts(0, 2_000)); // let the JIT settle
    const records = boreholeTexts(2_000, 20_000);
    const cold = textsPerSecond(records);
    const warm = textsPerSecond(records);
    const chars = records.reduce((n, r) => n + r.join(' ').length, 0) / records.length;
    const tokens = records.reduce((n, r) => n + indexText(r).split(' ').length, 0) / records.length;
    console.log(
      `analyzer: ${records.length} texts of ~${chars.toFixed(0)} chars, ${tokens.toFixed(0)} tokens each: ` +
        `${cold.toFixed(0)} texts/s (${(cold * tokens).toFixed(0)} tokens/s) with new ideograph runs, ` +
        `${warm.toFixed(0)} texts/s with runs seen before; jieba load ${loadMs.toFixed(0)} ms`,
    );
    // A loose floor: the machine running the suite may be busy; the line above is the measurement.
    expect(cold).toBeGreaterThan(5_000);
  });
});
