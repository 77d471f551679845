// Forward-only migrations for the embedded engine. Frozen once released: add a new entry, never edit one.
import { sql, type Kysely } from 'kysely';
import type { MigrationList } from '../../migrate.js';
import { accountsSchema, type IdColumns } from '../shared/accounts.migration.js';
import { offersSchema } from '../shared/offers.migration.js';
import { requestsSchema } from '../shared/requests.migration.js';
import { agreementsAndReturnsSchema } from '../shared/agreements-returns.migration.js';
import { sqliteSearchEpoch } from '../shared/search-epoch.migration.js';

const catalogFoundation = `
CREATE TABLE custodian (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT,
  level TEXT NOT NULL CHECK (level IN ('national','provincial','depositor','entrusted')),
  province_code TEXT,
  contact_name TEXT, contact_email TEXT, contact_phone TEXT, address TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE organisation (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT,
  kind TEXT NOT NULL,
  province_code TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE borehole (
  id INTEGER PRIMARY KEY,
  public_id TEXT NOT NULL UNIQUE,
  dataset TEXT NOT NULL,
  hole_id TEXT NOT NULL,
  name TEXT NOT NULL,
  project TEXT, deposit_name TEXT, province_code TEXT, county TEXT,
  lon REAL CHECK (lon BETWEEN -180 AND 180),
  lat REAL CHECK (lat BETWEEN -90 AND 90),
  src_crs TEXT, src_x REAL, src_y REAL,
  collar_elev REAL,
  total_depth REAL CHECK (total_depth >= 0),
  drill_start TEXT, drill_end TEXT, purpose TEXT,
  commodities TEXT NOT NULL DEFAULT '[]',
  deposit_type TEXT, tectonic_unit TEXT, metallogenic_belt TEXT,
  core_class TEXT CHECK (core_class IN ('I','II','III')),
  custodian_id INTEGER REFERENCES custodian(id),
  depositor_id INTEGER REFERENCES organisation(id),
  funding_source TEXT CHECK (funding_source IN ('central_fiscal','local_fiscal','self_funded','enterprise','private')),
  ownership_dispute INTEGER NOT NULL DEFAULT 0,
  confidentiality TEXT NOT NULL DEFAULT 'public' CHECK (confidentiality IN ('public','internal','classified')),
  core_length REAL, recovery REAL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (dataset, hole_id)
);
CREATE INDEX borehole_custodian ON borehole(custodian_id);
CREATE INDEX borehole_province ON borehole(province_code);
CREATE VIRTUAL TABLE borehole_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER borehole_rtree_insert AFTER INSERT ON borehole WHEN new.lon IS NOT NULL AND new.lat IS NOT NULL
BEGIN INSERT INTO borehole_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat); END;
CREATE TRIGGER borehole_rtree_update AFTER UPDATE OF lon, lat ON borehole
BEGIN
  DELETE FROM borehole_rtree WHERE id = old.id;
  INSERT INTO borehole_rtree SELECT new.id, new.lon, new.lon, new.lat, new.lat WHERE new.lon IS NOT NULL AND new.lat IS NOT NULL;
END;
CREATE TRIGGER borehole_rtree_delete AFTER DELETE ON borehole
BEGIN DELETE FROM borehole_rtree WHERE id = old.id; END;
CREATE TABLE borehole_commodity (
  borehole_id INTEGER NOT NULL REFERENCES borehole(id) ON DELETE CASCADE,
  commodity TEXT NOT NULL,
  PRIMARY KEY (borehole_id, commodity)
) WITHOUT ROWID;
CREATE INDEX borehole_commodity_commodity ON borehole_commodity(commodity, borehole_id);
CREATE TABLE survey (
  borehole_id INTEGER NOT NULL REFERENCES borehole(id) ON DELETE CASCADE,
  depth REAL NOT NULL CHECK (depth >= 0),
  azimuth REAL NOT NULL CHECK (azimuth >= 0 AND azimuth < 360),
  dip REAL NOT NULL CHECK (dip BETWEEN -90 AND 90),
  PRIMARY KEY (borehole_id, depth)
) WITHOUT ROWID;
CREATE TABLE lithology (
  id INTEGER PRIMARY KEY,
  borehole_id INTEGER NOT NULL REFERENCES borehole(id) ON DELETE CASCADE,
  depth_from REAL NOT NULL CHECK (depth_from >= 0),
  depth_to REAL NOT NULL,
  code TEXT, name_zh TEXT, name_en TEXT, description TEXT,
  CHECK (depth_from < depth_to),
  UNIQUE (borehole_id, depth_from)
);
CREATE TABLE core_box (
  id INTEGER PRIMARY KEY,
  public_id TEXT NOT NULL UNIQUE,
  borehole_id INTEGER NOT NULL REFERENCES borehole(id) ON DELETE CASCADE,
  box_no TEXT NOT NULL,
  depth_from REAL NOT NULL CHECK (depth_from >= 0),
  depth_to REAL NOT NULL,
  shelf_location TEXT,
  CHECK (depth_from < depth_to),
  UNIQUE (borehole_id, box_no)
);
CREATE TABLE sample (
  id INTEGER PRIMARY KEY,
  public_id TEXT NOT NULL UNIQUE,
  borehole_id INTEGER NOT NULL REFERENCES borehole(id) ON DELETE CASCADE,
  sample_no TEXT NOT NULL,
  depth_from REAL NOT NULL CHECK (depth_from >= 0),
  depth_to REAL NOT NULL,
  sample_type TEXT, taken_for TEXT, taken_at TEXT,
  remaining_fraction REAL CHECK (remaining_fraction BETWEEN 0 AND 1),
  CHECK (depth_from < depth_to),
  UNIQUE (borehole_id, sample_no)
);
CREATE TABLE catalog_record (
  id INTEGER PRIMARY KEY,
  public_id TEXT NOT NULL UNIQUE,
  record_no TEXT NOT NULL UNIQUE,
  title_zh TEXT NOT NULL,
  title_en TEXT,
  material_type TEXT NOT NULL,
  borehole_id INTEGER REFERENCES borehole(id) ON DELETE SET NULL,
  custodian_id INTEGER REFERENCES custodian(id),
  province_code TEXT,
  quantity REAL, unit TEXT, year INTEGER, description TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX catalog_record_borehole ON catalog_record(borehole_id);
CREATE INDEX catalog_record_custodian ON catalog_record(custodian_id);
`;

