// Streaming CSV/TSV parser for the import, fed decoded text one chunk at a time. It reads what
// csv-parse read with { relax_quotes, relax_column_count }: RFC 4180 quoting, a quote inside an
// unquoted value kept as text, rows of any width. Line ends are \n, \r\n or a lone \r, in any mix.
// Most lines hold no quote: those are cut at positions found with indexOf; only a line with a
// quote goes through the field-by-field path. Values may be views of the chunk (see cut).
import { ownCopy } from '../../domain/remembered.js';
import { SourceError } from './row-source.js';

/** A record longer than this (UTF-8 bytes) is an unclosed quote, not data: stop before buffering the whole file. */
export const MAX_RECORD = 4 << 20;

export interface CsvRecord {
  /** The physical line the record begins on, from 1. */
  readonly line: number;
  readonly values: string[];
  /** No U+FFFD in the text the record was read from (the decoder's mark for undecodable bytes). */
  readonly decoded: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CsvReader {
  /** The start of a record the last chunk did not finish. */
  private rest = '';
  /** The line the next record begins on. */
  private line = 1;
  private started = false;
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  /** The next delimiter in the text being read, at or after where it was looked for (length: none). */
  private nextDelimiter = -1;
  /** How many values the last quote-free row had. */
  private width = 0;
  /** No U+FFFD in the text being read. */
  private decoded = true;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(`unusable CSV delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** The records this chunk completes; a record it leaves open waits for the next chunk. */
  push(chunk: string): CsvRecord[] {
    return this.read(chunk, false);
  }

  /** The records left at the end of the input, `chunk` being its last text; throws on an open quote. */
  end(chunk = ''): CsvRecord[] {
    return this.read(chunk, true);
  }

  private read(chunk: string, final: boolean): CsvRecord[] {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      // The decoders strip a BOM; this is for one that survives (a forced encoding), never a header.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const records: CsvRecord[] = [];
    // One search over the text instead of one per value.
    this.decoded = text.indexOf('\uFFFD') === -1;
    const pos = this.records(text, final, records);
    this.rest = text.slice(pos);
    this.checkSize(this.rest, 0, this.rest.length);
    // Only an open quote stops the last record short of the end of the input.
    if (final && this.rest.length > 0) throw this.unclosed();
    return records;
  }

  /** Appends every complete record in `text` to `out`; returns where the unfinished rest begins. */
  private records(text: string, final: boolean, out: CsvRecord[]): number {
    const n = text.length;
    // Next \n, \r and quote at or after `pos` (n: none); each found once, reused until passed.
    let lf = -1;
    let cr = -1;
    let quote = -1;
    this.nextDelimiter = -1;
    let pos = 0;
    while (pos < n) {
      if (lf < pos) lf = find(text, '\n', pos);
      if (cr < pos) cr = find(text, '\r', pos);
      if (quote < pos) quote = find(text, '"', pos);
      const lineEnd = lf < cr ? lf : cr;
      let end = lineEnd;
      let values: string[];
      if (quote < lineEnd) {
        const record = this.quoted(text, pos, final);
        if (record === undefined) break;
        ({ values, end } = record);
      } else {
        if (end === n && !final) break;
        values = this.split(text, pos, end);
      }
      // A \r last in the chunk may be the first half of a \r\n.
      if (end === n - 1 && text.charCodeAt(end) === CR && !final) break;
      // Only a record carried over from earlier chunks can be this long.
      this.checkSize(text, pos, end);
      out.push({ line: this.line, values, decoded: this.decoded });
      // Past the first line end, the record went on in a quoted value.
      this.line += 1 + (end > lineEnd ? lineBreaks(text, lineEnd, end) : 0);
      pos = end + lineEndLength(text, end);
    }
    return pos;
  }

  /** The values of the quote-free line text[from, to). */
  private split(text: string, from: number, to: number): string[] {
    // Sized like the last row: growing the array value by value costs more than cutting the values.
    const values = new Array<string>(this.width);
    let count = 0;
    let next = this.nextDelimiter;
    for (let pos = from; ; pos = next + 1) {
      // Searched once per delimiter, not per line: a one-column file must not scan ahead every line.
      if (next < pos) next = find(text, this.delimiter, pos);
      if (next >= to) {
        values[count++] = cut(text, pos, to);
        this.nextDelimiter = next;
        if (count < values.length) values.length = count;
        this.width = count;
        return values;
      }
      values[count++] = cut(text, pos, next);
    }
  }

  /**
   * The record at `start`, read field by field because a quote comes before its line end; undefined
   * when it runs past the end of `text` and more input may follow.
   */
  private quoted(text: string, start: number, final: boolean): { values: string[]; end: number } | undefined {
    const values: string[] = [];
    for (let pos = start; ;) {
      let end: number;
      if (text.charCodeAt(pos) === QUOTE) {
        const field = quotedField(text, pos, this.delimiterCode);
        if (field === undefined) return undefined;
        values.push(field.value);
        end = field.end;
      } else {
        end = unquotedEnd(text, pos, this.delimiterCode);
        values.push(cut(text, pos, end));
      }
      // A field that reaches the end of the text may go on in the next chunk, even one that ends
      // in a quote (the first half of "").
      if (end === text.length && !final) return undefined;
      if (text.charCodeAt(end) !== this.delimiterCode) return { values, end };
      pos = end + 1;
    }
  }

  private unclosed(): SourceError {
    return new SourceError(
      this.line,
      '(file)',
      `unbalanced quote: the quoted value starting on line ${this.line} is never closed`,
    );
  }

  /** Throws when text[from, to), the record that begins on the current line, is over MAX_RECORD bytes. */
  private checkSize(text: string, from: number, to: number): void {
    // A UTF-16 unit is at most 3 UTF-8 bytes: most records need no counting.
    if ((to - from) * 3 <= MAX_RECORD || Buffer.byteLength(text.slice(from, to)) <= MAX_RECORD) return;
    const message = `a row longer than ${MAX_RECORD >> 20} MiB starts on line ${this.line}: probably an unclosed quote`;
    throw new SourceError(this.line, '(file)', message);
  }
}

/** indexOf, with the end of the text instead of -1 so a position can be compared with `<`. */
function find(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

/** 2 for the \r\n at `end`, 0 at the end of the text, else 1. */
function lineEndLength(text: string, end: number): number {
  if (end >= text.length) return 0;
  return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1;
}

/** How many line ends (\n, \r\n, lone \r) lie in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** Where the unquoted value at `pos` ends: its delimiter, line end or the end of the text. */
function unquotedEnd(text: string, pos: number, delimiter: number): number {
  const n = text.length;
  let i = pos;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === delimiter || c === LF || c === CR) break;
  }
  return i;
}

/**
 * The quoted value opening at `open` and where it ends; undefined when no quote closes it in `text`.
 * Text after the closing quote makes the whole field literal, its quotes included, as csv-parse's
 * relax_quotes does (`"a""b"x` → `"a"b"x`).
 */
function quotedField(
  text: string,
  open: number,
  delimiter: number,
): { value: string; end: number } | undefined {
  const n = text.length;
  let value = '';
  let from = open + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) return undefined;
    const next = text.charCodeAt(close + 1);
    if (next === QUOTE) {
      value += text.slice(from, close + 1);
      from = close + 2;
      continue;
    }
    value += text.slice(from, close);
    if (close === n - 1 || next === delimiter || next === LF || next === CR) {
      return { value: ownCopy(value), end: close + 1 };
    }
    const end = unquotedEnd(text, close + 1, delimiter);
    return { value: ownCopy('"' + value + text.slice(close, end)), end };
  }
}

/**
 * text[from, to): for 13 characters and more a view into the chunk, which it keeps in memory while
 * it lives. Values live until their batch is written (a few chunks); whatever keeps a value longer
 * (the look-up caches, remembered parsers) keeps its own copy (ownCopy). Copying every value here
 * cost a twentieth of an import's CPU time.
 */
function cut(text: string, from: number, to: number): string {
  return text.slice(from, to);
}
