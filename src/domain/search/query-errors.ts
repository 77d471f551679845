// The one error the query language throws, with the messages of every error class in English and
// Chinese. Positions are UTF-16 offsets into the string as typed, so the search box can underline
// the token whatever normalisation happened behind it.
import { QUERY_FIELDS, type QueryFieldSpec } from './query-fields.js';

export type QueryErrorCode =
  | 'too_long'
  | 'invalid_character'
  | 'unclosed_quote'
  | 'unmatched_quote'
  | 'empty_phrase'
  | 'unclosed_parenthesis'
  | 'unmatched_parenthesis'
  | 'empty_parentheses'
  | 'missing_operand'
  | 'too_deep'
  | 'too_many_terms'
  | 'unknown_field'
  | 'missing_value'
  | 'empty_value'
  | 'unknown_value'
  | 'not_comparable'
  | 'not_a_number'
  | 'empty_range'
  | 'reversed_range'
  | 'single_value_only'
  | 'bad_wildcard';

export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';
  readonly code: QueryErrorCode;
  /** Where the offending token starts in the original string. */
  readonly position: number;
  /** How many UTF-16 units of the original string to underline. */
  readonly length: number;
  readonly messageZh: string;

  constructor(code: QueryErrorCode, position: number, length: number, message: string, messageZh: string) {
    super(message);
    this.code = code;
    this.position = position;
    this.length = length;
    this.messageZh = messageZh;
  }
}

export const QUERY_LIMITS = { maxLength: 1000, maxNesting: 32, maxTerms: 64 } as const;

interface At {
  start: number;
  end: number;
}

const error = (code: QueryErrorCode, at: At, en: string, zh: string) =>
  new QuerySyntaxError(code, at.start, at.end - at.start, en, zh);

const fieldZh = (spec: QueryFieldSpec) => spec.aliases.zh[0] ?? spec.label.zh;

