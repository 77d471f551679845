// The canonical English spelling of a query tree: what a saved search or a shared link shows.
// Every tree parseQuery returns formats to a string that parses back to the same tree (spans
// aside). Trees it cannot return are formatted as close as the language allows, or refused.
import type { QueryNode } from './query-ast.js';
import { isBareValue, isBareWord } from './query-scanner.js';

type RangeNode = Extract<QueryNode, { kind: 'range' }>;

export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'and':
      return joinChildren(node, ' ', 'or');
    case 'or':
      // `(a b) OR c` reads more clearly than the equivalent `a b OR c`
      return joinChildren(node, ' OR ', 'and');
    case 'not':
      return `NOT ${node.child.kind === 'and' || node.child.kind === 'or' ? `(${formatQuery(node.child)})` : formatQuery(node.child)}`;
    case 'text':
      return !node.phrase && isBareWord(node.text) ? node.text : quote(node.text);
    case 'prefix':
      return `id:${isBareValue(node.text) ? `${node.text}*` : quote(`${node.text}*`)}`;
    case 'term':
      if (node.values.length === 0) throw new RangeError(`a ${node.field} term needs at least one value`);
      return `${node.field}:${node.values.map((v) => (isBareValue(v) ? v : quote(v))).join(',')}`;
    case 'range':
      return formatRange(node);
  }
}

function joinChildren(node: { kind: 'and' | 'or'; children: QueryNode[] }, separator: string, wrap: string) {
  if (node.children.length === 0) throw new RangeError(`an empty ${node.kind} has no query form`);
  return node.children
    .map((child) => (child.kind === wrap ? `(${formatQuery(child)})` : formatQuery(child)))
    .join(separator);
}

/** Double quotes, with the quote characters that would close them and backslashes escaped. */
function quote(text: string): string {
  return `"${text.replace(/[\\"＂]/g, '\\$&')}"`;
}

function formatRange(node: RangeNode): string {
  const { field, min, max, minInclusive, maxInclusive } = node;
  for (const bound of [min, max]) {
    if (bound !== null && !Number.isFinite(bound))
      throw new RangeError(`${field} bound ${bound} is not finite`);
  }
  if (min === null && max === null) throw new RangeError(`a ${field} range needs at least one bound`);
  if (max === null) return `${field}${minInclusive ? '>=' : '>'}${min}`;
  if (min === null) return `${field}${maxInclusive ? '<=' : '<'}${max}`;
  if (minInclusive && maxInclusive) return min === max ? `${field}:${min}` : `${field}:${min}..${max}`;
  // `a..b` is always inclusive; a half-open range is written as two comparisons (an AND of two
  // range nodes when parsed back: the same rows, not the same tree)
  return `(${field}${minInclusive ? '>=' : '>'}${min} ${field}${maxInclusive ? '<=' : '<'}${max})`;
}