// Unique keys as named indexes instead of inline UNIQUE constraints (whose automatic indexes cannot
// be dropped): a bulk load into an empty table drops every secondary index and builds it once at
// the end, which is several times faster than keeping random-order keys sorted row by row.
// SQLite cannot drop a table constraint, so the two tables are rebuilt (the documented 12-step
// procedure: foreign keys off, copy, drop, rename, indexes and triggers back, check, on).
const namedUniqueIndexes = `
CREATE TABLE borehole_next (
  id INTEGER PRIMARY KEY,
  public_id TEXT NOT NULL,
  dataset TEXT NOT NULL,
  hole_id TEXT NOT NULL,
  name TEXT NOT NULL,
  project TEXT, deposit_name TEXT, province_code TEXT, county TEXT,
  lon REAL CHECK (lon BETWEEN -180 AND 180),
  lat REAL CHECK (lat BETWEEN -90 AND 90),
  src_crs TEXT, src_x REAL, src_y REAL,
  collar_elev REAL,
  total_depth REAL CHECK (total_depth >= 0),
  drill_start TEXT, drill_end TEXT, purpose TEXT,
  commodities TEXT NOT NULL DEFAULT '[]',
  deposit_type TEXT, tectonic_unit TEXT, metallogenic_belt TEXT,
  core_class TEXT CHECK (core_class IN ('I','II','III')),
  custodian_id INTEGER REFERENCES custodian(id),
  depositor_id INTEGER REFERENCES organisation(id),
  funding_source TEXT CHECK (funding_source IN ('central_fiscal','local_fiscal','self_funded','enterprise','private')),
  ownership_dispute INTEGER NOT NULL DEFAULT 0,
  confidentiality TEXT NOT NULL DEFAULT 'public' CHECK (confidentiality IN ('public','internal','classified')),
  core_length REAL, recovery REAL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
INSERT INTO borehole_next SELECT * FROM borehole;
DROP TABLE borehole;
ALTER TABLE borehole_next RENAME TO borehole;
CREATE UNIQUE INDEX borehole_public_id ON borehole(public_id);
CREATE UNIQUE INDEX borehole_dataset_hole ON borehole(dataset, hole_id);
CREATE INDEX borehole_custodian ON borehole(custodian_id);
CREATE INDEX borehole_province ON borehole(province_code);
CREATE TRIGGER borehole_rtree_insert AFTER INSERT ON borehole WHEN new.lon IS NOT NULL AND new.lat IS NOT NULL
BEGIN INSERT INTO borehole_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat); END;
CREATE TRIGGER borehole_rtree_update AFTER UPDATE OF lon, lat ON borehole
BEGIN
  DELETE FROM borehole_rtree WHERE id = old.id;
  INSERT INTO borehole_rtree SELECT new.id, new.lon, new.lon, new.lat, new.lat WHERE new.lon IS NOT NULL AND new.lat IS NOT NULL;
END;
CREATE TRIGGER borehole_rtree_delete AFTER DELETE ON borehole
BEGIN DELETE FROM borehole_rtree WHERE id = old.id; END;
CREATE TABLE catalog_record_next (
  id INTEGER PRIMARY KEY,
  public_id TEXT NOT NULL,
  record_no TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT,
  material_type TEXT NOT NULL,
  borehole_id INTEGER REFERENCES borehole(id) ON DELETE SET NULL,
  custodian_id INTEGER REFERENCES custodian(id),
  province_code TEXT,
  quantity REAL, unit TEXT, year INTEGER, description TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
INSERT INTO catalog_record_next SELECT * FROM catalog_record;
DROP TABLE catalog_record;
ALTER TABLE catalog_record_next RENAME TO catalog_record;
CREATE UNIQUE INDEX catalog_record_public_id ON catalog_record(public_id);
CREATE UNIQUE INDEX catalog_record_record_no ON catalog_record(record_no);
CREATE INDEX catalog_record_borehole ON catalog_record(borehole_id);
CREATE INDEX catalog_record_custodian ON catalog_record(custodian_id);
`;

