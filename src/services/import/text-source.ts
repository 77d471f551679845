// CSV/TSV reader: detects the encoding (BOM → UTF-8/UTF-16; valid UTF-8 → UTF-8; else GB18030) and
// the delimiter (comma, tab or semicolon, from the header line), then decodes and parses (csv-reader)
// one 64 KiB chunk at a time, each chunk's records parsed synchronously so no row costs an await.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { CsvReader } from './csv-reader.js';
import type { RawRow } from './problem-log.js';
import { SourceError, splitHeader, type RowSource } from './row-source.js';

// Small enough that the event loop turns between chunks every few milliseconds: a store's writes
// (PostgreSQL's COPY data, SQLite's writer-thread messages) and look-up answers move while the next
// rows are read. With 1 MiB chunks the server sat waiting for COPY data a third of a catalog load's
// COPY time (its COPYs 11.6 → 8.2 s busy); and a chunk's text stays a young-generation object.
const CHUNK = 1 << 16;
const SAMPLE = 1 << 16;

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
  const records = async function* (): AsyncGenerator<RawRow[]> {
    const decode = decoder(encoding);
    const reader = new CsvReader(delimiter);
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
      bytes += (chunk as Buffer).length;
      const rows = reader.push(decode.write(chunk as Buffer));
      if (rows.length) yield rows;
    }
    const rows = reader.end(decode.end());
    if (rows.length) yield rows;
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
