// Turns one field expression (`省:西藏,云南`, `depth>800`, `id:ZK16*`) into its node: values
// normalised through the domain tables, numbers and ranges checked.
import type { LeafNode, NumericField, QueryNode, Span, TermField } from './query-ast.js';
import { queryErrors } from './query-errors.js';
import { isNumericField, normaliseFieldValue, UNIT_SUFFIXES, type QueryFieldSpec } from './query-fields.js';

export type FieldOperator = ':' | '=' | '>' | '>=' | '<' | '<=';

/** One value as scanned: quotes and escapes already removed, not yet normalised. */
export interface ValueItem {
  raw: string;
  quoted: boolean;
  start: number;
  end: number;
}

type RangeNode = Extract<QueryNode, { kind: 'range' }>;
type Bounds = Pick<RangeNode, 'min' | 'max' | 'minInclusive' | 'maxInclusive'>;

export function fieldNode(
  spec: QueryFieldSpec,
  operator: FieldOperator,
  operatorAt: Span,
  items: readonly ValueItem[],
  span: Span,
): QueryNode {
  const field = spec.name;
  if (isNumericField(field)) return rangeNode(spec, field, operator, items, span);
  if (operator !== ':' && operator !== '=') throw queryErrors.notComparable(operatorAt, spec, operator);
  if (field === 'id') return holeIdNode(spec, items, span);
  const codes = items.map((item) => termCode(spec, field, item));
  return { kind: 'term', field, values: unique(codes), span };
}

// NFKC turns full-width letters and digits into ASCII and Ⅰ into I, so the tables see one spelling.
function cleanValue(spec: QueryFieldSpec, item: ValueItem): string {
  const value = item.raw.normalize('NFKC').trim();
  if (value === '') throw queryErrors.emptyValue(item, spec);
  return value;
}

function termCode(spec: QueryFieldSpec, field: TermField, item: ValueItem): string {
  const value = cleanValue(spec, item);
  const code = normaliseFieldValue(field, value);
  if (code !== undefined) return code;
  if (spec.kind === 'code') throw queryErrors.unknownValue(item, spec, value);
  return value;
}

/** Exact ids become one term; each `ZK16*` becomes a prefix node; several are OR-ed. */
function holeIdNode(spec: QueryFieldSpec, items: readonly ValueItem[], span: Span): QueryNode {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const item of items) {
    const value = cleanValue(spec, item);
    const stem = value.endsWith('*') ? value.slice(0, -1) : value;
    if (stem.includes('*')) throw queryErrors.wildcardNotAtEnd(item);
    if (stem === value) exact.push(value);
    else if (stem.trim() === '') throw queryErrors.wildcardAlone(item);
    else prefixes.push(stem);
  }
  const nodes: LeafNode[] = unique(prefixes).map((text) => ({ kind: 'prefix', field: 'id', text, span }));
  if (exact.length > 0) nodes.unshift({ kind: 'term', field: 'id', values: unique(exact), span });
  return nodes.length === 1 ? nodes[0]! : { kind: 'or', children: nodes };
}

function rangeNode(
  spec: QueryFieldSpec,
  field: NumericField,
  operator: FieldOperator,
  items: readonly ValueItem[],
  span: Span,
): RangeNode {
  const [item, extra] = items;
  if (extra) throw queryErrors.singleValueOnly(extra, spec);
  return { kind: 'range', field, ...bounds(spec, field, operator, item!), span };
}

// ≥ ≤ have no NFKC decomposition; ～ does (to ~), the wave dash 〜 does not.
function foldNumericText(raw: string): string {
  return raw.normalize('NFKC').replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/〜/g, '~').trim();
}

function bounds(spec: QueryFieldSpec, field: NumericField, operator: FieldOperator, item: ValueItem): Bounds {
  const text = foldNumericText(item.raw);
  const number = (t: string) => parseNumber(spec, field, item, t);
  if (operator !== ':') return comparison(operator, number(text));
  const compared = /^(>=|<=|>|<|=)(.*)$/s.exec(text);
  if (compared) return comparison(compared[1] as FieldOperator, number(compared[2]!));
  const separator = /\.\.|~/.exec(text);
  if (!separator) return comparison('=', number(text));
  const low = text.slice(0, separator.index).trim();
  const high = text.slice(separator.index + separator[0].length).trim();
  if (low === '' && high === '') throw queryErrors.emptyRange(item, spec);
  const min = low === '' ? null : number(low);
  const max = high === '' ? null : number(high);
  if (min !== null && max !== null && min > max) throw queryErrors.reversedRange(item, spec, min, max);
  return { min, max, minInclusive: min !== null, maxInclusive: max !== null };
}

function comparison(operator: FieldOperator, n: number): Bounds {
  switch (operator) {
    case '>':
      return { min: n, max: null, minInclusive: false, maxInclusive: false };
    case '>=':
      return { min: n, max: null, minInclusive: true, maxInclusive: false };
    case '<':
      return { min: null, max: n, minInclusive: false, maxInclusive: false };
    case '<=':
      return { min: null, max: n, minInclusive: false, maxInclusive: true };
    case ':':
    case '=':
      return { min: n, max: n, minInclusive: true, maxInclusive: true };
  }
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function parseNumber(spec: QueryFieldSpec, field: NumericField, item: ValueItem, text: string): number {
  const bare = stripUnit(field, text.trim());
  const n = NUMBER.test(bare) ? Number(bare) : NaN;
  if (!Number.isFinite(n)) throw queryErrors.notANumber(item, spec, text.trim());
  return n === 0 ? 0 : n; // -0 would print as 0 and then compare unequal in a round trip
}

function stripUnit(field: NumericField, text: string): string {
  const lower = text.toLowerCase();
  const unit = UNIT_SUFFIXES[field].find((u) => lower.endsWith(u));
  return unit ? text.slice(0, -unit.length).trim() : text;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
