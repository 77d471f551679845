import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { CLASSIFIED_CELL_DEGREES } from '../../../domain/desensitise.js';
import {
  idList,
  usable,
  type MatchPhrase,
  type SearchEntity,
  type SearchIndex,
  type TextMatch,
} from '../../search.js';

/** An FTS5 phrase: quoted tokens (a quote inside is doubled), `*` after it for a prefix. */
function fts5Phrase(p: MatchPhrase): string {
  const quoted = `"${p.tokens.join(' ').replaceAll('"', '""')}"`;
  return p.prefix ? `${quoted} *` : quoted;
}

/** The MATCH expression: groups AND-ed, each an OR of phrases. */
export function fts5Query(match: TextMatch): string {
  return usable(match)
    .map((group) => `(${group.map(fts5Phrase).join(' OR ')})`)
    .join(' AND ');
}

/**
 * FTS5's merging while a run writes (its defaults), and during a large run: none but a crisis merge
 * once a level holds 200 segments, settle's one merge doing the rest. 200,000 boreholes' entries
 * were written in 40 % less time, 1,050,000 in 19 % less (the final merge grows with the index).
 */
const MERGING = { automerge: 4, crisismerge: 16 };
const MERGING_IN_LARGE_RUN = { automerge: 0, crisismerge: 200 };

/** Sets the options that differ (every index run asks: most need no write, start-up's among them). */
function setMerging(raw: SQLite.Database, entity: SearchEntity, merging: typeof MERGING): void {
  const stored = new Map(
    (raw.prepare(`SELECT k, v FROM ${entity}_fts_config`).raw().all() as Array<[string, unknown]>).map(
      ([k, v]) => [k, Number(v)],
    ),
  );
  for (const [option, value] of Object.entries(merging) as Array<[keyof typeof MERGING, number]>) {
    if ((stored.get(option) ?? MERGING[option]) === value) continue;
    // Written into the SQL: FTS5 takes only an integer, and a bound JavaScript number is a real.
    raw.exec(`INSERT INTO ${entity}_fts (${entity}_fts, rank) VALUES ('${option}', ${Math.trunc(value)})`);
  }
}

export function sqliteSearchIndex(raw: SQLite.Database): SearchIndex {
  return {
    startRun: async (entity, large) => setMerging(raw, entity, large ? MERGING_IN_LARGE_RUN : MERGING),
    write: async (entity, docs) => {
      const remove = raw.prepare(`DELETE FROM ${entity}_fts WHERE rowid = ?`);
      const insert = raw.prepare(`INSERT INTO ${entity}_fts (rowid, tokens) VALUES (?, ?)`);
      raw.transaction(() => {
        for (const doc of docs) {
          remove.run(doc.id);
          insert.run(doc.id, doc.tokens);
        }
        // Word matches are cached with the search columns: a new index entry makes them stale.
        raw.exec('UPDATE search_epoch SET n = n + 1');
      })();
    },
    clear: async (entity) => {
      raw.exec(`DELETE FROM ${entity}_fts; UPDATE search_epoch SET n = n + 1`);
    },
    settle: async (entity) => {
      setMerging(raw, entity, MERGING);
      raw.prepare(`INSERT INTO ${entity}_fts (${entity}_fts) VALUES ('optimize')`).run();
    },
    matchingIds: async (entity, match) => {
      const query = fts5Query(match);
      if (!query) return new Int32Array(0);
      const text = raw
        .prepare(`SELECT group_concat(rowid) FROM ${entity}_fts WHERE ${entity}_fts MATCH ?`)
        .pluck()
        .get(query) as string | null;
      return idList(text);
    },
    matches: (entity, idColumn, match) => {
      const query = fts5Query(match);
      // No usable token (only punctuation was typed): nothing can match.
      if (!query) return sql<boolean>`0`;
      return sql<boolean>`${sql.ref(idColumn)} IN (SELECT rowid FROM ${sql.table(`${entity}_fts`)} WHERE ${sql.table(`${entity}_fts`)} MATCH ${query})`;
    },
    nearBox: (alias, [minLon, minLat, maxLon, maxLat], margin) =>
      sql<boolean>`${sql.ref(`${alias}.id`)} IN (SELECT id FROM borehole_rtree WHERE max_lon >= ${minLon - margin} AND min_lon <= ${maxLon + margin} AND max_lat >= ${minLat - margin} AND min_lat <= ${maxLat + margin})`,
    shownInPolygon: (alias, polygon) =>
      sql<boolean>`cs_shown_in_ring(${sql.ref(`${alias}.lon`)}, ${sql.ref(`${alias}.lat`)}, ${sql.ref(`${alias}.confidentiality`)}, ${JSON.stringify(polygon.ring)}) = 1`,
    shownWithin: (alias, circle) =>
      sql<boolean>`cs_shown_km(${sql.ref(`${alias}.lon`)}, ${sql.ref(`${alias}.lat`)}, ${sql.ref(`${alias}.confidentiality`)}, ${circle.lon}, ${circle.lat}) <= ${circle.km}`,
    shownCoordinate: (alias, axis) => {
      const ref = sql.ref(`${alias}.${axis}`);
      return sql<
        number | null
      >`CASE WHEN ${sql.ref(`${alias}.confidentiality`)} = 'classified' THEN round(floor(${ref} / ${CLASSIFIED_CELL_DEGREES}) * ${CLASSIFIED_CELL_DEGREES} + ${CLASSIFIED_CELL_DEGREES / 2}, 6) ELSE ${ref} END`;
    },
    shownDistanceKm: (alias, lon, lat) =>
      sql<
        number | null
      >`cs_distance_key(cs_shown_km(${sql.ref(`${alias}.lon`)}, ${sql.ref(`${alias}.lat`)}, ${sql.ref(`${alias}.confidentiality`)}, ${lon}, ${lat}))`,
    upper: (expression) => sql<string>`cs_upper(${expression})`,
    size: async (entity) => {
      const row = raw
        .prepare("SELECT coalesce(sum(pgsize), 0) AS bytes FROM dbstat WHERE name LIKE ? || '_fts%'")
        .get(entity) as { bytes: number };
      return row.bytes;
    },
  };
}
