// The streaming CSV parser on its own: quoting, line ends, line numbers, chunk boundaries anywhere,
// broken input. (Values may be views of their chunk: streaming.test.ts checks what importers keep.)
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, MAX_RECORD } from '../../../src/services/import/csv-reader.js';
import { SourceError } from '../../../src/services/import/row-source.js';

type Row = [line: number, ...values: string[]];

/** Parses `text` fed as the given pieces (the last one passed to end()). */
function parsePieces(pieces: string[], delimiter = ','): Row[] {
  const reader = new CsvReader(delimiter);
  const rows: Row[] = [];
  pieces.forEach((piece, i) => {
    const records = i === pieces.length - 1 ? reader.end(piece) : reader.push(piece);
    for (const r of records) rows.push([r.line, ...r.values]);
  });
  return rows;
}

function inChunks(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces.length ? pieces : [''];
}

function parseText(text: string, delimiter = ','): Row[] {
  return parsePieces([text], delimiter);
}

function failure(run: () => unknown): SourceError {
  try {
    run();
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error('no SourceError');
}

describe('CSV reader', () => {
  it('reads quoted delimiters, doubled quotes and empty values', () => {
    expect(parseText('a,"b,c","say ""hi""",,""\n')).toEqual([[1, 'a', 'b,c', 'say "hi"', '', '']]);
    expect(parseText(',,\n""\n')).toEqual([
      [1, '', '', ''],
      [2, ''],
    ]);
  });

  it('ends lines at \\n, \\r\\n or a lone \\r, with or without a last line end', () => {
    const rows = [
      [1, 'a', 'b'],
      [2, 'c', 'd'],
    ];
    expect(parseText('a,b\nc,d\n')).toEqual(rows);
    expect(parseText('a,b\nc,d')).toEqual(rows);
    expect(parseText('a,b\r\nc,d\r\n')).toEqual(rows);
    expect(parseText('a,b\r\nc,d')).toEqual(rows);
    expect(parseText('a,b\rc,d\r')).toEqual(rows);
    expect(parseText('a,b\rc,d')).toEqual(rows);
    expect(parseText('a,b\r\nc,d\n')).toEqual(rows);
    // A \r\n cut between two chunks is one line end, not two.
    expect(parsePieces(['a,b\r', '\nc,d\r', '\n'])).toEqual(rows);
    expect(parseText('')).toEqual([]);
  });

  it('gives blank lines as one empty value and counts them', () => {
    expect(parseText('a\n\n\r\nb\n\n')).toEqual([
      [1, 'a'],
      [2, ''],
      [3, ''],
      [4, 'b'],
      [5, ''],
    ]);
  });

  it('numbers each record by the line it begins on, past quoted line breaks', () => {
    const text = 'id,text\n1,"two\nlines"\n2,"three\r\nlines\rhere"\r\n3,x\n4,"\n\n"\n5,y';
    expect(parseText(text)).toEqual([
      [1, 'id', 'text'],
      [2, '1', 'two\nlines'],
      [4, '2', 'three\r\nlines\rhere'],
      [7, '3', 'x'],
      [8, '4', '\n\n'],
      [11, '5', 'y'],
    ]);
  });

  it('returns rows as wide as they are', () => {
    expect(parseText('a,b,c\n1\n1,2,3,4\n')).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1'],
      [3, '1', '2', '3', '4'],
    ]);
  });

  it('reads stray quotes as csv-parse relax_quotes does', () => {
    expect(parseText('ZK1,NQ 2"\nZK2,"HQ"\n')).toEqual([
      [1, 'ZK1', 'NQ 2"'],
      [2, 'ZK2', 'HQ'],
    ]);
    // Text after a closing quote: the whole field is literal, its quotes kept ("" already read as ").
    expect(parseText('"a""b"x,c\n')).toEqual([[1, '"a"b"x', 'c']]);
    expect(parseText('"a,b"x"y,c\n')).toEqual([[1, '"a,b"x"y', 'c']]);
    // Only a quote that opens a field quotes it.
    expect(parseText(' "a,b",c\n')).toEqual([[1, ' "a', 'b"', 'c']]);
  });

  it('splits on the delimiter it is given', () => {
    expect(parseText('a\tb,c\t"d\te"\n', '\t')).toEqual([[1, 'a', 'b,c', 'd\te']]);
    expect(parseText('a;b,c;"d;e"\n', ';')).toEqual([[1, 'a', 'b,c', 'd;e']]);
  });

  it('drops a BOM the decoder left', () => {
    expect(parsePieces(['\uFEFF', 'id,名称\n1,x\n'])).toEqual([
      [1, 'id', '名称'],
      [2, '1', 'x'],
    ]);
  });

  it('marks the records read from text with a U+FFFD (undecodable bytes), also one carried over', () => {
    const reader = new CsvReader(',');
    const first = reader.push('id,name\nZK1,好\nZK2,坏\uFFFD');
    expect(first.map((r) => [r.line, r.decoded])).toEqual([
      [1, false],
      [2, false],
    ]);
    // ZK2's record began in the chunk with the U+FFFD and ends in this one.
    const second = reader.push('字\nZK3,好\n');
    expect(second.map((r) => [r.line, r.values[1], r.decoded])).toEqual([
      [3, '坏\uFFFD字', false],
      [4, '好', false],
    ]);
    expect(reader.push('ZK4,好\n').map((r) => r.decoded)).toEqual([true]);
    expect(reader.end('ZK5,\uFFFD').map((r) => r.decoded)).toEqual([false]);
  });

  it('reads the same records whatever the chunk boundaries', () => {
    const text =
      'hole,name,note\r\n' +
      'ZK1,"驱龙, 𠮷",plain\r\n' +
      '\r\n' +
      'ZK2,"say ""hi""\nsecond line\r\nthird","x"\n' +
      'ZK3,NQ 2",""\r' +
      'ZK4,"a""b"tail,last\n' +
      '"ZK5"';
    const whole = parseText(text);
    expect(whole.map((r) => r[0])).toEqual([1, 2, 3, 4, 7, 8, 9]);
    for (const size of [1, 2, 3, 7]) expect(parsePieces(inChunks(text, size))).toEqual(whole);
    for (let at = 0; at <= text.length; at++) {
      expect(parsePieces([text.slice(0, at), text.slice(at)])).toEqual(whole);
    }
  });

  it('reports an unclosed quote at the line its record begins on', () => {
    const text = 'a,b\n1,2\n3,"open\n4,5\n6,7\n';
    for (const size of [1, 5, text.length]) {
      const error = failure(() => parsePieces([...inChunks(text, size), '']));
      expect(error).toMatchObject({
        line: 3,
        field: '(file)',
        message: 'unbalanced quote: the quoted value starting on line 3 is never closed',
      });
    }
  });

  it('stops at a record over 4 MiB without reading the rest of the input', () => {
    const reader = new CsvReader(',');
    reader.push('a,b\n1,2\n3,"never closed');
    const mebibyte = 'x'.repeat(1 << 20);
    let pushed = 0;
    const error = failure(() => {
      while (pushed < 100) {
        pushed++;
        reader.push(mebibyte);
      }
    });
    expect(pushed).toBe(MAX_RECORD >> 20);
    expect(error).toMatchObject({
      line: 3,
      message: 'a row longer than 4 MiB starts on line 3: probably an unclosed quote',
    });
    // Counted in UTF-8 bytes, as csv-parse did: 1.5 M Chinese characters are 4.5 MB.
    const chinese = '中'.repeat(1_500_000);
    expect(failure(() => parseText(`a\n"${chinese}"\nb\n`))).toMatchObject({ line: 2 });
    expect(parseText(`a\n"${chinese.slice(0, 1_000_000)}"\nb\n`)).toHaveLength(3);
  });

  it('round-trips any table written with quotes, cut into any chunks', () => {
    const char = fc.constantFrom('a', 'Z', '1', ' ', '中', '钻', '𠮷', ',', ';', '\t', '"', '\r', '\n');
    const cell = fc.array(char, { maxLength: 8 }).map((chars) => chars.join(''));
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
        (rows, delimiter, eol, finalEol, sizes) => {
          const lines = rows.map((row) => writeRow(row, delimiter));
          const text = lines.join(eol) + (finalEol ? eol : '');
          const expected: Row[] = [];
          let line = 1;
          for (const [i, row] of rows.entries()) {
            expected.push([line, ...row]);
            line += lineEnds(lines[i]!) + 1;
          }
          expect(parsePieces(cutBy(text, sizes), delimiter)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads what csv-parse read, broken quoting included, in files with one kind of line end', () => {
    // csv-parse takes the first line end it meets as the only one; this reader takes all three.
    const piece = fc.constantFrom('a', '中', '𠮷', ' ', ',', ';', '"', '""', '"x"', '\n', '\n');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(',', ';'),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
        (pieces, eol, delimiter, sizes) => {
          const text = pieces.join('').replaceAll('\n', eol);
          expect(mine(text, delimiter, sizes)).toEqual(csvParse(text, delimiter));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

/** A row as a CSV writer would put it: quoted when needed (or when alone and empty, not a blank line). */
function writeRow(row: string[], delimiter: string): string {
  if (row.length === 1 && row[0] === '') return '""';
  return row
    .map((v) => (/["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replaceAll('"', '""')}"` : v))
    .join(delimiter);
}

/** Line ends inside `text`: \r\n, \n and a lone \r each count once. */
function lineEnds(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}

/** `text` in pieces of the given sizes, repeated; an empty last piece for end(). */
function cutBy(text: string, sizes: number[]): string[] {
  const pieces: string[] = [];
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return [...pieces, ''];
}

type Outcome = { rows: Row[] } | { error: string };

function mine(text: string, delimiter: string, sizes: number[]): Outcome {
  try {
    return { rows: parsePieces(cutBy(text, sizes), delimiter) };
  } catch (e) {
    return {
      error: e instanceof SourceError && e.message.startsWith('unbalanced quote') ? 'not closed' : String(e),
    };
  }
}

/** csv-parse with the options and line counting text-source.ts used before this reader. */
function csvParse(text: string, delimiter: string): Outcome {
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (e) {
    return { error: (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? 'not closed' : String(e) };
  }
  let line = 1;
  return {
    rows: records.map((values): Row => {
      const row: Row = [line, ...values];
      line += 1 + values.reduce((n, v) => n + v.split('\n').length - 1, 0);
      return row;
    }),
  };
}
