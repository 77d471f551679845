// .xlsx reader on exceljs's streaming WorkbookReader: rows arrive one at a time from the zip, so a
// large workbook is never loaded whole. Lines are the sheet's row numbers.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { RawRow } from './problem-log.js';
import { SourceError, splitHeader, type RowSource } from './row-source.js';

const BATCH = 2000;

/** A cell as the text a CSV export of it would hold. */
export function cellText(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return null; // #N/A, #REF!: no value
  }
  return String(value);
}

function rowValues(row: ExcelJS.Row): Array<string | null> {
  // exceljs rows are 1-based and sparse.
  const raw = row.values as unknown[];
  const out: Array<string | null> = [];
  for (let i = 1; i < raw.length; i++) out.push(cellText(raw[i]));
  return out;
}

/**
 * exceljs, loaded with the first workbook: loading it takes about a third of a second, which every
 * import (of a CSV file too) paid on its import thread as it started.
 */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** The named (or first) sheet of the workbook read whole, or undefined when there is no such sheet. */
async function wholeWorkbookSheet(
  path: string,
  sheet: string | undefined,
  seen: string[],
): Promise<ExcelJS.Worksheet | undefined> {
  const workbook = new (await excel()).Workbook();
  await workbook.xlsx.readFile(path);
  seen.push(...workbook.worksheets.map((w) => w.name));
  return workbook.worksheets.find((w) => sheet === undefined || w.name === sheet);
}

function* sheetBatches(worksheet: ExcelJS.Worksheet): Generator<RawRow[]> {
  let batch: RawRow[] = [];
  const rows: ExcelJS.Row[] = [];
  worksheet.eachRow((row) => rows.push(row));
  for (const row of rows) {
    batch.push({ line: row.number, values: rowValues(row) });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export async function openXlsxSource(path: string, sheet?: string): Promise<RowSource> {
  const totalBytes = (await stat(path)).size;
  if (totalBytes === 0) throw new SourceError(1, '(file)', 'the file is empty');
  const Excel = await excel();
  let bytes = 0;
  // Counted as exceljs pulls it: a 'data' listener on the file would start it flowing too early.
  const input = createReadStream(path).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
  );
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let chosen: string | undefined;
  const noSheet = () =>
    new SourceError(
      1,
      'sheet',
      sheet === undefined
        ? 'the workbook has no worksheet'
        : `no worksheet named ${JSON.stringify(sheet)}; the workbook has: ${seen.join(', ')}`,
    );

  const rows = async function* (): AsyncGenerator<RawRow[]> {
    let found = false;
    let yielded = false;
    try {
      for await (const worksheet of reader) {
        const name = (worksheet as unknown as { name: string }).name;
        seen.push(name);
        if (found || (sheet !== undefined && name !== sheet)) {
          // Read through, not past: exceljs may be replaying this sheet from a temporary file that it
          // deletes as soon as we move on, and an unread sheet would open it after the delete.
          for await (const _row of worksheet) void _row;
          continue;
        }
        found = true;
        chosen = name;
        let batch: RawRow[] = [];
        for await (const row of worksheet) {
          batch.push({ line: row.number, values: rowValues(row) });
          if (batch.length >= BATCH) {
            yielded = true;
            yield batch;
            batch = [];
          }
        }
        if (batch.length) {
          yielded = true;
          yield batch;
        }
      }
    } catch (error) {
      if (error instanceof SourceError) throw error;
      // Some writers (exceljs itself among them) may store xl/workbook.xml after the sheets; the
      // streaming reader then meets a sheet before the sheet list and fails. Such a workbook is
      // read whole instead: slower and heavier, but right.
      if (!yielded && error instanceof TypeError && /sheets/.test(error.message)) {
        seen.length = 0;
        const whole = await wholeWorkbookSheet(path, sheet, seen);
        if (!whole) throw noSheet();
        chosen = whole.name;
        yield* sheetBatches(whole);
        return;
      }
      throw new SourceError(1, '(file)', `not a readable .xlsx workbook: ${(error as Error).message}`);
    }
    if (!found) throw noSheet();
  };

  const all = rows();
  const { headers, batches } = await splitHeader(all, 'the worksheet is empty');

  return {
    headers,
    // Excel drops trailing empty cells, so a short row is normal here, not ragged.
    fixedWidth: false,
    details: { sheet: chosen },
    totalBytes,
    bytesRead: () => bytes,
    batches,
  };
}
