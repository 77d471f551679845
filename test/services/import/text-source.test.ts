import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../../src/services/import/problem-log.js';
import { SourceError } from '../../../src/services/import/row-source.js';
import { detectEncoding, openTextSource, sniffDelimiter } from '../../../src/services/import/text-source.js';
import { fixture, tempDir } from './import-helpers.js';

async function readAll(path: string, encoding?: 'utf8' | 'gb18030') {
  const source = await openTextSource(path, encoding);
  const rows: RawRow[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return { source, rows };
}

describe('text source', () => {
  it('detects the encoding: BOM, valid UTF-8, else GB18030', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf8');
    expect(detectEncoding(Buffer.from('钻孔', 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.from([0xd7, 0xea, 0xbf, 0xd7]))).toBe('gb18030'); // 钻孔 in GB18030
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe('utf16le');
  });

  it('sniffs comma, tab or semicolon from the header line, ignoring quoted text', () => {
    expect(sniffDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"a,b";c;d')).toBe(';');
  });

  it('reads the same rows from UTF-8+BOM, GB18030, TSV and semicolon files', async () => {
    const files = [
      'collars-zh-utf8-bom.csv',
      'collars-zh-gb18030.csv',
      'collars-zh.tsv',
      'collars-zh-semicolon.csv',
    ];
    const read = await Promise.all(files.map((f) => readAll(fixture(f))));
    expect(read.map((r) => r.source.details)).toEqual([
      { encoding: 'utf8', delimiter: ',' },
      { encoding: 'gb18030', delimiter: ',' },
      { encoding: 'utf8', delimiter: 'tab' },
      { encoding: 'utf8', delimiter: ';' },
    ]);
    for (const r of read) {
      expect(r.source.headers[0]).toBe('钻孔编号');
      expect(r.rows).toEqual(read[0]!.rows);
    }
    expect(read[0]!.rows[1]).toMatchObject({
      line: 3,
      values: expect.arrayContaining(['驱龙𠮷ZK0002', '铜,金']),
    });
  });

  it('counts lines across quoted line breaks and blank lines', async () => {
    const file = join(tempDir(), 'multi.csv');
    writeFileSync(file, 'id,text\r\n\r\n1,"two\r\nlines"\r\n2,plain\r\n,\r\n3,"a ""quoted"" word"\r\n');
    const { rows } = await readAll(file);
    expect(rows.map((r) => [r.line, r.values[0]])).toEqual(
      [
        ['3', '1'],
        ['5', '2'],
        ['7', '3'],
      ].map(([l, v]) => [Number(l), v]),
    );
    expect(rows[2]!.values[1]).toBe('a "quoted" word');
  });

  it('turns unreadable CSV (broken quoting) into file:line errors', async () => {
    const error = await readAll(fixture('unbalanced-quote.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({
      line: 3,
      message: 'unbalanced quote: the quoted value starting on line 3 is never closed',
    });
    await expect(readAll(fixture('empty.csv'))).rejects.toMatchObject({ message: 'the file is empty' });
  });

  it('keeps a quote inside an unquoted value (inch marks: NQ 2")', async () => {
    const file = join(tempDir(), 'inch.csv');
    writeFileSync(file, 'hole,size\nZK1,NQ 2"\nZK2,HQ\n');
    const { rows } = await readAll(file);
    expect(rows.map((r) => r.values[1])).toEqual(['NQ 2"', 'HQ']);
  });

  it('keeps undecodable bytes visible (U+FFFD) so the row check can name them', async () => {
    const auto = await readAll(fixture('gbk-name.csv'));
    expect(auto.source.details.encoding).toBe('gb18030');
    expect(auto.rows[1]!.values[1]).toBe('钻孔二');
    const forced = await readAll(fixture('gbk-name.csv'), 'utf8');
    expect(forced.rows[1]!.values[1]).toContain('\uFFFD');
  });
});
