// What every reader (CSV/TSV, .xlsx, GeoJSON) gives the import: headers, then data rows in batches
// with their line numbers, read as a stream so a 2 GB file never sits in memory.
import { extname } from 'node:path';
import type { ImportKind } from './import.types.js';
import type { RawRow } from './problem-log.js';

export interface RowSource {
  /** Column names; a GeoJSON source adds property names as it meets them. */
  readonly headers: string[];
  /** True when every row must have one value per header (CSV, TSV). */
  readonly fixedWidth: boolean;
  readonly details: { encoding?: string; delimiter?: string; sheet?: string };
  readonly totalBytes: number;
  bytesRead(): number;
  /** Data rows, header excluded, blank rows skipped; each batch is processed before the next is read. */
  batches(): AsyncGenerator<RawRow[]>;
}

/** The file cannot be read at all past `line` (broken quoting, no header, not a FeatureCollection …). */
export class SourceError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

export type SourceFormat = 'text' | 'xlsx' | 'geojson';

/** GeoJSON by kind; .xlsx by extension; everything else is delimited text. */
export function sourceFormat(kind: ImportKind, path: string): SourceFormat {
  if (kind === 'geojson') return 'geojson';
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  return 'text';
}

/** True when a row has no value at all (blank line, or only delimiters). */
export function isBlank(values: ReadonlyArray<string | null>): boolean {
  for (const v of values) if (v != null && v.length !== 0 && NOT_SPACE.test(v)) return false;
  return true;
}

const NOT_SPACE = /\S/;

/**
 * Takes the first non-blank row of a batch stream as the header; returns the column names and the
 * data rows as non-empty batches with blank rows skipped. `empty` is the message for no header.
 */
export async function splitHeader(
  all: AsyncGenerator<RawRow[]>,
  empty: string,
): Promise<{ headers: string[]; batches: () => AsyncGenerator<RawRow[]> }> {
  let header: RawRow | undefined;
  let rest: RawRow[] = [];
  while (!header) {
    const next = await all.next();
    if (next.done) break;
    const index = next.value.findIndex((r) => !isBlank(r.values));
    if (index >= 0) {
      header = next.value[index]!;
      rest = next.value.slice(index + 1);
    }
  }
  if (!header) throw new SourceError(1, '(file)', empty);
  const headers = header.values.map((h, i) => (h ?? '').trim() || `column ${i + 1}`);
  return {
    headers,
    async *batches() {
      const first = rest.filter((r) => !isBlank(r.values));
      rest = [];
      if (first.length) yield first;
      for await (const batch of all) {
        const kept = batch.filter((r) => !isBlank(r.values));
        if (kept.length) yield kept;
      }
    },
  };
}