// Full-text search: the tokens come from the shared analyzer (src/domain/search/analyzer.ts), the
// same on both engines, so FTS5 only has to split them on spaces. Contentless tables: the text is
// rebuilt from the records, never read back; rowid = the record's id.
const searchIndex = `
CREATE VIRTUAL TABLE borehole_fts USING fts5(tokens, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE catalog_record_fts USING fts5(tokens, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
CREATE TRIGGER borehole_fts_delete AFTER DELETE ON borehole
BEGIN DELETE FROM borehole_fts WHERE rowid = old.id; END;
CREATE TRIGGER catalog_record_fts_delete AFTER DELETE ON catalog_record
BEGIN DELETE FROM catalog_record_fts WHERE rowid = old.id; END;
CREATE INDEX borehole_updated ON borehole(updated_at);
CREATE INDEX catalog_record_updated ON catalog_record(updated_at);
CREATE TABLE search_index_state (
  entity TEXT PRIMARY KEY,
  indexed_through TEXT NOT NULL
);
`;

/** Runs a table rebuild with foreign keys off (a no-op inside a transaction, so set before BEGIN). */
async function rebuild(db: Kysely<unknown>, script: string): Promise<void> {
  await sql.raw('PRAGMA foreign_keys = OFF').execute(db);
  try {
    await sql.raw('BEGIN IMMEDIATE').execute(db);
    try {
      await runScript(db, script);
      const broken = await sql.raw('PRAGMA foreign_key_check').execute(db);
      if (broken.rows.length) throw new Error(`foreign key check failed: ${JSON.stringify(broken.rows[0])}`);
      await sql.raw('COMMIT').execute(db);
    } catch (error) {
      await sql.raw('ROLLBACK').execute(db);
      throw error;
    }
  } finally {
    await sql.raw('PRAGMA foreign_keys = ON').execute(db);
  }
}

async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await sql.raw(statement).execute(db);
}

/** Splits on semicolons that end a statement, keeping trigger bodies (BEGIN … END;) whole. */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const line of script.split('\n')) {
    current += line + '\n';
    depth += (line.match(/\bBEGIN\b/g) ?? []).length - (line.match(/\bEND;/g) ?? []).length;
    if (depth === 0 && line.trimEnd().endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** How this engine writes the shared schemas' column types. */
const COLUMNS: IdColumns = { serial: 'INTEGER PRIMARY KEY', real: 'REAL' };

export const sqliteMigrations: MigrationList = [
  { name: '2026-11-26-catalog-foundation', up: (db) => runScript(db, catalogFoundation) },
  { name: '2026-11-26-named-unique-indexes', up: (db) => rebuild(db, namedUniqueIndexes) },
  { name: '2026-11-26-search-index', up: (db) => runScript(db, searchIndex) },
  {
    name: '2026-11-27-accounts-and-audit',
    up: (db) => runScript(db, accountsSchema(COLUMNS)),
  },
  {
    name: '2026-11-27-sharing-offers',
    up: (db) => runScript(db, offersSchema(COLUMNS)),
  },
  {
    name: '2026-11-27-sharing-requests',
    up: (db) => runScript(db, requestsSchema(COLUMNS)),
  },
  {
    name: '2026-11-28-agreements-and-returns',
    up: (db) => runScript(db, agreementsAndReturnsSchema(COLUMNS)),
  },
  { name: '2026-11-29-search-epoch', up: (db) => runScript(db, sqliteSearchEpoch()) },
  // The analyzer now indexes bigrams of ideographs (src/domain/search/analyzer.ts): every record is
  // indexed again by the next index run (startup runs one).
  {
    name: '2026-11-30-search-bigrams',
    up: (db) =>
      runScript(
        db,
        `DELETE FROM borehole_fts;
         DELETE FROM catalog_record_fts;
         DELETE FROM search_index_state;
         UPDATE search_epoch SET n = n + 1;`,
      ),
  },
];
