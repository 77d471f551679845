// The embedded store's raw connection with the settings every one wants, apart from Kysely: the
// SQLite writer thread opens one as it starts, and loading Kysely took it a seventh of a second.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { publishedPosition } from '../../../domain/desensitise.js';
import { distanceKey, distanceKm, inPolygon, type LonLat } from '../../../domain/search/areas.js';

/**
 * Map-area tests on the published position, as SQL functions: SQLite has no geometry, so the same
 * TypeScript rules (src/domain) answer for it. Deterministic, so SQLite may cache within a query.
 */
function registerAreaFunctions(raw: SQLite.Database): void {
  let lastRing: { json: string; ring: LonLat[] } | undefined;
  const shown = (lon: number, lat: number, confidentiality: string) =>
    publishedPosition({ lon, lat }, confidentiality) as { lon: number; lat: number };
  raw.function(
    'cs_shown_in_ring',
    { deterministic: true },
    (lon: unknown, lat: unknown, confidentiality: unknown, json: unknown) => {
      if (typeof lon !== 'number' || typeof lat !== 'number') return 0;
      if (lastRing === undefined || lastRing.json !== json)
        lastRing = { json: String(json), ring: JSON.parse(String(json)) as LonLat[] };
      const ring: LonLat[] = lastRing.ring;
      const p = shown(lon, lat, String(confidentiality));
      return inPolygon(p.lon, p.lat, ring) ? 1 : 0;
    },
  );
  // Unicode upper case (SQLite's own upper() knows only ASCII), as PostgreSQL and the search columns.
  raw.function('cs_upper', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toUpperCase() : text,
  );
  raw.function('cs_distance_key', { deterministic: true }, (km: unknown) =>
    typeof km === 'number' ? distanceKey(km) : km,
  );
  raw.function(
    'cs_shown_km',
    { deterministic: true },
    (lon: unknown, lat: unknown, confidentiality: unknown, lon0: unknown, lat0: unknown) => {
      if (typeof lon !== 'number' || typeof lat !== 'number') return null;
      const p = shown(lon, lat, String(confidentiality));
      return distanceKm(p.lon, p.lat, Number(lon0), Number(lat0));
    },
  );
}

/** Bytes per page of a new store file: a million-row load writes, sorts and checkpoints fewer, larger pages. */
export const PAGE_SIZE = 16384;

/** Opens (creating if needed) the embedded store file: one connection with the settings every one wants. */
export function openSqliteConnection(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new SQLite(file);
  // A new file gets 16 KiB pages (decision 0011); an existing file keeps its own (SQLite ignores
  // this once the file has content).
  raw.pragma(`page_size = ${PAGE_SIZE}`);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  // Large sorts (CREATE INDEX after a bulk load, big ORDER BYs) in runs written to temporary files,
  // sorted by helper threads: with temporary storage in memory SQLite sorts in one run on one thread,
  // and a million-key index took 1.6 times as long (decision 0013).
  raw.pragma('temp_store = FILE');
  raw.pragma(`threads = ${Math.min(4, availableParallelism())}`);
  registerAreaFunctions(raw);
  return raw;
}
