import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatQuery,
  parseQuery,
  QUERY_FIELDS,
  QUERY_LIMITS,
  QuerySyntaxError,
  type QueryNode,
} from '../../../src/domain/search/query-language.js';
import { DEPOSIT_TYPES } from '../../../src/domain/china.js';
import { commodityCode } from '../../../src/domain/reference-terms.js';

// --- helpers ------------------------------------------------------------------------------------

type Unspanned = unknown;

/** The tree without spans, for comparing what two spellings mean. */
function stripSpans(node: QueryNode | null): Unspanned {
  if (node === null) return null;
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, children: node.children.map(stripSpans) };
    case 'not':
      return { kind: 'not', child: stripSpans(node.child) };
    case 'text':
    case 'prefix':
    case 'term':
    case 'range': {
      const { span: _span, ...rest } = node;
      return rest;
    }
  }
}

const parse = (query: string) => stripSpans(parseQuery(query));

function errorOf(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (e) {
    if (e instanceof QuerySyntaxError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(query)} to fail`);
}

/** What the error underlines in the original string. */
const underlined = (query: string, e: QuerySyntaxError) => query.slice(e.position, e.position + e.length);

const text = (t: string, phrase = false) => ({ kind: 'text', text: t, phrase });
const term = (field: string, ...values: string[]) => ({ kind: 'term', field, values });
const and = (...children: Unspanned[]) => ({ kind: 'and', children });
const or = (...children: Unspanned[]) => ({ kind: 'or', children });
const not = (child: Unspanned) => ({ kind: 'not', child });
const range = (
  field: string,
  min: number | null,
  max: number | null,
  minInclusive = min !== null,
  maxInclusive = max !== null,
) => ({ kind: 'range', field, min, max, minInclusive, maxInclusive });

// --- the language -------------------------------------------------------------------------------

describe('parseQuery: the two spellings of one query', () => {
  const zh = '铜 省:西藏 深度>800 类别:I 有:图像 模式:公益';
  const en = 'copper province:Tibet depth>800 class:I has:images mode:public';

  it('gives the same filters in Chinese and English; the free word stays as typed', () => {
    const filters = [
      term('province', '540000'),
      range('depth', 800, null, false, false),
      term('class', 'I'),
      term('has', 'images'),
      term('mode', 'public_welfare'),
    ];
    expect(parse(zh)).toEqual(and(text('铜'), ...filters));
    expect(parse(en)).toEqual(and(text('copper'), ...filters));
  });

  it('records spans as offsets into the string as typed', () => {
    const tree = parseQuery(zh) as Extract<QueryNode, { kind: 'and' }>;
    const spans = tree.children.map((c) => ('span' in c ? zh.slice(c.span.start, c.span.end) : null));
    expect(spans).toEqual(['铜', '省:西藏', '深度>800', '类别:I', '有:图像', '模式:公益']);
  });

  it('formats both to one canonical English query', () => {
    expect(formatQuery(parseQuery(zh)!)).toBe(
      '铜 province:540000 depth>800 class:I has:images mode:public_welfare',
    );
    expect(formatQuery(parseQuery(en)!)).toBe(
      'copper province:540000 depth>800 class:I has:images mode:public_welfare',
    );
  });
});

describe('parseQuery: fields and aliases', () => {
  const sample: Record<string, { value: string; node: Unspanned }> = {
    province: { value: '西藏', node: term('province', '540000') },
    commodity: { value: '铜', node: term('commodity', 'Cu') },
    type: { value: '斑岩型', node: term('type', 'porphyry') },
    class: { value: 'Ⅰ', node: term('class', 'I') },
    funding: { value: '中央财政', node: term('funding', 'central_fiscal') },
    level: { value: '国家馆', node: term('level', 'national') },
    custodian: { value: 'CGS-NC', node: term('custodian', 'CGS-NC') },
    confidentiality: { value: '公开', node: term('confidentiality', 'public') },
    material: { value: '岩芯', node: term('material', 'core') },
    has: { value: '光谱', node: term('has', 'spectra') },
    mode: { value: '借用', node: term('mode', 'public_loan') },
    id: { value: 'ZK1616', node: term('id', 'ZK1616') },
    depth: { value: '500..1500', node: range('depth', 500, 1500) },
    year: { value: '1990..2005', node: range('year', 1990, 2005) },
    elevation: { value: '4000..', node: range('elevation', 4000, null) },
  };
  const cases = QUERY_FIELDS.flatMap((spec) =>
    [...spec.aliases.en, ...spec.aliases.en.map((a) => a.toUpperCase()), ...spec.aliases.zh].map(
      (alias) => [spec.name, alias] as const,
    ),
  );

  it('lists every field once, with at least one alias in each language', () => {
    expect(QUERY_FIELDS.map((f) => f.name).sort()).toEqual(Object.keys(sample).sort());
    for (const spec of QUERY_FIELDS) {
      expect(spec.aliases.en[0]).toBe(spec.name);
      expect(spec.aliases.zh.length).toBeGreaterThan(0);
    }
  });

  it.each(cases)('%s is also written %s', (field, alias) => {
    const { value, node } = sample[field]!;
    expect(parse(`${alias}:${value}`)).toEqual(node);
    expect(parse(`${alias}：${value}`)).toEqual(node); // full-width colon
  });

  it.each(QUERY_FIELDS.flatMap((spec) => (spec.values ?? []).map((v) => [spec.name, v] as const)))(
    'every word the help page lists for %s reads as its code (%o)',
    (field, value) => {
      for (const word of [value.code, ...value.en, ...value.zh]) {
        expect(parse(`${field}:"${word}"`)).toEqual(term(field, value.code));
      }
    },
  );

  it.each([
    ['province', ['西藏', '西藏自治区', 'Tibet', 'tibet', 'xizang', '54', '540000'], '540000'],
    ['province', ['云南', '云南省', 'Yunnan', '53'], '530000'],
    ['commodity', ['铜', '铜矿', 'copper', 'cu', 'Cu', 'ＣＵ'], 'Cu'],
    ['type', ['porphyry', '斑岩型', '斑岩', 'PORPHYRY'], 'porphyry'],
    ['type', ['Carlin-type', 'carlin', '卡林型', '卡林'], 'carlin'],
    ['type', ['"magmatic oxide"', 'magmatic_oxide', '岩浆分异型'], 'magmatic_oxide'],
    ['class', ['I', 'i', '1', 'Ⅰ', '一类', 'Ⅰ类', '１'], 'I'],
    ['class', ['II', '2', 'Ⅱ', '二类'], 'II'],
    ['class', ['III', '3', 'Ⅲ', '三类'], 'III'],
    ['funding', ['central', 'central_fiscal', '中央财政', '中央'], 'central_fiscal'],
    ['funding', ['自筹', 'self_funded', '自有资金'], 'self_funded'],
    ['funding', ['个人', 'private', '社会资金'], 'private'],
    ['level', ['national', '国家', '国家馆', 'NATIONAL'], 'national'],
    ['level', ['provincial', '省级', '省级馆'], 'provincial'],
    ['level', ['depositor', '汇交人'], 'depositor'],
    ['level', ['entrusted', '委托'], 'entrusted'],
    ['confidentiality', ['public', '公开'], 'public'],
    ['confidentiality', ['secret', 'classified', '涉密'], 'classified'],
    ['material', ['core', '岩芯', '岩心'], 'core'],
    ['material', ['"thin section"', 'thin_section', '薄片'], 'thin_section'],
    ['has', ['images', 'image', '图像', '影像'], 'images'],
    ['has', ['spectra', 'spectrum', '光谱'], 'spectra'],
    ['has', ['xrf', 'XRF', '元素', 'element'], 'xrf'],
    ['has', ['lithology', '岩性'], 'lithology'],
    ['has', ['samples', 'sample', '样品'], 'samples'],
    ['has', ['boxes', '岩芯箱'], 'boxes'],
    ['has', ['surveys', '测斜'], 'surveys'],
    ['mode', ['public', '公益', '公益性', 'public_welfare'], 'public_welfare'],
    ['mode', ['loan', '借用'], 'public_loan'],
    ['mode', ['cooperative', '合作', '合作研究'], 'cooperative'],
    ['mode', ['trade', 'exchange', '交易', '交换'], 'trade'],
    ['mode', ['lease', '租赁'], 'lease'],
    ['mode', ['permit', '许可', '行政许可'], 'permit'],
  ])('%s: %j all mean %s', (field, words, code) => {
    for (const word of words) expect(parse(`${field}:${word}`)).toEqual(term(field, code));
  });

  it('keeps an unknown commodity as written (NFKC-normalised), without an error', () => {
    expect(parse('矿种:高岭土')).toEqual(term('commodity', '高岭土'));
    expect(parse('commodity:"rare metal"')).toEqual(term('commodity', 'rare metal'));
  });

  it('keeps custodian and hole-id text; a trailing * on a hole id asks for a prefix', () => {
    expect(parse('馆藏:"自然资源实物地质资料中心"')).toEqual(term('custodian', '自然资源实物地质资料中心'));
    expect(parse('孔号:ZK16-1')).toEqual(term('id', 'ZK16-1'));
    expect(parse('id:ZK16*')).toEqual({ kind: 'prefix', field: 'id', text: 'ZK16' });
    expect(parse('hole:ＺＫ16＊')).toEqual({ kind: 'prefix', field: 'id', text: 'ZK16' });
    expect(parse('钻孔:ZK16*,ZK17-1,ZK18*,ZK19')).toEqual(
      or(
        term('id', 'ZK17-1', 'ZK19'),
        { kind: 'prefix', field: 'id', text: 'ZK16' },
        {
          kind: 'prefix',
          field: 'id',
          text: 'ZK18',
        },
      ),
    );
  });

  it('takes `=` like `:` for every field', () => {
    expect(parse('省=西藏')).toEqual(term('province', '540000'));
  });
});

describe('parseQuery: comparisons and ranges', () => {
  it.each([
    ['深度>800', range('depth', 800, null, false, false)],
    ['depth>=800', range('depth', 800, null, true, false)],
    ['depth<1500', range('depth', null, 1500, false, false)],
    ['depth<=1500', range('depth', null, 1500, false, true)],
    ['depth=500', range('depth', 500, 500)],
    ['depth:500', range('depth', 500, 500)],
    ['depth:500..500', range('depth', 500, 500)],
    ['depth:>800', range('depth', 800, null, false, false)],
    ['depth:>=800', range('depth', 800, null, true, false)],
    ['depth:<1500', range('depth', null, 1500, false, false)],
    ['depth:=500', range('depth', 500, 500)],
    ['深度:500..1500', range('depth', 500, 1500)],
    ['depth:500..', range('depth', 500, null)],
    ['depth:..1500', range('depth', null, 1500)],
    ['depth:500~1500', range('depth', 500, 1500)],
    ['孔深:500.5..1500.25', range('depth', 500.5, 1500.25)],
    ['年份:1990..2005', range('year', 1990, 2005)],
    ['年代:1990年..2005年', range('year', 1990, 2005)],
    ['depth>800m', range('depth', 800, null, false, false)],
    ['深度>800米', range('depth', 800, null, false, false)],
    ['高程:-200..100', range('elevation', -200, 100)],
    ['标高>-200', range('elevation', -200, null, false, false)],
    ['elevation:-0', range('elevation', 0, 0)],
    // full-width forms and the ≥ ≤ signs
    ['深度＞800', range('depth', 800, null, false, false)],
    ['深度＞＝800', range('depth', 800, null, true, false)],
    ['深度＜1500', range('depth', null, 1500, false, false)],
    ['深度＝５００', range('depth', 500, 500)],
    ['深度：５００．．１５００', range('depth', 500, 1500)],
    ['深度：500～1500', range('depth', 500, 1500)],
    ['深度≥800', range('depth', 800, null, true, false)],
    ['深度≤800', range('depth', null, 800, false, true)],
    ['depth:"500..1500"', range('depth', 500, 1500)],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });
});

describe('parseQuery: boolean structure', () => {
  it.each([
    ['铜 金', and(text('铜'), text('金'))],
    ['铜 AND 金', and(text('铜'), text('金'))],
    ['铜 与 金', and(text('铜'), text('金'))],
    ['铜 && 金', and(text('铜'), text('金'))],
    ['铜&&金', and(text('铜'), text('金'))],
    ['铜 and 金', and(text('铜'), text('金'))],
    ['铜 OR 金', or(text('铜'), text('金'))],
    ['铜 或 金', or(text('铜'), text('金'))],
    ['铜||金', or(text('铜'), text('金'))],
    ['铜 Or 金', or(text('铜'), text('金'))],
    ['铜 ｜｜ 金 ＆＆ 银', or(text('铜'), and(text('金'), text('银')))],
    // precedence NOT > AND > OR
    ['a b OR c', or(and(text('a'), text('b')), text('c'))],
    ['a OR b c', or(text('a'), and(text('b'), text('c')))],
    ['a OR b AND c OR d', or(text('a'), and(text('b'), text('c')), text('d'))],
    ['NOT a b', and(not(text('a')), text('b'))],
    ['a AND NOT b OR c', or(and(text('a'), not(text('b'))), text('c'))],
    ['NOT NOT a', not(not(text('a')))],
    ['a (b OR c)', and(text('a'), or(text('b'), text('c')))],
    ['(a OR b) AND (c OR d)', and(or(text('a'), text('b')), or(text('c'), text('d')))],
    // parentheses never leave a trace, and nested and/or of one kind are flattened
    ['((a))', text('a')],
    ['a (b c) d', and(text('a'), text('b'), text('c'), text('d'))],
    ['a OR (b OR (c OR d))', or(text('a'), text('b'), text('c'), text('d'))],
    ['（铜　或　金）　省：西藏', and(or(text('铜'), text('金')), term('province', '540000'))],
    // negation forms
    ['-省:西藏', not(term('province', '540000'))],
    ['NOT 省:西藏', not(term('province', '540000'))],
    ['非 省:西藏', not(term('province', '540000'))],
    ['not 省:西藏', not(term('province', '540000'))],
    ['－省：西藏', not(term('province', '540000'))],
    ['铜 -金', and(text('铜'), not(text('金')))],
    ['-"斑岩 铜矿"', not(text('斑岩 铜矿', true))],
    ['-(铜 OR 金)', not(or(text('铜'), text('金')))],
    // a dash that negates nothing is text, like any punctuation
    ['铜 - 金', and(text('铜'), text('-'), text('金'))],
    ['--', text('--')],
    ['ZK16-1', text('ZK16-1')],
    // 与/或/非 are operators only as whole words: 非金属 means non-metal
    ['铜或金', text('铜或金')],
    ['非金属', text('非金属')],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });
});

describe('parseQuery: phrases, lists and text that only looks like syntax', () => {
  it.each([
    ['"斑岩 铜矿"', text('斑岩 铜矿', true)],
    ['“斑岩 铜矿”', text('斑岩 铜矿', true)],
    ['「斑岩 铜矿」', text('斑岩 铜矿', true)],
    ['『斑岩 铜矿』', text('斑岩 铜矿', true)],
    ['＂斑岩 铜矿＂', text('斑岩 铜矿', true)],
    ['"铜 AND 金 省:西藏 ("', text('铜 AND 金 省:西藏 (', true)],
    ['"say \\"hi\\""', text('say "hi"', true)],
    ['"C:\\data\\core"', text('C:\\data\\core', true)],
    ['"a\\\\"', text('a\\', true)],
    ['"斑岩"铜矿', and(text('斑岩', true), text('铜矿'))],
    ['"foo:bar"', text('foo:bar', true)],
    // a digit before the colon is a time or a ratio, a scheme:// is a URL: text, not fields
    ['12:30', text('12:30')],
    ['1:50000', text('1:50000')],
    ['https://geocloud.cgs.gov.cn/core', text('https://geocloud.cgs.gov.cn/core')],
    ['1=1', text('1=1')],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it.each([
    ['省:西藏,云南', term('province', '540000', '530000')],
    ['省:西藏，云南', term('province', '540000', '530000')],
    ['省:西藏、云南', term('province', '540000', '530000')],
    ['省:西藏, 云南', term('province', '540000', '530000')],
    ['省:西藏,Tibet,54', term('province', '540000')],
    ['province:"Inner Mongolia",Tibet', term('province', '150000', '540000')],
    ['类型:"magmatic oxide",skarn', term('type', 'magmatic_oxide', 'skarn')],
    ['有:图像,光谱', term('has', 'images', 'spectra')],
    ['custodian:"a,b"', term('custodian', 'a,b')],
  ])('%s is a list', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });
});

describe('parseQuery: blank, injection-shaped and garbage input', () => {
  it.each(['', ' ', '\t\n', '\u3000', '\u200b\u200f', '\ufeff'])('%j is no query', (query) => {
    expect(parseQuery(query)).toBeNull();
  });

  // The AST only ever holds strings and numbers; the store binds them as parameters.
  it('reads SQL-looking input as plain words', () => {
    expect(parse("'; DROP TABLE borehole; --")).toEqual(
      and(text("';"), text('DROP'), text('TABLE'), text('borehole;'), text('--')),
    );
    expect(parse("Robert' DROP TABLE boreholes;--")).toEqual(
      and(text("Robert'"), text('DROP'), text('TABLE'), text('boreholes;--')),
    );
    expect(parse('1 OR 1=1 --')).toEqual(or(text('1'), and(text('1=1'), text('--'))));
  });

  it('rejects SQL-looking input that breaks the syntax with a clean error', () => {
    const bobby = "Robert'); DROP TABLE boreholes;--";
    expect([errorOf(bobby).code, errorOf(bobby).position]).toEqual(['unmatched_parenthesis', 7]);
    const opened = errorOf('" OR 1=1 --');
    expect([opened.code, opened.position, opened.length]).toEqual(['unclosed_quote', 0, 1]);
    const province = errorOf("省:西藏' OR '1'='1");
    expect([province.code, underlined("省:西藏' OR '1'='1", province)]).toEqual(['unknown_value', "西藏'"]);
  });

  it('treats control and invisible characters as spaces, and keeps emoji as text', () => {
    expect(parse('铜\u200f金')).toEqual(and(text('铜'), text('金')));
    expect(parse('a\u0000b\u202ec')).toEqual(and(text('a'), text('b'), text('c')));
    expect(parse('"a\u0000b"')).toEqual(text('a b', true));
    expect(parse('😀 👨‍👩‍👧')).toEqual(and(text('😀'), text('👨‍👩‍👧')));
    expect(parse('\ufeff省:西藏')).toEqual(term('province', '540000'));
  });

  it('rejects half a surrogate pair where it stands', () => {
    const query = '铜 😀 \ud800 金';
    const e = errorOf(query);
    expect([e.code, e.position, e.length]).toEqual(['invalid_character', 5, 1]);
  });
});

// --- errors -------------------------------------------------------------------------------------

describe('parseQuery: errors point at the token as typed', () => {
  it.each([
    // query, code, underlined text, English message, Chinese message
    ['(铜', 'unclosed_parenthesis', '(', /never closed/, /括号没有闭合/],
    ['((铜)', 'unclosed_parenthesis', '(', /never closed/, /括号没有闭合/],
    ['铜)', 'unmatched_parenthesis', ')', /without an opening/, /多余的右括号/],
    [')', 'unmatched_parenthesis', ')', /without an opening/, /多余的右括号/],
    ['(铜))', 'unmatched_parenthesis', ')', /without an opening/, /多余的右括号/],
    ['铜 ()', 'empty_parentheses', '()', /nothing between the parentheses/, /括号内为空/],
    ['"铜', 'unclosed_quote', '"', /quote " is never closed/, /引号 " 没有闭合/],
    ['「铜', 'unclosed_quote', '「', /never closed/, /没有闭合/],
    ['“铜」', 'unclosed_quote', '“', /never closed/, /没有闭合/],
    ['铜 ”', 'unmatched_quote', '”', /closing quote ” without/, /多余的右引号/],
    ['""', 'empty_phrase', '""', /nothing between the quotes/, /引号内为空/],
    ['铜 AND', 'missing_operand', 'AND', /"AND" needs a search term after it/, /“AND”后面缺少检索词/],
    ['铜 与', 'missing_operand', '与', /"与" needs a search term after it/, /“与”后面缺少/],
    ['铜 &&', 'missing_operand', '&&', /after it/, /后面缺少/],
    ['OR 铜', 'missing_operand', 'OR', /"OR" needs a search term before it/, /“OR”前面缺少检索词/],
    ['|| 铜', 'missing_operand', '||', /before it/, /前面缺少/],
    ['或 铜', 'missing_operand', '或', /before it/, /前面缺少/],
    ['NOT', 'missing_operand', 'NOT', /"NOT" needs a search term after it/, /“NOT”后面缺少/],
    ['非', 'missing_operand', '非', /after it/, /后面缺少/],
    ['铜 NOT', 'missing_operand', 'NOT', /after it/, /后面缺少/],
    ['(铜 AND)', 'missing_operand', 'AND', /after it/, /后面缺少/],
    ['(OR 铜)', 'missing_operand', 'OR', /before it/, /前面缺少/],
    ['铜 AND OR 金', 'missing_operand', 'OR', /"OR" cannot follow "AND"/, /“OR”不能紧跟在“AND”之后/],
    ['NOT AND 铜', 'missing_operand', 'AND', /cannot follow "NOT"/, /不能紧跟在“NOT”之后/],
    [
      'foo:bar',
      'unknown_field',
      'foo',
      /unknown field "foo"; known fields: province, commodity/,
      /未知字段“foo”/,
    ],
    ['铜 备注：斑岩', 'unknown_field', '备注', /unknown field "备注"/, /可用字段：省、矿种/],
    ['a=b', 'unknown_field', 'a', /unknown field "a"/, /未知字段/],
    ['省:', 'missing_value', '省:', /"省:" needs a value/, /缺少省的取值/],
    ['省: 西藏', 'missing_value', '省:', /needs a value/, /缺少/],
    ['深度>', 'missing_value', '深度>', /needs a value/, /缺少/],
    ['省:西藏,', 'empty_value', ',', /empty value for province/, /省的取值为空/],
    ['省:""', 'empty_value', '""', /empty value/, /取值为空/],
    [
      '省:火星',
      'unknown_value',
      '火星',
      /unknown value "火星" for province; accepted values include Beijing/,
      /未知的省份“火星”/,
    ],
    [
      '类型:xyz',
      'unknown_value',
      'xyz',
      /unknown value "xyz" for type.*porphyry, skarn/,
      /可用取值如：斑岩型/,
    ],
    ['有:视频', 'unknown_value', '视频', /unknown value "视频" for has.*images/, /未知的已有数据“视频”/],
    ['模式:免费', 'unknown_value', '免费', /for mode; .*public_welfare/, /共享模式/],
    ['class:IV', 'unknown_value', 'IV', /"IV" for class/, /岩芯类别/],
    ['馆级:市级', 'unknown_value', '市级', /for level/, /馆藏级别/],
    ['省>西藏', 'not_comparable', '>', /province cannot be compared with ">"/, /省不能用“>”比较/],
    ['深度:abc', 'not_a_number', 'abc', /depth needs a number, not "abc"/, /深度需要数字/],
    ['depth>800km', 'not_a_number', '800km', /not "800km"/, /需要数字/],
    ['depth:1e400', 'not_a_number', '1e400', /needs a number/, /需要数字/],
    ['depth:..', 'empty_range', '..', /neither a lower nor an upper bound/, /既无下限也无上限/],
    ['depth:1500..500', 'reversed_range', '1500..500', /1500 is greater than 500/, /1500 大于 500/],
    ['深度:1,2', 'single_value_only', '2', /one number or range, not a list/, /只能取一个/],
    ['id:Z*K', 'bad_wildcard', 'Z*K', /only end with \*/, /只能放在末尾/],
    ['id:*', 'bad_wildcard', '*', /at least one character before \*/, /至少要有一个字符/],
  ])('%s → %s at %j', (query, code, token, en, zh) => {
    const e = errorOf(query);
    expect(e).toBeInstanceOf(QuerySyntaxError);
    expect(e.code).toBe(code);
    expect(underlined(query, e)).toBe(token);
    expect(e.message).toMatch(en);
    expect(e.messageZh).toMatch(zh);
  });

  it('points into the original string even where NFKC changed lengths before the token', () => {
    const query = 'Ⅱ类 ﹙😀 ＡＢＣ　ｆｏｏ：ｂａｒ';
    const e = errorOf(query);
    expect([e.code, e.position, underlined(query, e)]).toEqual(['unknown_field', 11, 'ｆｏｏ']);
    const wide = '类别:Ⅳ';
    expect(underlined(wide, errorOf(wide))).toBe('Ⅳ');
    const paren = '😀 （铜';
    expect([errorOf(paren).position, underlined(paren, errorOf(paren))]).toEqual([3, '（']);
  });

  it('limits the length: says the length and the limit, underlines the excess', () => {
    const query = 'a'.repeat(1002);
    const e = errorOf(query);
    expect([e.code, e.position, e.length]).toEqual(['too_long', 1000, 2]);
    expect(e.message).toMatch(/1002 characters.*limit is 1000/);
    expect(e.messageZh).toMatch(/1002.*1000/);
    expect(parse(`"${'x'.repeat(998)}"`)).toEqual(text('x'.repeat(998), true));
  });

  it('limits nesting to 32 levels of parentheses and NOT', () => {
    const deep = (n: number) => `${'('.repeat(n)}a${')'.repeat(n)}`;
    expect(parse(deep(32))).toEqual(text('a'));
    const e = errorOf(deep(33));
    expect([e.code, e.position, e.length]).toEqual(['too_deep', 32, 1]);
    expect(e.message).toMatch(/deeper than 32/);
    const nots = `${'NOT '.repeat(33)}a`;
    expect([errorOf(nots).code, errorOf(nots).position]).toEqual(['too_deep', 32 * 4]);
  });

  it('limits a query to 64 terms', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect((parseQuery(words(64)) as { children: unknown[] }).children).toHaveLength(64);
    const query = words(65);
    const e = errorOf(query);
    expect([e.code, underlined(query, e)]).toEqual(['too_many_terms', 'w64']);
    expect(e.message).toMatch(/more than 64/);
  });

  it('exports its limits', () => {
    expect(QUERY_LIMITS).toEqual({ maxLength: 1000, maxNesting: 32, maxTerms: 64 });
  });
});

// --- formatting ---------------------------------------------------------------------------------

describe('formatQuery', () => {
  it.each([
    ['a b OR c', '(a b) OR c'],
    ['a (b OR c)', 'a (b OR c)'],
    ['-(铜 OR 金) -省:西藏', 'NOT (铜 OR 金) NOT province:540000'],
    ['“斑岩 铜矿” AND', null],
    ['"say \\"hi\\""', '"say \\"hi\\""'],
    ['"AND"', '"AND"'],
    ['类型:"magmatic oxide",skarn', 'type:magmatic_oxide,skarn'],
    ['馆藏:"国家 中心"', 'custodian:"国家 中心"'],
    ['id:"ZK 16*"', 'id:"ZK 16*"'],
    ['深度：500．．1500 depth=5 高程<=-3 year>=1990', 'depth:500..1500 depth:5 elevation<=-3 year>=1990'],
  ])('%s → %s', (query, expected) => {
    if (expected === null) return expect(() => parseQuery(query)).toThrow(QuerySyntaxError);
    expect(formatQuery(parseQuery(query)!)).toBe(expected);
  });

  it('writes a half-open two-sided range as two comparisons', () => {
    const node: QueryNode = {
      kind: 'range',
      field: 'depth',
      min: 5,
      max: 10,
      minInclusive: false,
      maxInclusive: true,
      span: { start: 0, end: 0 },
    };
    expect(formatQuery(node)).toBe('(depth>5 depth<=10)');
  });

  it('refuses trees no query can express', () => {
    expect(() => formatQuery({ kind: 'and', children: [] })).toThrow(RangeError);
    const span = { start: 0, end: 0 };
    expect(() =>
      formatQuery({
        kind: 'range',
        field: 'year',
        min: null,
        max: null,
        minInclusive: false,
        maxInclusive: false,
        span,
      }),
    ).toThrow(RangeError);
  });
});

// --- properties ---------------------------------------------------------------------------------

/** Parses without throwing anything but QuerySyntaxError, and with a position inside the input. */
function checkParsesOrFailsCleanly(query: string): void {
  let node: QueryNode | null;
  try {
    node = parseQuery(query);
  } catch (e) {
    if (!(e instanceof QuerySyntaxError)) throw e;
    expect(e.position).toBeGreaterThanOrEqual(0);
    expect(e.length).toBeGreaterThanOrEqual(0);
    expect(e.position + e.length).toBeLessThanOrEqual(query.length);
    expect(e.message).not.toBe('');
    expect(e.messageZh).not.toBe('');
    return;
  }
  // whatever parses also formats to a query that parses to the same tree
  if (node !== null) expect(parse(formatQuery(node))).toEqual(stripSpans(node));
}

const LANGUAGE_PIECES = [
  '铜',
  'copper',
  '金',
  'a',
  'ZK16-1',
  '12:30',
  'http://x.cn',
  '😀',
  'Ⅰ',
  '١٢',
  '省:西藏',
  'province:Tibet',
  '省：西藏,云南',
  'prov:',
  '矿种:铜矿',
  '类型:斑岩',
  'type:"magmatic oxide"',
  'class:Ⅱ',
  '资金:中央',
  'level:national',
  '馆藏:"中心"',
  '密级:公开',
  '材料:岩芯',
  '有:图像,光谱',
  'mode:public',
  'id:ZK16*',
  'id:*',
  'id:Z*K',
  'foo:bar',
  '深度>800',
  'depth>=',
  'depth:500..1500',
  'depth:1500..500',
  'depth:..',
  '年份:1990..',
  '高程:-5',
  'depth＞＝8',
  'depth:1,2',
  'depth:abc',
  'AND',
  'and',
  '与',
  '&&',
  'OR',
  '或',
  '||',
  'NOT',
  '非',
  '-',
  '--',
  '(',
  ')',
  '（',
  '）',
  '"',
  '“',
  '”',
  '「',
  '」',
  '『',
  '』',
  '＂',
  '\\',
  ':',
  '：',
  ',',
  '，',
  '、',
  '..',
  '>',
  '＞',
  '=',
  '*',
  ' ',
  ' ',
  '\u3000',
  '\t',
  '\u200f',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u200d',
];

describe('parseQuery properties', () => {
  it('never throws anything but a QuerySyntaxError with a position inside the input (20,000+ runs)', () => {
    const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
    const fromPieces = fc
      .array(fc.tuple(fc.constantFrom(...LANGUAGE_PIECES), fc.constantFrom('', ' ', '', '\u3000')), {
        maxLength: 24,
      })
      .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));
    const unicode = fc.string({ unit: 'binary', maxLength: 40 });
    const graphemes = fc.string({ unit: 'grapheme', maxLength: 30 });
    const mixed = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...LANGUAGE_PIECES),
        fc.string({ unit: 'binary', maxLength: 2 }),
        loneSurrogate,
      ),
      maxLength: 30,
    });
    const long = fc.string({
      unit: fc.constantFrom('a', ' ', '(', '"', '铜', ':'),
      minLength: 990,
      maxLength: 1010,
    });

    fc.assert(fc.property(fromPieces, checkParsesOrFailsCleanly), { numRuns: 9000 });
    fc.assert(fc.property(mixed, checkParsesOrFailsCleanly), { numRuns: 5000 });
    fc.assert(fc.property(unicode, checkParsesOrFailsCleanly), { numRuns: 4000 });
    fc.assert(fc.property(graphemes, checkParsesOrFailsCleanly), { numRuns: 2000 });
    fc.assert(fc.property(long, checkParsesOrFailsCleanly), { numRuns: 300 });
  });

  it('round-trips generated trees through formatQuery and parseQuery', () => {
    fc.assert(
      fc.property(queryTree, (tree) => {
        const query = formatQuery(tree);
        let reparsed: QueryNode | null;
        try {
          reparsed = parseQuery(query);
        } catch (e) {
          // a generated tree may exceed the limits; anything else is a formatting bug
          const limit =
            e instanceof QuerySyntaxError && ['too_long', 'too_deep', 'too_many_terms'].includes(e.code);
          fc.pre(!limit);
          throw e;
        }
        expect(stripSpans(reparsed)).toEqual(stripSpans(tree));
        expect(reparsed).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});

// Generated trees are in the shape parseQuery returns: and/or flattened with two or more children,
// values normalised and unique, unquoted text only where it reads back as unquoted text.
const SPAN = { start: 0, end: 0 };
const ALPHABET = [
  ..."abcXYZ09铜金斑岩矿_.#@!?/;+'%é😀",
  ...[
    '-',
    ':',
    '(',
    ')',
    '"',
    '＂',
    '\\',
    '“',
    '”',
    '「',
    ' ',
    '*',
    ',',
    '&',
    '|',
    'A',
    'N',
    'D',
    'O',
    'R',
    '与',
    '或',
    '非',
  ],
];
const anyText = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 10 });

function readsAsBareWord(word: string): boolean {
  try {
    return JSON.stringify(parse(word)) === JSON.stringify(text(word));
  } catch {
    return false;
  }
}

const stableValue = (s: string) => s !== '' && s === s.normalize('NFKC').trim() && !/[\p{Cc}\p{Cf}]/u.test(s);

const textLeaf = fc.oneof(
  anyText
    .filter(readsAsBareWord)
    .map((t): QueryNode => ({ kind: 'text', text: t, phrase: false, span: SPAN })),
  fc
    .oneof(anyText, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }))
    .filter((t) => t.trim() !== '' && !/[\p{Cc}\p{Cf}]/u.test(t))
    .map((t): QueryNode => ({ kind: 'text', text: t, phrase: true, span: SPAN })),
);

const freeValue = fc
  .oneof(anyText, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }))
  .filter(stableValue);

const codes = (...values: string[]) => fc.constantFrom(...values);
const TERM_VALUES: Record<string, fc.Arbitrary<string>> = {
  province: codes('110000', '150000', '530000', '540000', '820000'),
  commodity: fc.oneof(
    codes('Cu', 'Au', 'REE', 'coal', 'PGE'),
    freeValue.filter((v) => commodityCode(v) === v),
  ),
  type: codes(...DEPOSIT_TYPES.map((t) => t.key)),
  class: codes('I', 'II', 'III'),
  funding: codes('central_fiscal', 'local_fiscal', 'self_funded', 'enterprise', 'private'),
  level: codes('national', 'provincial', 'depositor', 'entrusted'),
  custodian: freeValue,
  confidentiality: codes('public', 'internal', 'classified'),
  material: codes('core', 'cuttings', 'specimen', 'thin_section', 'sample', 'other'),
  has: codes('images', 'spectra', 'xrf', 'lithology', 'samples', 'boxes', 'surveys'),
  mode: codes('public_welfare', 'public_loan', 'cooperative', 'trade', 'lease', 'permit'),
  id: freeValue.filter((v) => !v.includes('*')),
};

const termLeaf = fc
  .constantFrom(...Object.keys(TERM_VALUES))
  .chain((field) =>
    fc
      .uniqueArray(TERM_VALUES[field]!, { minLength: 1, maxLength: 3 })
      .map((values) => ({ kind: 'term', field, values, span: SPAN }) as QueryNode),
  );

const prefixLeaf = TERM_VALUES.id!.map((t): QueryNode => ({
  kind: 'prefix',
  field: 'id',
  text: t,
  span: SPAN,
}));

const number = fc
  .oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((n) => (n === 0 ? 0 : n));

const rangeLeaf = fc
  .tuple(
    fc.constantFrom('depth', 'year', 'elevation' as const),
    number,
    number,
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([field, a, b, shape]): QueryNode => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const bounds = [
      { min: a, max: a, minInclusive: true, maxInclusive: true },
      { min: a, max: null, minInclusive: false, maxInclusive: false },
      { min: a, max: null, minInclusive: true, maxInclusive: false },
      { min: null, max: a, minInclusive: false, maxInclusive: false },
      { min: null, max: a, minInclusive: false, maxInclusive: true },
      { min: lo, max: hi, minInclusive: true, maxInclusive: true },
    ][shape]!;
    return { kind: 'range', field, ...bounds, span: SPAN };
  });

function combined(kind: 'and' | 'or', children: QueryNode[]): QueryNode {
  return { kind, children: children.flatMap((c) => (c.kind === kind ? c.children : [c])) };
}

const { tree: queryTree } = fc.letrec<{ tree: QueryNode }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    textLeaf,
    termLeaf,
    prefixLeaf,
    rangeLeaf,
    fc.array(tie('tree'), { minLength: 2, maxLength: 4 }).map((c) => combined('and', c)),
    fc.array(tie('tree'), { minLength: 2, maxLength: 4 }).map((c) => combined('or', c)),
    tie('tree').map((child): QueryNode => ({ kind: 'not', child })),
  ),
}));

// --- speed --------------------------------------------------------------------------------------

describe('parseQuery speed', () => {
  // ten clauses of six terms each: 60 terms, just under 1,000 characters
  const realistic = Array.from(
    { length: 10 },
    (_, i) =>
      `(铜 OR copper${i}) 省:西藏,云南,Sichuan,Qinghai 深度:500..1500 -"斑岩 铜矿 porphyry copper-gold ${i}" 年份:1990..2005`,
  ).join(' ');
  const shapes = [
    ['realistic, 60 terms', realistic],
    ['one long word', 'ZK'.repeat(500)],
    ['one long phrase', `"${'斑岩铜矿 '.repeat(199)}"`],
    ['deep parentheses', `${'('.repeat(32)}${'铜'.repeat(900)}${')'.repeat(32)}`],
    ['many separators', `${'\u200f \u3000'.repeat(330)}铜`],
  ] as const;

  it.each(shapes)('parses a query near 1,000 characters well under 1 ms (%s)', (_name, query) => {
    expect(query.length).toBeLessThanOrEqual(1000);
    expect(query.length).toBeGreaterThan(950);
    expect(parseQuery(query)).not.toBeNull(); // and warms up
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++) parseQuery(query);
    const perParse = (performance.now() - started) / runs;
    expect(perParse).toBeLessThan(1);
  });
});

describe('formatQuery regressions', () => {
  it('quotes a value that would read as a URL after its field (custodian://a)', () => {
    const tree = parseQuery('custodian:"//a"')!;
    expect(tree).toMatchObject({ kind: 'term', field: 'custodian', values: ['//a'] });
    expect(parseQuery(formatQuery(tree))).toMatchObject({
      kind: 'term',
      field: 'custodian',
      values: ['//a'],
    });
  });
});