/** A short list for a message: the first few items and an ellipsis when there are more. */
function few(items: readonly string[], max: number, separator: string): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown}${separator}…` : shown;
}

export const queryErrors = {
  tooLong: (length: number) =>
    error(
      'too_long',
      { start: QUERY_LIMITS.maxLength, end: length },
      `the query is ${length} characters long; the limit is ${QUERY_LIMITS.maxLength}`,
      `查询长度为 ${length} 个字符，超过上限 ${QUERY_LIMITS.maxLength}`,
    ),
  invalidCharacter: (at: At) =>
    error(
      'invalid_character',
      at,
      'invalid character: half of a UTF-16 surrogate pair',
      '无效字符：残缺的 UTF-16 代理项',
    ),
  unclosedQuote: (at: At, quote: string) =>
    error('unclosed_quote', at, `the quote ${quote} is never closed`, `引号 ${quote} 没有闭合`),
  unmatchedQuote: (at: At, quote: string) =>
    error('unmatched_quote', at, `closing quote ${quote} without an opening one`, `多余的右引号 ${quote}`),
  emptyPhrase: (at: At) => error('empty_phrase', at, 'nothing between the quotes', '引号内为空'),
  unclosedParenthesis: (at: At) =>
    error('unclosed_parenthesis', at, 'this parenthesis is never closed', '此括号没有闭合'),
  unmatchedParenthesis: (at: At) =>
    error(
      'unmatched_parenthesis',
      at,
      'closing parenthesis without an opening one',
      '多余的右括号，前面没有对应的左括号',
    ),
  emptyParentheses: (at: At) =>
    error('empty_parentheses', at, 'nothing between the parentheses', '括号内为空'),
  missingTermAfter: (at: At, operator: string) =>
    error('missing_operand', at, `"${operator}" needs a search term after it`, `“${operator}”后面缺少检索词`),
  missingTermBefore: (at: At, operator: string) =>
    error(
      'missing_operand',
      at,
      `"${operator}" needs a search term before it`,
      `“${operator}”前面缺少检索词`,
    ),
  operatorAfterOperator: (at: At, operator: string, previous: string) =>
    error(
      'missing_operand',
      at,
      `"${operator}" cannot follow "${previous}": a search term is missing between them`,
      `“${operator}”不能紧跟在“${previous}”之后，中间缺少检索词`,
    ),
  tooDeep: (at: At) =>
    error(
      'too_deep',
      at,
      `parentheses and NOT are nested deeper than ${QUERY_LIMITS.maxNesting} levels`,
      `括号和“非”的嵌套超过 ${QUERY_LIMITS.maxNesting} 层`,
    ),
  tooManyTerms: (at: At) =>
    error(
      'too_many_terms',
      at,
      `the query has more than ${QUERY_LIMITS.maxTerms} search terms`,
      `检索词超过 ${QUERY_LIMITS.maxTerms} 个`,
    ),
  unknownField: (at: At, name: string) =>
    error(
      'unknown_field',
      at,
      `unknown field "${name}"; known fields: ${QUERY_FIELDS.map((f) => f.name).join(', ')}` +
        ' (put the word in quotes to search for it as text)',
      `未知字段“${name}”；可用字段：${QUERY_FIELDS.map(fieldZh).join('、')}（如需按文字检索，请加引号）`,
    ),
  missingValue: (at: At, spec: QueryFieldSpec, written: string) =>
    error(
      'missing_value',
      at,
      `"${written}" needs a value after it`,
      `“${written}”后面缺少${fieldZh(spec)}的取值`,
    ),
  emptyValue: (at: At, spec: QueryFieldSpec) =>
    error('empty_value', at, `empty value for ${spec.name}`, `${fieldZh(spec)}的取值为空`),
  unknownValue: (at: At, spec: QueryFieldSpec, value: string) => {
    const values = spec.values ?? [];
    const en = few(
      values.map((x) => x.en[0] ?? x.code),
      6,
      ', ',
    );
    const zh = few(
      values.map((x) => x.zh[0] ?? x.code),
      6,
      '、',
    );
    return error(
      'unknown_value',
      at,
      `unknown value "${value}" for ${spec.name}; accepted values include ${en}`,
      `未知的${spec.label.zh}“${value}”；可用取值如：${zh}`,
    );
  },
  notComparable: (at: At, spec: QueryFieldSpec, operator: string) =>
    error(
      'not_comparable',
      at,
      `${spec.name} cannot be compared with "${operator}"; write ${spec.name}:value`,
      `${fieldZh(spec)}不能用“${operator}”比较，请写成 ${fieldZh(spec)}:取值`,
    ),
  notANumber: (at: At, spec: QueryFieldSpec, value: string) =>
    error(
      'not_a_number',
      at,
      `${spec.name} needs a number, not "${value}"`,
      `${fieldZh(spec)}需要数字，而不是“${value}”`,
    ),
  emptyRange: (at: At, spec: QueryFieldSpec) =>
    error(
      'empty_range',
      at,
      `the range for ${spec.name} has neither a lower nor an upper bound`,
      `${fieldZh(spec)}的范围既无下限也无上限`,
    ),
  reversedRange: (at: At, spec: QueryFieldSpec, min: number, max: number) =>
    error(
      'reversed_range',
      at,
      `reversed range for ${spec.name}: ${min} is greater than ${max} (write ${max}..${min})`,
      `${fieldZh(spec)}的范围颠倒：${min} 大于 ${max}（应写作 ${max}..${min}）`,
    ),
  singleValueOnly: (at: At, spec: QueryFieldSpec) =>
    error(
      'single_value_only',
      at,
      `${spec.name} takes one number or range, not a list`,
      `${fieldZh(spec)}只能取一个数值或范围，不能列举多个`,
    ),
  wildcardNotAtEnd: (at: At) =>
    error('bad_wildcard', at, 'a hole id may only end with *, not contain it', '孔号中的 * 只能放在末尾'),
  wildcardAlone: (at: At) =>
    error(
      'bad_wildcard',
      at,
      'put at least one character before * in a hole id',
      '孔号的 * 前面至少要有一个字符',
    ),
};
