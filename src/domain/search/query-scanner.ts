// Splits what was typed into operators and leaves (text, phrases, field expressions). It reads the
// original string and only folds the syntax characters (full-width （）：＞＂ …) when classifying
// them, so every offset it reports is an offset into what the user typed; the values themselves are
// NFKC-normalised later, where lengths no longer matter.
import type { QueryNode } from './query-ast.js';
import { QUERY_LIMITS, queryErrors } from './query-errors.js';
import { queryFieldByName } from './query-fields.js';
import { fieldNode, type FieldOperator, type ValueItem } from './query-values.js';

export type OperatorType = 'and' | 'or' | 'not' | 'lparen' | 'rparen';

export interface OperatorToken {
  type: OperatorType;
  start: number;
  end: number;
  /** As typed, for messages: `AND`, `与`, `&&`, `-` … */
  text: string;
}

export interface LeafToken {
  type: 'leaf';
  node: QueryNode;
  start: number;
  end: number;
}

export type Token = OperatorToken | LeafToken;

const KEYWORDS = new Map<string, OperatorType>([
  ['and', 'and'],
  ['与', 'and'],
  ['or', 'or'],
  ['或', 'or'],
  ['not', 'not'],
  ['非', 'not'],
]);

// Full-width and small/vertical-form variants of ASCII punctuation, mapped the way NFKC maps them.
const FOLDED_SYNTAX = foldedSyntaxTable();

function foldedSyntaxTable(): Map<string, string> {
  const table = new Map<string, string>();
  const ranges: Array<[number, number]> = [
    [0xfe10, 0xfe6f],
    [0xff01, 0xff5e],
  ];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const folded = ch.normalize('NFKC');
      if (folded.length === 1 && folded.charCodeAt(0) < 0x80) table.set(ch, folded);
    }
  }
  table.set('、', ','); // the enumeration comma separates list values like a comma
  return table;
}

/** Opening quote (after folding) → its closing quote. */
const CLOSING_QUOTE = new Map([
  ['"', '"'],
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
]);
const CLOSING_ONLY = new Set(['”', '」', '』']);

const CONTROL_OR_FORMAT = /^[\p{Cc}\p{Cf}]$/u;
const WHITESPACE = /^\s$/u;
const FIELD_NAME_START = /^[\p{L}_]$/u;
const FIELD_NAME_PART = /^[\p{L}\p{N}\p{M}_]$/u;

/**
 * Control and invisible format characters (bidi marks, zero-width space, BOM) separate words like
 * spaces: they arrive with pasted text and must not end up inside a value. Joiners and tag
 * characters stay, because emoji sequences are built from them.
 */
export function isControlOrFormat(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x200c || cp === 0x200d || (cp >= 0xe0020 && cp <= 0xe007f)) return false;
  return CONTROL_OR_FORMAT.test(ch);
}

export function isSeparator(ch: string): boolean {
  return WHITESPACE.test(ch) || isControlOrFormat(ch);
}

/** ASCII letters and digits and common CJK ideographs: most of a query, never syntax (fast path). */
function isPlainWordUnit(unit: number): boolean {
  return (
    (unit >= 0x61 && unit <= 0x7a) ||
    (unit >= 0x41 && unit <= 0x5a) ||
    (unit >= 0x30 && unit <= 0x39) ||
    (unit >= 0x4e00 && unit <= 0x9fff)
  );
}

interface FieldHead {
  start: number;
  nameEnd: number;
  operator: FieldOperator;
  valueStart: number;
}

/** Tokens of a query already checked for length and lone surrogates. */
export function tokenize(input: string): Token[] {
  return new Scanner(input).run();
}

class Scanner {
  private readonly input: string;
  private readonly tokens: Token[] = [];
  private pos = 0;
  private leaves = 0;

  constructor(input: string) {
    this.input = input;
  }

  run(): Token[] {
    for (this.skipSeparators(); this.pos < this.input.length; this.skipSeparators()) this.scanToken();
    return this.tokens;
  }

  // --- characters -----------------------------------------------------------------------------

  private charAt(i: number): string {
    const cp = this.input.codePointAt(i);
    return cp === undefined ? '' : String.fromCodePoint(cp);
  }

  /** The character at i with full-width punctuation folded to ASCII. */
  private symbolAt(i: number): string {
    const ch = this.charAt(i);
    return FOLDED_SYNTAX.get(ch) ?? ch;
  }

