// Relevance for sort=relevance, the same on every engine and path: for each word the user typed
// (a query group), a record scores 2 when it has the word in the form typed (the group's first
// phrase) and 1 when only a looser form or a synonym matched (the other phrases). Words under NOT
// do not count. Ties keep id order. Term weights from the engines (bm25, ts_rank) differ between
// SQLite and PostgreSQL, so they are not used.
import type { QueryNode } from './query-ast.js';
import { queryGroups, type QueryGroup } from './analyzer.js';

export const AS_TYPED = 2;
export const LOOSER = 1;

/** The groups that score: those of the query's words that are not negated. */
export function rankedGroups(node: QueryNode | null): QueryGroup[] {
  const groups: QueryGroup[] = [];
  const walk = (n: QueryNode) => {
    if (n.kind === 'text') groups.push(...queryGroups(n.text).filter((g) => g.length > 0));
    else if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
  };
  if (node) walk(node);
  return groups;
}
