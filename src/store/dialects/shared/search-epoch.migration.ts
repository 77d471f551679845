// A counter that moves, in the writing transaction, whenever something the in-memory search columns
// read changes (src/services/search/search-columns.ts): a cache checks one row instead of the tables,
// and sees a change exactly when the change becomes visible. Frozen with the migration that made it.

/** Tables whose rows the search columns read, and the borehole columns among them. */
const TABLES = [
  'borehole_commodity',
  'custodian',
  'catalog_record',
  'lithology',
  'sample',
  'core_box',
  'survey',
] as const;
/**
 * PostgreSQL's word index tables: cached word matches go stale with them. (SQLite's FTS5 tables take
 * no triggers; its SearchIndex bumps the counter itself.)
 */
const WORD_INDEX_TABLES = ['borehole_search', 'catalog_record_search'] as const;
const BOREHOLE_COLUMNS = [
  'hole_id',
  'lon',
  'lat',
  'total_depth',
  'collar_elev',
  'drill_start',
  'province_code',
  'deposit_type',
  'core_class',
  'custodian_id',
  'funding_source',
  'ownership_dispute',
  'confidentiality',
  'offered_modes',
] as const;

const TABLE = `
CREATE TABLE search_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL);
INSERT INTO search_epoch (id, n) VALUES (1, 0);
`;

/** SQLite: row triggers (it has no statement triggers); bulk loads drop them and bump once. */
export function sqliteSearchEpoch(): string {
  const bump = 'BEGIN UPDATE search_epoch SET n = n + 1; END;';
  const triggers = [
    `CREATE TRIGGER search_epoch_borehole_insert AFTER INSERT ON borehole ${bump}`,
    `CREATE TRIGGER search_epoch_borehole_update AFTER UPDATE OF ${BOREHOLE_COLUMNS.join(', ')} ON borehole ${bump}`,
    `CREATE TRIGGER search_epoch_borehole_delete AFTER DELETE ON borehole ${bump}`,
    ...TABLES.flatMap((t) =>
      ['insert', 'update', 'delete'].map(
        (e) => `CREATE TRIGGER search_epoch_${t}_${e} AFTER ${e.toUpperCase()} ON ${t} ${bump}`,
      ),
    ),
  ];
  return `${TABLE}\n${triggers.join('\n')}\n`;
}

/** PostgreSQL: one statement trigger per table, so a COPY of a million rows bumps once. */
const RUN = 'FOR EACH STATEMENT EXECUTE FUNCTION search_epoch_bump()';

/** The borehole table's epoch trigger on PostgreSQL (it names columns: altering them means re-creating it). */
export function postgresBoreholeEpochTrigger(): string {
  return `CREATE TRIGGER search_epoch_bump AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF ${BOREHOLE_COLUMNS.join(', ')} ON borehole ${RUN};`;
}

export function postgresSearchEpoch(): string {
  return `${TABLE}
CREATE FUNCTION search_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_epoch SET n = n + 1;
  RETURN NULL;
END $$;
${postgresBoreholeEpochTrigger()}
${[...TABLES, ...WORD_INDEX_TABLES].map((t) => `CREATE TRIGGER search_epoch_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t} ${RUN};`).join('\n')}
`;
}
