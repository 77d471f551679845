// The full-text index, engine-neutral: records are indexed as the shared analyzer's tokens
// (src/domain/search/analyzer.ts) and matched by groups of phrases. FTS5 on SQLite, tsvector/GIN on
// PostgreSQL; both receive exact tokens, so both find the same records.
import type { RawBuilder } from 'kysely';
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
  /** Replaces the index entries of these records. */
  write(entity: SearchEntity, docs: readonly IndexedDoc[]): Promise<void>;
  /** Empties the index of an entity (before a rebuild). */
  clear(entity: SearchEntity): Promise<void>;
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
  /** Great-circle km from the borehole's published position to a point (null without a position). */
  shownDistanceKm(alias: string, lon: number, lat: number): RawBuilder<number | null>;
  /** Bytes the index takes on disk (tables and indexes), for the benchmark. */
  size(entity: SearchEntity): Promise<number>;
}

/** Drops phrases without tokens and groups without phrases: they would match nothing or everything. */
export function usable(match: TextMatch): TextMatch {
  return match.map((group) => group.filter((p) => p.tokens.length > 0)).filter((group) => group.length > 0);
}
