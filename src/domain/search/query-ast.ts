// The typed tree a search-box query parses into; the store compiles it to SQL. It carries values
// only (codes, numbers, text as typed), never SQL fragments.
import type { NumericField, TermField } from './query-fields.js';

export type { NumericField, TermField } from './query-fields.js';

/** UTF-16 offsets into the string the user typed (not into its normalised form). */
export interface Span {
  start: number;
  end: number;
}

export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /** Free words and phrases as typed; a separate analyzer segments them. */
  | { kind: 'text'; text: string; phrase: boolean; span: Span }
  | { kind: 'prefix'; field: 'id'; text: string; span: Span }
  /** Normalised codes; a node matches when the field has any of them. */
  | { kind: 'term'; field: TermField; values: string[]; span: Span }
  /** A missing bound is null and then never inclusive. */
  | {
      kind: 'range';
      field: NumericField;
      min: number | null;
      max: number | null;
      minInclusive: boolean;
      maxInclusive: boolean;
      span: Span;
    };

export type LeafNode = Extract<QueryNode, { span: Span }>;
