import type pg from 'pg';
import { sql } from 'kysely';
import { CLASSIFIED_CELL_DEGREES } from '../../../domain/desensitise.js';
import { idList, usable, type MatchPhrase, type SearchIndex, type TextMatch } from '../../search.js';

/** A lexeme quoted for tsvector/tsquery input (no text-search parser involved). */
function lexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** Tokens as a tsvector literal with positions (1-based, capped as PostgreSQL caps them). */
export function tsvectorLiteral(tokens: string): string {
  const positions = new Map<string, number[]>();
  let position = 0;
  for (const token of tokens.split(' ')) {
    if (!token) continue;
    position = Math.min(position + 1, 16383);
    const list = positions.get(token);
    if (list) {
      if (list.length < 256) list.push(position);
    } else positions.set(token, [position]);
  }
  return [...positions].map(([token, list]) => `${lexeme(token)}:${list.join(',')}`).join(' ');
}

function tsqueryPhrase(p: MatchPhrase): string {
  const last = p.tokens.length - 1;
  const parts = p.tokens.map((t, i) => (p.prefix && i === last ? `${lexeme(t)}:*` : lexeme(t)));
  return parts.length > 1 ? `(${parts.join(' <-> ')})` : parts[0]!;
}

/** The tsquery: groups AND-ed, each an OR of phrases (`<->`: followed by). */
export function tsqueryLiteral(match: TextMatch): string {
  return usable(match)
    .map((group) => `(${group.map(tsqueryPhrase).join(' | ')})`)
    .join(' & ');
}

/** The published position as SQL, the same snapping as publishedPosition() (src/domain/desensitise.ts). */
function shownCoordinate(alias: string, axis: 'lon' | 'lat') {
  const ref = sql.ref(`${alias}.${axis}`);
  return sql<
    number | null
  >`CASE WHEN ${sql.ref(`${alias}.confidentiality`)} = 'classified' THEN round((floor(${ref} / ${CLASSIFIED_CELL_DEGREES}::float8) * ${CLASSIFIED_CELL_DEGREES}::float8 + ${CLASSIFIED_CELL_DEGREES / 2}::float8)::numeric, 6)::float8 ELSE ${ref} END`;
}

function shownPoint(alias: string) {
  return sql`ST_SetSRID(ST_MakePoint(${shownCoordinate(alias, 'lon')}, ${shownCoordinate(alias, 'lat')}), 4326)`;
}

export function postgresSearchIndex(pool: pg.Pool): SearchIndex {
  return {
    matchingIds: async (entity, match, narrowing = []) => {
      if (!tsqueryLiteral(match)) return new Int32Array(0);
      // GIN intersects the narrowing words' lists before any row is read (江西 钨矿 around 华山:
      // 286 → 68 ms); FTS5 is left without them, where OR-groups of phrases skip slowly.
      const query = tsqueryLiteral([...match, ...narrowing]);
      // The planner guesses a phrase of two common characters (华 <-> 山) matches a quarter of the
      // table and reads all 4 GB of it (600 ms) where the word index finds the 69 rows in 2 ms; and
      // JIT compiling a one-off scan costs more than it saves. So: the index, no JIT.
      const client = await pool.connect();
      try {
        await client.query('BEGIN READ ONLY');
        await client.query('SET LOCAL enable_seqscan = off; SET LOCAL jit = off');
        const result = await client.query<{ ids: string | null }>(
          `SELECT string_agg(id::text, ',') AS ids FROM ${entity}_search WHERE tokens @@ $1::tsquery`,
          [query],
        );
        await client.query('COMMIT');
        return idList(result.rows[0]?.ids);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    // Nothing to hold back: settle vacuums and analyses the table after a large run.
    startRun: async () => {},
    write: async (entity, docs) => {
      if (!docs.length) return;
      await pool.query(
        `INSERT INTO ${entity}_search (id, tokens)
         SELECT * FROM unnest($1::int4[], $2::tsvector[])
         ON CONFLICT (id) DO UPDATE SET tokens = excluded.tokens`,
        [docs.map((d) => d.id), docs.map((d) => tsvectorLiteral(d.tokens))],
      );
    },
    clear: async (entity) => {
      await pool.query(`TRUNCATE ${entity}_search`);
    },
    settle: async (entity) => {
      await pool.query(`VACUUM (ANALYZE) ${entity}_search`);
    },
    matches: (entity, idColumn, match) => {
      const query = tsqueryLiteral(match);
      if (!query) return sql<boolean>`false`;
      return sql<boolean>`${sql.ref(idColumn)} IN (SELECT id FROM ${sql.table(`${entity}_search`)} WHERE tokens @@ ${query}::tsquery)`;
    },
    nearBox: (alias, [minLon, minLat, maxLon, maxLat], margin) =>
      sql<boolean>`${sql.ref(`${alias}.geom`)} && ST_MakeEnvelope(${minLon - margin}, ${minLat - margin}, ${maxLon + margin}, ${maxLat + margin}, 4326)`,
    shownInPolygon: (alias, polygon) =>
      sql<boolean>`ST_Covers(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Polygon', coordinates: [polygon.ring] })}), ${shownPoint(alias)})`,
    shownWithin: (alias, circle) =>
      sql<boolean>`ST_DistanceSphere(${shownPoint(alias)}, ST_SetSRID(ST_MakePoint(${circle.lon}::float8, ${circle.lat}::float8), 4326)) <= ${circle.km * 1000}::float8`,
    shownCoordinate,
    shownDistanceKm: (alias, lon, lat) =>
      sql<
        number | null
      >`round((ST_DistanceSphere(${shownPoint(alias)}, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)) / 1000.0)::numeric, 6)::float8`,
    // Case follows the database's collation: identifiers are in byte order (COLLATE "C", decision
    // 0010), under which upper() would fold ASCII letters only.
    upper: (expression) => sql<string>`upper(${expression} COLLATE "default")`,
    size: async (entity) => {
      const { rows } = await pool.query<{ bytes: number }>(
        'SELECT pg_total_relation_size($1::regclass) AS bytes',
        [`${entity}_search`],
      );
      return Number(rows[0]!.bytes);
    },
  };
}
