// The full-text index, engine-neutral: records are indexed as the shared analyzer's tokens
// (src/domain/search/analyzer.ts) and matched by groups of phrases. FTS5 on SQLite, tsvector/GIN on
// PostgreSQL; both receive exact tokens, so both find the same records.
import type { RawBuilder, sql } from 'kysely';
import type { Circle, Polygon } from '../domain/search/areas.js';

/** [minLon, minLat, maxLon, maxLat], WGS84 degrees. */
export type Box = readonly [number, number, number, number];

export type SearchEntity = 'borehole' | 'catalog_record';

/** Tokens that must appear consecutively; with `prefix` the last one only has to begin a token. */
export interface MatchPhrase {
  readonly tokens: readonly string[];
  readonly prefix?: boolean;
}

/** Every group must match; a group matches when any one of its phrases does. */
export type TextMatch = ReadonlyArray<ReadonlyArray<MatchPhrase>>;

export interface IndexedDoc {
  readonly id: number;
  /** The analyzer's tokens, space-separated. */
  readonly tokens: string;
}

export interface SearchIndex {
  /**
   * Before an index run: `large` when it writes many entries (and settle follows), so that the engine
   * may hold back work that settle does once (FTS5: merging the segments as they are written). A run
   * that is not large puts the index back as it was, so a large run stopped half-way leaves nothing.
   */
  startRun(entity: SearchEntity, large: boolean): Promise<void>;
  /** Replaces the index entries of these records. */
  write(entity: SearchEntity, docs: readonly IndexedDoc[]): Promise<void>;
  /** Empties the index of an entity (before a rebuild). */
  clear(entity: SearchEntity): Promise<void>;
  /**
   * After many entries were written: puts the index in order for reading. FTS5 merges the
   * segments each write left into one b-tree; PostgreSQL vacuums and analyses the table, so the
   * planner knows it and autovacuum does not start on it under the first searches.
   */
  settle(entity: SearchEntity): Promise<void>;
  /**
   * The ids of the records whose text matches, ascending (for the in-memory search columns).
   * `narrowing`: word groups whose matches the caller holds and will AND with the answer itself; an
   * engine whose index intersects cheaply ANDs them in to read fewer rows (PostgreSQL: the heap
   * rechecks of phrases), one that does not ignores them. After the caller's AND the result is the
   * same either way.
   */
  matchingIds(entity: SearchEntity, match: TextMatch, narrowing?: TextMatch): Promise<Int32Array>;
  /** True where `idColumn` (e.g. 'b.id') is a record whose text matches. */
  matches(entity: SearchEntity, idColumn: string, match: TextMatch): RawBuilder<boolean>;
  /**
   * True where the borehole aliased `alias` may lie in the box by its true position, widened by
   * `margin` degrees: a cheap pre-filter through the spatial index (R*Tree, GiST), to be followed
   * by the exact test on the published position.
   */
  nearBox(alias: string, box: Box, margin: number): RawBuilder<boolean>;
  /** True where the borehole aliased `alias` is shown (published position) inside the polygon. */
  shownInPolygon(alias: string, polygon: Polygon): RawBuilder<boolean>;
  /** True where the borehole aliased `alias` is shown within the circle (great-circle km). */
  shownWithin(alias: string, circle: Circle): RawBuilder<boolean>;
  /** The published longitude or latitude of the borehole aliased `alias` (classified: cell centre). */
  shownCoordinate(alias: string, axis: 'lon' | 'lat'): RawBuilder<number | null>;
  /**
   * Great-circle km from the borehole's published position to a point, to the millimetre
   * (distanceKey), as a sort key (null without a position).
   */
  shownDistanceKm(alias: string, lon: number, lat: number): RawBuilder<number | null>;
  /** Unicode upper case of a text expression (SQLite's own upper() knows only ASCII). */
  upper(expression: RawBuilder<string> | ReturnType<typeof sql.ref>): RawBuilder<string>;
  /** Bytes the index takes on disk (tables and indexes), for the benchmark. */
  size(entity: SearchEntity): Promise<number>;
}

/** Drops phrases without tokens and groups without phrases: they would match nothing or everything. */
export function usable(match: TextMatch): TextMatch {
  return match.map((group) => group.filter((p) => p.tokens.length > 0)).filter((group) => group.length > 0);
}

/** `1,5,9` (a list aggregated by the engine: one value crosses the wire instead of a row per id). */
export function idList(text: string | null | undefined): Int32Array {
  if (!text) return new Int32Array(0);
  // Digits read by char code: a split and Number() per id cost three times as much at 300,000 ids.
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const ids = new Int32Array(count);
  let n = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      ids[n++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  ids[n] = value;
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return ids.sort();
  return ids;
}
