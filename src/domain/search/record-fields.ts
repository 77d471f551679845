// Which parts of a query a catalog record answers itself and which only its borehole can: the SQL
// path and the in-memory columns both split queries this way, so both count records alike.
import type { QueryNode } from './query-ast.js';

/** Fields a catalog record has of its own; every other field describes the record's borehole. */
export const RECORD_FIELDS: ReadonlySet<string> = new Set(['province', 'material', 'custodian', 'level']);

/**
 * True when only a record's borehole can answer the node (class, depth, commodity …). NOT is
 * judged per record (a record without a borehole is kept), so it never counts as the hole's alone.
 */
export function holeOnly(node: QueryNode): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.every(holeOnly);
    case 'not':
    case 'text':
      return false;
    case 'term':
      return !RECORD_FIELDS.has(node.field);
    case 'range':
      return node.field !== 'year';
    case 'prefix':
      return true;
  }
}