  private isDoubleOperatorAt(i: number): boolean {
    const s = this.symbolAt(i);
    return (s === '&' || s === '|') && this.symbolAt(i + 1) === s;
  }

  private isQuoteAt(i: number): boolean {
    const s = this.symbolAt(i);
    return CLOSING_QUOTE.has(s) || CLOSING_ONLY.has(s);
  }

  /** Where a word or a bare value stops: space, parenthesis, quote, && or ||. */
  private isBoundaryAt(i: number): boolean {
    if (i >= this.input.length) return true;
    if (isPlainWordUnit(this.input.charCodeAt(i))) return false;
    const s = this.symbolAt(i);
    return isSeparator(s) || s === '(' || s === ')' || this.isQuoteAt(i) || this.isDoubleOperatorAt(i);
  }

  private skipSeparators(): void {
    while (this.pos < this.input.length && isSeparator(this.charAt(this.pos))) {
      this.pos += this.charAt(this.pos).length;
    }
  }

  // --- tokens ---------------------------------------------------------------------------------

  private scanToken(): void {
    const i = this.pos;
    const s = this.symbolAt(i);
    if (s === '(' || s === ')') return this.operator(s === '(' ? 'lparen' : 'rparen', i, i + 1);
    if (this.isDoubleOperatorAt(i)) return this.operator(s === '&' ? 'and' : 'or', i, i + 2);
    if (CLOSING_QUOTE.has(s)) return this.scanPhrase(i);
    if (CLOSING_ONLY.has(s)) throw queryErrors.unmatchedQuote({ start: i, end: i + 1 }, s);
    // `-铜`, `-省:西藏`, `-(…)` negate; a lone `-` or `--` is just text.
    if (s === '-' && this.startsOperandAt(i + 1)) return this.operator('not', i, i + 1);
    const head = this.fieldHeadAt(i);
    if (head) return this.scanField(head);
    return this.scanWord(i);
  }

  private startsOperandAt(i: number): boolean {
    if (i >= this.input.length) return false;
    const s = this.symbolAt(i);
    if (s === '-' || s === ')' || CLOSING_ONLY.has(s) || this.isDoubleOperatorAt(i)) return false;
    return !isSeparator(s);
  }

  private operator(type: OperatorType, start: number, end: number): void {
    this.tokens.push({ type, start, end, text: this.input.slice(start, end) });
    this.pos = end;
  }

  private leaf(node: QueryNode, start: number, end: number): void {
    this.leaves += 1;
    if (this.leaves > QUERY_LIMITS.maxTerms) throw queryErrors.tooManyTerms({ start, end });
    this.tokens.push({ type: 'leaf', node, start, end });
    this.pos = end;
  }

  private scanWord(start: number): void {
    let end = start;
    while (!this.isBoundaryAt(end)) end += this.charAt(end).length;
    const text = this.input.slice(start, end);
    const keyword = KEYWORDS.get(text.normalize('NFKC').toLowerCase());
    if (keyword) return this.operator(keyword, start, end);
    this.leaf({ kind: 'text', text, phrase: false, span: { start, end } }, start, end);
  }

  private scanPhrase(start: number): void {
    const { text, end } = this.readQuoted(start);
    if (text.trim() === '') throw queryErrors.emptyPhrase({ start, end });
    this.leaf({ kind: 'text', text, phrase: true, span: { start, end } }, start, end);
  }

  /**
   * Text between quotes as typed; `\"` and `\\` escape, other backslashes are literal (so a
   * Windows path survives). Control characters become spaces so no NUL reaches the database.
   */
  private readQuoted(start: number): { text: string; end: number } {
    const opening = this.symbolAt(start);
    const closing = CLOSING_QUOTE.get(opening)!;
    let text = '';
    let i = start + 1;
    while (i < this.input.length) {
      const unit = this.input.charCodeAt(i);
      if (isPlainWordUnit(unit) || unit === 0x20) {
        text += this.input[i];
        i += 1;
        continue;
      }
      const ch = this.charAt(i);
      const s = this.symbolAt(i);
      if (s === closing) return { text, end: i + 1 };
      const next = this.symbolAt(i + 1);
      if (ch === '\\' && (next === closing || next === '\\')) {
        text += this.charAt(i + 1);
        i += 1 + this.charAt(i + 1).length;
        continue;
      }
      text += isControlOrFormat(ch) ? ' ' : ch;
      i += ch.length;
    }
    throw queryErrors.unclosedQuote({ start, end: start + 1 }, this.input.charAt(start));
  }

