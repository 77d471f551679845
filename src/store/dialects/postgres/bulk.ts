import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import {
  BULK_TABLES,
  updatableColumns,
  type BoreholeRef,
  type BulkSession,
  type BulkTable,
  type BulkWriter,
} from '../../bulk.js';

const BATCH = 5000;

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

/** Column-wise arrays sent as one UNNEST statement per batch: one round trip per 5,000 rows. */
export function postgresBulkWriter(db: Kysely<Database>): BulkWriter {
  return {
    transaction: (work) =>
      db.transaction().execute(async (trx) => {
        const run = <R>(text: string, params: unknown[]) =>
          trx.executeQuery<R>(CompiledQuery.raw(text, params));
        const session: BulkSession = {
          upsert: async (table, rows) => {
            const statement = upsertSql(table);
            const columns = Object.keys(BULK_TABLES[table].columns);
            for (let start = 0; start < rows.length; start += BATCH) {
              const batch = rows.slice(start, start + BATCH) as ReadonlyArray<Record<string, unknown>>;
              await run(
                statement,
                columns.map((c) => batch.map((row) => row[c] ?? null)),
              );
            }
          },
          deleteForBoreholes: async (table, ids) => {
            if (ids.length) await run(`DELETE FROM ${table} WHERE borehole_id = ANY($1::int4[])`, [ids]);
          },
          findBoreholes: async (dataset, holeIds) => {
            const found = new Map<string, BoreholeRef>();
            const { rows } = await run<BoreholeRef & { hole_id: string }>(
              'SELECT id, hole_id, total_depth FROM borehole WHERE dataset = $1 AND hole_id = ANY($2::text[])',
              [dataset, holeIds],
            );
            for (const r of rows) found.set(r.hole_id, { id: r.id, total_depth: r.total_depth });
            return found;
          },
          findCodes: async (table, codes) => {
            codes = [...new Set(codes)];
            const { rows } = await run<{ id: number; code: string }>(
              `SELECT id, code FROM ${table} WHERE code = ANY($1::text[])`,
              [codes],
            );
            return new Map(rows.map((r) => [r.code, r.id]));
          },
        };
        return work(session);
      }),
  };
}
