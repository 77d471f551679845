import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { binaryEncoder, type BinaryEncoder } from './binary-copy.js';
import {
  appendColumns,
  BULK_TABLES,
  rowCodeCache,
  IdRanges,
  alignedRefs,
  oncePerKey,
  updatableColumns,
  type BoreholeRef,
  type BulkSession,
  type BulkTable,
  type BulkWriter,
  type LoadMode,
  type LoadTable,
} from '../../bulk.js';

/** Rows per UNNEST upsert statement. */
const UPSERT_BATCH = 5000;
/**
 * Rows per COPY: an import's flush of 5,000 rows and more goes as one, each COPY being a round
 * trip the next flush waits for.
 */
const COPY_BATCH = 20000;
/** Sort and join memory of the transaction's index builds and key checks after a load. */
const REBUILD_MEMORY = '256MB';

type Query = <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

/**
 * What a load into an empty table drops for the run and restores before COMMIT: its secondary
 * indexes (primary keys stay: other tables' foreign keys rest on them, and ids only grow) and its
 * foreign keys (checked by a trigger per row; added back, by one join). Indexes are restored first:
 * the key checks use them.
 */
export async function deferredDefinitions(query: Query, table: string) {
  const indexes = await query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  const keys = await query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = $1::regclass AND contype = 'f'`,
    [table],
  );
  return {
    drop: [
      ...indexes.rows.map((i) => `DROP INDEX ${i.name}`),
      ...keys.rows.map((k) => `ALTER TABLE ${table} DROP CONSTRAINT ${k.name}`),
    ],
    indexes: indexes.rows.map((i) => i.definition),
    keys: keys.rows.map((k) => `ALTER TABLE ${table} ADD CONSTRAINT ${k.name} ${k.definition}`),
  };
}

/**
 * Set before the restored indexes are built and keys checked: sorted and joined in memory, not in
 * temporary files (the defaults, 64 and 4 MB, are sized for many small sessions, not a million-row load).
 */
export const REBUILD_SETTINGS = [
  `SET LOCAL maintenance_work_mem = '${REBUILD_MEMORY}'`,
  `SET LOCAL work_mem = '${REBUILD_MEMORY}'`,
];

function upsertSql(table: BulkTable): string {
  const spec = BULK_TABLES[table];
  const entries = Object.entries(spec.columns);
  const columns = entries.map(([c]) => c);
  const updates = updatableColumns(spec);
  const action = updates.length
    ? `DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
    : 'DO NOTHING';
  const unnest = entries.map(([, kind], i) => `$${i + 1}::${kind}[]`).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest}) ON CONFLICT (${spec.conflict.join(', ')}) ${action}`;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => COPY_ESCAPES[c]!) : text;
}

// A line per row joined once: a string grown by + would be a tree of pieces to flatten later.
const copyFormatterFor = rowCodeCache<(rows: ReadonlyArray<object>) => string>(
  copyValue,
  (loads) =>
    `const lines = new Array(rows.length + 1); for (let i = 0; i < rows.length; i++) { const r = rows[i]; lines[i] = [${loads.map((l) => `helper(${l})`).join(', ')}].join('\\t'); } lines[rows.length] = ''; return lines.join('\\n');`,
);

/** Rows as COPY text: tab-separated values, one line per row. */
export function copyText(columns: readonly string[], rows: ReadonlyArray<object>): string {
  return copyFormatterFor(columns)(rows);
}

/**
 * One pooled connection per run, BEGIN … COMMIT. Upserts go as column-wise arrays in one UNNEST
 * statement per 5,000 rows; appends stream through COPY, in the binary format where every column's
 * type has an encoding (binary-copy.ts), else as text.
 */
export function postgresBulkWriter(pool: pg.Pool): BulkWriter {
  return {
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      // Statements go to the server one at a time in call order, whoever calls (two flushes of an
      // import may), and a caller need not wait for its own: appendCommodities does not, so the
      // server works on it while the import reads on. After a statement that nobody waited for
      // fails, every later one fails with its error (the transaction is aborted anyway).
      let queue: Promise<unknown> = Promise.resolve();
      let unwaitedFailure: unknown;
      const send = <T>(statement: () => Promise<T>, always = false): Promise<T> => {
        const result = queue.then(() => {
          if (unwaitedFailure !== undefined && !always) throw unwaitedFailure;
          return statement();
        });
        queue = result.catch(() => {});
        return result;
      };
      const run = <R extends pg.QueryResultRow>(text: string, params?: unknown[]) =>
        send(() => client.query<R>(text, params));
      const modes = new Map<LoadTable, LoadMode>();
      // Append mode: definitions of the indexes and foreign keys dropped for the run, restored
      // before COMMIT (indexes first: the key checks use them).
      const deferred: string[] = [];
      const deferredKeys: string[] = [];
      // Per table, the COPY binary encoder of its append columns (null: a type the text format must carry).
      const encoders = new Map<LoadTable, BinaryEncoder | null>();
      // Ids of append-mode tables: one nextval, the ids after it counted here (the table is held:
      // loadMode) and the sequence set past the last before COMMIT. A round trip per flush made each
      // batch wait for the server, and the import thread with it, a fifth of the collars' time.
      const appendIds = new IdRanges<'borehole' | 'catalog_record'>(async (table) => {
        const { rows } = await run<{ id: number }>(
          `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int4 AS id`,
          [table],
        );
        return rows[0]!.id;
      });
      const findBoreholes = async (dataset: string, holeIds: readonly string[]) => {
        const found = new Map<string, BoreholeRef>();
        const { rows } = await run<BoreholeRef & { hole_id: string }>(
          'SELECT id, hole_id, total_depth FROM borehole WHERE dataset = $1 AND hole_id = ANY($2::text[])',
          [dataset, holeIds],
        );
        for (const r of rows) found.set(r.hole_id, { id: r.id, total_depth: r.total_depth });
        return found;
      };
      const session: BulkSession = {
        upsert: async (table, rows) => {
          const statement = upsertSql(table);
          const columns = Object.keys(BULK_TABLES[table].columns);
          for (let start = 0; start < rows.length; start += UPSERT_BATCH) {
            const batch = rows.slice(start, start + UPSERT_BATCH) as ReadonlyArray<Record<string, unknown>>;
            await run(
              statement,
              columns.map((c) => batch.map((row) => row[c] ?? null)),
            );
          }
        },
        loadMode: oncePerKey(async (table) => {
          const empty = async () =>
            !(await run<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS found`)).rows[0]!
              .found;
          // An empty table is held from here to COMMIT: no other session writes it (or takes ids
          // from its sequence by inserting), which is what lets nextIds count ids itself.
          let mode: LoadMode = (await empty()) ? 'append' : 'merge';
          if (mode === 'append') await run(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
          if (mode === 'append' && !(await empty())) mode = 'merge';
          if (mode === 'append') {
            const definitions = await deferredDefinitions(run, table);
            for (const statement of definitions.drop) await run(statement);
            deferred.push(...definitions.indexes);
            deferredKeys.push(...definitions.keys);
          }
          modes.set(table, mode);
          return mode;
        }),
        nextIds: async (table, count) => {
          if (count === 0) return [];
          if (modes.get(table) === 'append') return appendIds.take(table, count);
          const { rows } = await run<{ id: number }>(
            `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int4 AS id FROM generate_series(1, $2::int4)`,
            [table, count],
          );
          return rows.map((r) => r.id);
        },
        append: async (table, rows) => {
          const columns = appendColumns(table);
          let encode = encoders.get(table);
          if (encode === undefined) {
            const types = await run<{ name: string; type: string }>(
              `SELECT a.attname AS name, t.typname AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
               WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
              [table],
            );
            encode = binaryEncoder(columns, new Map(types.rows.map((r) => [r.name, r.type]))) ?? null;
            encoders.set(table, encode);
          }
          const format = encode ? ' (FORMAT binary)' : '';
          for (let start = 0; start < rows.length; start += COPY_BATCH) {
            const batch = rows.slice(start, start + COPY_BATCH);
            const data = encode ? encode(batch) : copyText(columns, batch);
            await send(async () => {
              const stream = client.query(
                copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN${format}`),
              );
              stream.end(data);
              await once(stream, 'finish');
            });
          }
        },
        appendCommodities: async (from, to) => {
          // Not waited for: its failure is the error of the statements after it.
          send(() =>
            client
              .query(
                `INSERT INTO borehole_commodity (borehole_id, commodity)
                 SELECT b.id, c.value FROM borehole AS b CROSS JOIN LATERAL json_array_elements_text(b.commodities::json) AS c(value)
                 WHERE b.id BETWEEN $1 AND $2`,
                [from, to],
              )
              .catch((error: unknown) => {
                unwaitedFailure ??= error;
                throw error;
              }),
          ).catch(() => {});
        },
        deleteForBoreholes: async (table, ids) => {
          if (ids.length) await run(`DELETE FROM ${table} WHERE borehole_id = ANY($1::int4[])`, [ids]);
        },
        findBoreholes,
        holeRefs: async (dataset, holeIds) => alignedRefs(holeIds, await findBoreholes(dataset, holeIds)),
        findCodes: async (table, codes) => {
          codes = [...new Set(codes)];
          const { rows } = await run<{ id: number; code: string }>(
            `SELECT id, code FROM ${table} WHERE code = ANY($1::text[])`,
            [codes],
          );
          return new Map(rows.map((r) => [r.code, r.id]));
        },
      };
      try {
        await run('BEGIN');
        const result = await work(session);
        for (const [table, next] of await appendIds.ends())
          await run(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2::int4)`, [table, next - 1]);
        if (deferred.length || deferredKeys.length)
          for (const setting of REBUILD_SETTINGS) await run(setting);
        for (const definition of [...deferred, ...deferredKeys]) await run(definition);
        // Fresh statistics for the loaded tables: the planner would otherwise see them as empty.
        for (const [table, mode] of modes) if (mode === 'append') await run(`ANALYZE ${table}`);
        await run('COMMIT');
        return result;
      } catch (error) {
        // Statements not waited for may be running yet: the ROLLBACK goes after them.
        await send(() => client.query('ROLLBACK'), true).catch((e: Error) => (broken = e));
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
