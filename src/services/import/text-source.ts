// CSV/TSV reader: detects the encoding (BOM → UTF-8/UTF-16; valid UTF-8 → UTF-8; else GB18030) and
// the delimiter (comma, tab or semicolon, from the header line), then parses with csv-parse one
// 1 MiB chunk at a time, draining records synchronously so no row costs an await.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Parser, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import type { RawRow } from './problem-log.js';
import { SourceError, splitHeader, type RowSource } from './row-source.js';

const CHUNK = 1 << 20;
const SAMPLE = 1 << 16;
/** A record longer than this is an unclosed quote, not data; stops csv-parse buffering the whole file. */
const MAX_RECORD = 4 << 20;

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

interface Decoder {
  write(buf: Buffer): string;
  end(): string;
}

/** The encoding a file is in, from its first bytes. */
export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

function decoder(encoding: TextEncoding): Decoder {
  if (encoding === 'gb18030') {
    const d = iconv.getDecoder('gb18030');
    return { write: (buf) => d.write(buf), end: () => d.end() ?? '' };
  }
  // Not fatal: an undecodable byte becomes U+FFFD and the row check names its line and field.
  const d = new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  return { write: (buf) => d.decode(buf, { stream: true }), end: () => d.decode() };
}

/** The delimiter used most outside quotes on the first line: comma, tab or semicolon. */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/** csv-parse's error as a file:line problem; `line` is where the record being read began. */
function describe(error: CsvError, line: number): SourceError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new SourceError(
      line,
      '(file)',
      `unbalanced quote: the quoted value starting on line ${line} is never closed`,
    );
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    const message = `a row longer than ${MAX_RECORD >> 20} MiB starts on line ${line}: probably an unclosed quote`;
    return new SourceError(line, '(file)', message);
  }
  const at = typeof error.lines === 'number' ? error.lines : line;
  return new SourceError(at, '(file)', `cannot read the file: ${error.message}`);
}

export async function openTextSource(path: string, forced?: 'utf8' | 'gb18030'): Promise<RowSource> {
  const totalBytes = (await stat(path)).size;
  if (totalBytes === 0) throw new SourceError(1, '(file)', 'the file is empty');
  const handle = await open(path, 'r');
  const sample = Buffer.alloc(Math.min(SAMPLE, totalBytes));
  await handle.read(sample, 0, sample.length, 0);
  await handle.close();
  const encoding: TextEncoding = forced ?? detectEncoding(sample);
  const delimiter = sniffDelimiter(decoder(encoding).write(sample));

  let bytes = 0;
  let line = 1; // first line of the next record
  const records = async function* (): AsyncGenerator<RawRow[]> {
    const decode = decoder(encoding);
    const parser = new Parser({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_RECORD,
    });
    let failure: CsvError | undefined;
    parser.on('error', (e: CsvError) => (failure = e));
    const drain = (): RawRow[] => {
      const rows: RawRow[] = [];
      let values: string[] | null;
      while ((values = parser.read() as string[] | null) !== null) {
        rows.push({ line, values });
        line++;
        for (const v of values) if (v.indexOf('\n') !== -1) line += v.split('\n').length - 1;
      }
      return rows;
    };
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
      bytes += (chunk as Buffer).length;
      parser.write(decode.write(chunk as Buffer));
      const rows = drain();
      if (failure) throw describe(failure, line);
      if (rows.length) yield rows;
    }
    parser.end(decode.end());
    const rows = drain();
    // csv-parse reports an error at the end of input a tick later.
    await new Promise((resolve) => setImmediate(resolve));
    const last = drain();
    if (failure) throw describe(failure, line);
    if (rows.length || last.length) yield [...rows, ...last];
  };

  const all = records();
  const { headers, batches } = await splitHeader(all, 'the file has no header line (only blank lines)');

  return {
    headers,
    fixedWidth: true,
    details: { encoding, delimiter: delimiter === '\t' ? 'tab' : delimiter },
    totalBytes,
    bytesRead: () => bytes,
    batches,
  };
}
