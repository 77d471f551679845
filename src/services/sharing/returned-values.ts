// An assay table returned for a request, read (CSV or .xlsx) and parsed into depth-registered values
// tied to the samples cut for that request, or to depth ranges inside the core it shared; every
// problem is named by file, line and field, and one problem stores nothing.
import type { Store } from '../../store/store.js';
import type { RequestRow } from '../../store/repositories/request.repository.js';
import { parseReturnedTable, type TableRow } from '../../domain/sharing/returned-table.js';
import { InvalidInputError } from '../errors.js';
import { openTextSource } from '../import/text-source.js';
import { openXlsxSource } from '../import/xlsx-source.js';

async function rowsOf(path: string, type: string): Promise<{ headers: string[]; rows: TableRow[] }> {
  const source = type.includes('spreadsheetml') ? await openXlsxSource(path) : await openTextSource(path);
  const rows: TableRow[] = [];
  for await (const batch of source.batches())
    for (const r of batch) rows.push({ line: r.line, values: r.values });
  return { headers: source.headers, rows };
}

/** The parsed values of an assay table, each tied to a sample cut for this request or to a depth range in it. */
export async function assayValues(store: Store, r: RequestRow, path: string, type: string, fileName: string) {
  const { headers, rows } = await rowsOf(path, type);
  const { values, problems } = parseReturnedTable(headers, rows);
  const samples = new Map(
    (
      await store.db
        .selectFrom('sample')
        .select(['id', 'sample_no', 'depth_from', 'depth_to'])
        .where('taken_for', '=', r.public_id)
        .execute()
    ).map((s) => [s.sample_no, s]),
  );
  const hole = await store.db
    .selectFrom('borehole')
    .select('total_depth')
    .where('id', '=', r.borehole_id)
    .executeTakeFirstOrThrow();
  const low = r.depth_from ?? 0;
  const high = r.depth_to ?? hole.total_depth ?? Number.MAX_SAFE_INTEGER;
  const out = [];
  for (const v of values) {
    const sample = v.sample_no ? samples.get(v.sample_no) : undefined;
    if (v.sample_no && !sample && (v.depth_from === null || v.depth_to === null)) {
      problems.push({
        line: v.line,
        field: 'sample_no',
        message: `sample ${v.sample_no} was not cut for request ${r.public_id}`,
        message_zh: `样品 ${v.sample_no} 不属于申请 ${r.public_id}`,
      });
      continue;
    }
    const from = v.depth_from ?? sample!.depth_from;
    const to = v.depth_to ?? sample!.depth_to;
    if (from < low - 1e-9 || to > high + 1e-9) {
      problems.push({
        line: v.line,
        field: 'depth',
        message: `${from}–${to} m lies outside the core shared (${low}–${high} m)`,
        message_zh: `${from}–${to} 米超出共享岩芯范围（${low}–${high} 米）`,
      });
      continue;
    }
    out.push({ ...v, depth_from: from, depth_to: to, sample_id: sample?.id ?? null });
  }
  if (problems.length) {
    const unique = problems
      .filter((p, i) => problems.findIndex((q) => q.line === p.line && q.field === p.field) === i)
      .slice(0, 100);
    throw new InvalidInputError(
      `${fileName}: ${unique.length} problem(s), nothing was stored; first: line ${unique[0]!.line}, ${unique[0]!.field}: ${unique[0]!.message}`,
      unique.map((p) => ({
        file: fileName,
        line: p.line,
        field: p.field,
        message: p.message,
        message_zh: p.message_zh,
      })),
    );
  }
  return out;
}
