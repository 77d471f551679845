// GeoJSON FeatureCollection reader that never holds the whole file: a small scanner finds the
// `features` array and cuts out one feature at a time for JSON.parse. Each feature becomes a row of
// `@x, @y, @z` (its Point) followed by its properties, header names growing as new properties appear.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { RawRow } from './problem-log.js';
import { SourceError, type RowSource } from './row-source.js';

const BATCH = 2000;
const MAX_FEATURE = 16 << 20;
export const GEOMETRY_COLUMNS = ['@x', '@y', '@z'] as const;

interface Captured {
  key: string;
  text: string;
  line: number;
}

/** Scans JSON text for the top-level members and each element of `features`, across chunk borders. */
class FeatureScanner {
  line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private stringStart = -1;
  private lastString = '';
  private carry = '';
  private captureStart = -1;
  private captureDepth = -1;
  private captureLine = 0;
  private captureKey = '';
  private featuresDepth = -1;

  *scan(chunk: string): Generator<Captured> {
    if (this.captureDepth >= 0) this.captureStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (this.depth === 1 && this.stringStart >= 0) this.lastString = chunk.slice(this.stringStart, i);
        }
        continue;
      }
      if (c === 10) this.line++;
      else if (c === 34) {
        this.inString = true;
        this.stringStart = this.depth === 1 ? i + 1 : -1;
      } else if (c === 123 || c === 91) {
        if (this.depth === 0 && c !== 123) throw new SourceError(this.line, '(file)', 'not a GeoJSON object');
        if (this.depth === 1 && c === 91 && this.lastString === 'features') this.featuresDepth = 2;
        const startsCapture =
          this.captureDepth < 0 &&
          ((this.depth === 2 && this.featuresDepth === 2 && c === 123) ||
            (this.depth === 1 && this.lastString === 'crs'));
        this.depth++;
        if (startsCapture) {
          this.captureDepth = this.depth;
          this.captureStart = i;
          this.captureLine = this.line;
          this.captureKey = this.depth === 3 ? 'feature' : this.lastString;
        }
      } else if (c === 125 || c === 93) {
        if (this.depth === this.captureDepth) {
          const text = this.carry + chunk.slice(this.captureStart, i + 1);
          this.carry = '';
          this.captureDepth = -1;
          yield { key: this.captureKey, text, line: this.captureLine };
        }
        if (this.depth === 2 && c === 93) this.featuresDepth = -1;
        this.depth--;
      }
    }
    if (this.captureDepth >= 0) {
      this.carry += chunk.slice(this.captureStart);
      if (this.carry.length > MAX_FEATURE)
        throw new SourceError(this.captureLine, '(file)', 'a feature larger than 16 MiB');
    }
    if (this.inString && this.stringStart >= 0) this.stringStart = 0; // a key split across chunks is rare; only its tail is kept
  }
}

function propertyText(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export async function openGeoJsonSource(path: string): Promise<RowSource & { details: { crs?: string } }> {
  const totalBytes = (await stat(path)).size;
  if (totalBytes === 0) throw new SourceError(1, '(file)', 'the file is empty');
  const headers: string[] = [...GEOMETRY_COLUMNS];
  const index = new Map<string, number>(headers.map((h, i) => [h, i]));
  const details: { crs?: string } = {};
  let bytes = 0;

  const toRow = (feature: Record<string, unknown>, line: number): RawRow => {
    const props = (feature.properties ?? {}) as Record<string, unknown>;
    const values: Array<string | null> = new Array<string | null>(headers.length).fill(null);
    for (const [key, value] of Object.entries(props)) {
      let i = index.get(key);
      if (i === undefined) {
        i = headers.push(key) - 1;
        index.set(key, i);
      }
      values[i] = propertyText(value);
    }
    const geometry = feature.geometry as { type?: string; coordinates?: unknown } | null | undefined;
    const coords = geometry?.coordinates;
    if (geometry?.type !== 'Point' || !Array.isArray(coords) || coords.length < 2) {
      const what = geometry == null ? 'no geometry' : `a ${String(geometry.type)} geometry`;
      return {
        line,
        values,
        issue: { field: 'geometry', message: `feature has ${what}; a borehole needs a Point` },
      };
    }
    values[0] = propertyText(coords[0]);
    values[1] = propertyText(coords[1]);
    values[2] = propertyText(coords[2]);
    return { line, values };
  };

  async function* rows(): AsyncGenerator<RawRow[]> {
    const scanner = new FeatureScanner();
    const decoder = new TextDecoder('utf-8');
    let batch: RawRow[] = [];
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      bytes += (chunk as Buffer).length;
      for (const { key, text, line } of scanner.scan(decoder.decode(chunk as Buffer, { stream: true }))) {
        let value: Record<string, unknown>;
        try {
          value = JSON.parse(text) as Record<string, unknown>;
        } catch (error) {
          throw new SourceError(
            line,
            '(file)',
            `invalid JSON in the ${key} starting here: ${(error as Error).message}`,
          );
        }
        if (key === 'crs') {
          const name = (value.properties as { name?: unknown } | undefined)?.name;
          if (typeof name === 'string') details.crs = name;
        } else if (key === 'feature') batch.push(toRow(value, line));
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length) yield batch;
  }

  const all = rows();
  const first = await all.next();
  if (first.done)
    throw new SourceError(1, '(file)', 'no features: expected a GeoJSON FeatureCollection of Points');
  return {
    headers,
    fixedWidth: false,
    details,
    totalBytes,
    bytesRead: () => bytes,
    async *batches() {
      yield first.value;
      yield* all;
    },
  };
}