  // --- fields ---------------------------------------------------------------------------------

  /** `name:` or `name>` etc. where name starts with a letter; `12:30` and `http://` are not fields. */
  private fieldHeadAt(start: number): FieldHead | null {
    if (!FIELD_NAME_START.test(this.charAt(start))) return null;
    let nameEnd = start + this.charAt(start).length;
    while (nameEnd < this.input.length) {
      if (isPlainWordUnit(this.input.charCodeAt(nameEnd))) nameEnd += 1;
      else if (FIELD_NAME_PART.test(this.charAt(nameEnd))) nameEnd += this.charAt(nameEnd).length;
      else break;
    }
    const op = this.fieldOperatorAt(nameEnd);
    if (!op) return null;
    if (op.operator === ':' && this.symbolAt(op.end) === '/' && this.symbolAt(op.end + 1) === '/')
      return null;
    return { start, nameEnd, operator: op.operator, valueStart: op.end };
  }

  private fieldOperatorAt(i: number): { operator: FieldOperator; end: number } | null {
    const s = this.symbolAt(i);
    if (s === ':' || s === '=') return { operator: s, end: i + 1 };
    if (s === '≥') return { operator: '>=', end: i + 1 };
    if (s === '≤') return { operator: '<=', end: i + 1 };
    if (s !== '>' && s !== '<') return null;
    return this.symbolAt(i + 1) === '='
      ? { operator: s === '>' ? '>=' : '<=', end: i + 2 }
      : { operator: s, end: i + 1 };
  }

  private scanField(head: FieldHead): void {
    const name = this.input.slice(head.start, head.nameEnd);
    const spec = queryFieldByName(name);
    if (!spec) throw queryErrors.unknownField({ start: head.start, end: head.nameEnd }, name);
    const items: ValueItem[] = [];
    let i = head.valueStart;
    let comma: number | null = null;
    for (;;) {
      const item = this.valueItemAt(i);
      if (!item && comma !== null) throw queryErrors.emptyValue({ start: comma, end: comma + 1 }, spec);
      if (!item) {
        const written = this.input.slice(head.start, head.valueStart);
        throw queryErrors.missingValue({ start: head.start, end: head.valueStart }, spec, written);
      }
      items.push(item);
      if (this.symbolAt(item.end) !== ',') break;
      comma = item.end;
      // `省:西藏, 云南`: a space after a comma is how people type lists
      i = comma + 1;
      while (i < this.input.length && isSeparator(this.charAt(i))) i += this.charAt(i).length;
    }
    const end = items[items.length - 1]!.end;
    const span = { start: head.start, end };
    const operatorAt = { start: head.nameEnd, end: head.valueStart };
    this.leaf(fieldNode(spec, head.operator, operatorAt, items, span), head.start, end);
  }

  /** True when the whole input is one unquoted field value (see `isBareValue`). */
  readsAsOneBareValue(): boolean {
    if (this.isQuoteAt(0)) return false;
    const item = this.valueItemAt(0);
    return item !== null && item.end === this.input.length;
  }

  private valueItemAt(start: number): ValueItem | null {
    if (CLOSING_QUOTE.has(this.symbolAt(start))) {
      const { text, end } = this.readQuoted(start);
      return { raw: text, quoted: true, start, end };
    }
    let end = start;
    while (!this.isBoundaryAt(end) && this.symbolAt(end) !== ',') end += this.charAt(end).length;
    return end === start ? null : { raw: this.input.slice(start, end), quoted: false, start, end };
  }
}

/** True when `text` typed alone reads back as that same unquoted word. */
export function isBareWord(text: string): boolean {
  try {
    const [token, ...rest] = tokenize(text);
    return (
      rest.length === 0 &&
      token?.type === 'leaf' &&
      token.node.kind === 'text' &&
      !token.node.phrase &&
      token.node.text === text
    );
  } catch {
    return false;
  }
}

/** True when `value` can follow `field:` without quotes and read back unchanged. */
export function isBareValue(value: string): boolean {
  if (value === '' || value !== value.trim()) return false;
  // `field://…` reads as a URL, not a field: such a value must be quoted.
  if (value.startsWith('//')) return false;
  return new Scanner(value).readsAsOneBareValue();
}
