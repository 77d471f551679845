// CoreShare's search-box language: free words and phrases, AND/OR/NOT (与/或/非, &&/||, -),
// parentheses and field filters in English or Chinese (`省:西藏 深度>800` = `province:Tibet
// depth>800`), parsed into a typed tree the store compiles to SQL. Pure: no I/O.
//
// Pipeline: the length limit and broken UTF-16 are checked on the raw string, the scanner turns it
// into tokens (field values already normalised to codes), and a recursive-descent parser applies
// the precedence NOT > AND (written or implied by juxtaposition) > OR.
import type { QueryNode } from './query-ast.js';
import { QUERY_LIMITS, queryErrors } from './query-errors.js';
import { tokenize, type OperatorToken, type Token } from './query-scanner.js';

export type { LeafNode, NumericField, QueryNode, Span, TermField } from './query-ast.js';
export { QUERY_LIMITS, QuerySyntaxError, type QueryErrorCode } from './query-errors.js';
export {
  QUERY_FIELDS,
  queryFieldByName,
  type QueryField,
  type QueryFieldKind,
  type QueryFieldSpec,
  type QueryFieldValue,
} from './query-fields.js';
export { formatQuery } from './query-format.js';

// In unicode mode a surrogate range matches only halves that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The tree of what was typed in the search box, or null when it is empty or blank.
 * Throws QuerySyntaxError (and nothing else) for input it cannot read.
 */
export function parseQuery(input: string): QueryNode | null {
  if (input.length > QUERY_LIMITS.maxLength) throw queryErrors.tooLong(input.length);
  const broken = LONE_SURROGATE.exec(input);
  if (broken) throw queryErrors.invalidCharacter({ start: broken.index, end: broken.index + 1 });
  const tokens = tokenize(input);
  return tokens.length === 0 ? null : new Parser(tokens).parse();
}

/** A leaf, `(` or NOT: what may start a term. */
const startsOperand = (token: Token): boolean =>
  token.type === 'leaf' || token.type === 'lparen' || token.type === 'not';

/** AND, OR or NOT: an operator that needs a term after it. */
function asOperator(token: Token | undefined): OperatorToken | undefined {
  return token?.type === 'and' || token?.type === 'or' || token?.type === 'not' ? token : undefined;
}

class Parser {
  private readonly tokens: readonly Token[];
  private index = 0;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  parse(): QueryNode {
    const node = this.parseOr(0);
    // parseOr stops only at the end or at a `)` that no `(` opened
    const stray = this.peek();
    if (stray) throw queryErrors.unmatchedParenthesis(stray);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private parseOr(depth: number): QueryNode {
    const children = [this.parseAnd(depth)];
    while (this.peek()?.type === 'or') {
      this.index += 1;
      children.push(this.parseAnd(depth));
    }
    return combine('or', children);
  }

  private parseAnd(depth: number): QueryNode {
    const children = [this.parseUnary(depth)];
    for (let next = this.peek(); next; next = this.peek()) {
      if (next.type === 'and') this.index += 1;
      else if (!startsOperand(next)) break;
      children.push(this.parseUnary(depth));
    }
    return combine('and', children);
  }

  private parseUnary(depth: number): QueryNode {
    const token = this.expectOperand();
    if (token.type === 'leaf') {
      this.index += 1;
      return token.node;
    }
    if (depth + 1 > QUERY_LIMITS.maxNesting) throw queryErrors.tooDeep(token);
    this.index += 1;
    if (token.type === 'not') return { kind: 'not', child: this.parseUnary(depth + 1) };
    const inner = this.parseOr(depth + 1);
    if (this.peek()?.type !== 'rparen') throw queryErrors.unclosedParenthesis(token);
    this.index += 1;
    return inner;
  }

  /** The next token when a term must come now; otherwise the error that names what is missing. */
  private expectOperand(): Token {
    const next = this.peek();
    const previous = this.tokens[this.index - 1];
    const pending = asOperator(previous);
    if (next && startsOperand(next)) return next;
    if (next?.type === 'and' || next?.type === 'or') {
      if (pending) throw queryErrors.operatorAfterOperator(next, next.text, pending.text);
      throw queryErrors.missingTermBefore(next, next.text);
    }
    // at the end, or at a `)`
    if (pending) throw queryErrors.missingTermAfter(pending, pending.text);
    if (previous?.type === 'lparen') {
      throw next
        ? queryErrors.emptyParentheses({ start: previous.start, end: next.end })
        : queryErrors.unclosedParenthesis(previous);
    }
    throw queryErrors.unmatchedParenthesis(next ?? { start: 0, end: 0 });
  }
}

/** An and/or of the children, flattening children of the same kind; one child stands alone. */
function combine(kind: 'and' | 'or', children: QueryNode[]): QueryNode {
  const flat = children.flatMap((child) => (child.kind === kind ? child.children : [child]));
  return flat.length === 1 ? flat[0]! : { kind, children: flat };
}
