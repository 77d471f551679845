// The import use case: one file of one kind, read as a stream, validated row by row, written in
// batches through store.bulk inside one transaction: all or nothing, unless --skip-invalid.
import { stat } from 'node:fs/promises';
import { isUniqueViolation, type BulkSession, type BulkWriter } from '../../store/bulk.js';
import { CrsError, parseCrs, type Crs } from '../../domain/coordinates.js';
import { fieldsOf } from '../../domain/header-aliases.js';
import { CatalogImporter } from './catalog.importer.js';
import { CollarImporter } from './collar.importer.js';
import { cellValue } from './field-values.js';
import { openGeoJsonSource } from './geojson-source.js';
import { columnMapping, dipColumn, recordKind, type ColumnMapping } from './column-mapping.js';
import {
  IMPORT_KINDS,
  ImportError,
  ImportUsageError,
  LARGE_FILE_BYTES,
  type DipConvention,
  type ImportKind,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
} from './import.types.js';
import type { ImportContext, KindImporter } from './importer-kit.js';
import { IntervalImporter } from './interval.importer.js';
import { ProblemLog, type RawRow } from './problem-log.js';
import { isBlank, sourceFormat, SourceError, type RowSource } from './row-source.js';
import { SampleImporter } from './sample.importer.js';
import { failureMessage, reportOf, timed, undecodable, type Settings } from './import-report.js';
import { detectDipConvention, SurveyImporter } from './survey.importer.js';
import { openTextSource } from './text-source.js';
import { openXlsxSource } from './xlsx-source.js';

const FEET = 0.3048;
/** The table each kind's unique key (hole_id, record_no) is stored in, where a unique index holds it. */
const KEYED_TABLE: Partial<Record<ImportKind, 'borehole' | 'catalog_record'>> = {
  collars: 'borehole',
  geojson: 'borehole',
  catalog: 'catalog_record',
};
/** Rows checked between two turns of the event loop. */
const YIELD_EVERY = 256;

/**
 * Waits for every flush in flight, then throws the first failure: a flush left running could send
 * statements after the ROLLBACK, outside the transaction.
 */
async function allFlushed(flushes: ReadonlyArray<Promise<void>>): Promise<void> {
  const failed = (await Promise.allSettled(flushes)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Checks the options alone (before the file is opened); a bad option is a usage error. */
function settings(o: ImportOptions): Settings {
  if (!IMPORT_KINDS.includes(o.kind))
    throw new ImportUsageError(
      `unknown kind ${JSON.stringify(o.kind)}; use one of ${IMPORT_KINDS.join(', ')}`,
    );
  if (o.units !== undefined && o.units !== 'm' && o.units !== 'ft')
    throw new ImportUsageError(`--units must be m or ft, not ${JSON.stringify(o.units)}`);
  if (o.encoding !== undefined && o.encoding !== 'utf8' && o.encoding !== 'gb18030') {
    throw new ImportUsageError(`--encoding must be utf8 or gb18030, not ${JSON.stringify(o.encoding)}`);
  }
  const dataset = (o.dataset ?? 'default').trim();
  if (!dataset) throw new ImportUsageError('--dataset must not be empty');
  let crs: Crs;
  try {
    crs = parseCrs(o.crs ?? 'EPSG:4326');
  } catch (error) {
    if (error instanceof CrsError) throw new ImportUsageError(`--crs: ${error.message}`);
    throw error;
  }
  return {
    crs,
    crsAssumed: o.crs === undefined,
    dataset,
    toMetres: o.units === 'ft' ? FEET : 1,
    maxProblems: o.maxProblems ?? 100,
    batchSize: o.batchSize ?? 5000,
    rejectsPath: o.skipInvalid ? (o.rejectsPath ?? `${o.path}.rejects.csv`) : null,
  };
}

async function openSource(o: ImportOptions): Promise<RowSource> {
  try {
    await stat(o.path);
  } catch {
    throw new ImportError(`cannot open ${o.path}`, [
      { file: o.path, line: 0, field: '(file)', message: 'the file does not exist or cannot be read' },
    ]);
  }
  try {
    const format = sourceFormat(o.kind, o.path);
    if (format === 'geojson') return await openGeoJsonSource(o.path);
    if (format === 'xlsx') return await openXlsxSource(o.path, o.sheet);
    return await openTextSource(o.path, o.encoding);
  } catch (error) {
    throw asImportError(o.path, error);
  }
}

function asImportError(file: string, error: unknown): unknown {
  if (!(error instanceof SourceError)) return error;
  return new ImportError(`${file}:${error.line}: ${error.message}; nothing was imported`, [
    { file, line: error.line, field: error.field, message: error.message },
  ]);
}

async function* dipCells(o: ImportOptions, column: number): AsyncGenerator<string | null> {
  const source = await openSource(o);
  for await (const batch of source.batches()) for (const row of batch) yield cellValue(row.values[column]);
}

function importerFor(
  kind: ImportOptions['kind'],
  ctx: ImportContext,
  map: ColumnMapping,
  dips?: DipConvention,
): KindImporter {
  switch (kind) {
    case 'collars':
    case 'geojson':
      return new CollarImporter(ctx, map.labels);
    case 'surveys':
      return new SurveyImporter(ctx, map.labels, dips!);
    case 'intervals':
      return new IntervalImporter(ctx, map.labels);
    case 'samples':
      return new SampleImporter(ctx, map.labels);
    case 'catalog':
      return new CatalogImporter(ctx, map.labels);
  }
}

class DryRunDone extends Error {}

/** Imports one file; throws ImportError (nothing changed) when it has problems and --skip-invalid is off. */
export async function importFile(
  store: { readonly bulk: BulkWriter },
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const started = performance.now();
  const s = settings(options);
  const file = options.path;
  const source = await openSource(options);
  const collectionCrs = (source.details as { crs?: string }).crs;
  if (options.kind === 'geojson' && options.crs === undefined && collectionCrs !== undefined) {
    try {
      s.crs = parseCrs(collectionCrs);
    } catch (error) {
      throw new ImportError(
        `${file}: the FeatureCollection's crs ${collectionCrs} is not supported; nothing was imported`,
        [{ file, line: 1, field: 'crs', message: (error as Error).message.split('\n')[0]! }],
      );
    }
  }
  let map = columnMapping(options, source.headers);
  const dips =
    options.kind === 'surveys' ? await detectDipConvention(dipCells(options, dipColumn(map))) : undefined;
  const problems = new ProblemLog(file, s.maxProblems, options.skipInvalid ?? false, s.rejectsPath);
  problems.start(source.headers);
  const ctx: ImportContext = {
    file,
    dataset: s.dataset,
    toMetres: s.toMetres,
    crs: s.crs,
    crsAssumed: s.crsAssumed,
    custodian: options.custodian ?? null,
    problems,
    writing: () => !options.dryRun && (options.skipInvalid === true || problems.count === 0),
    checkKeys: true,
    now: new Date().toISOString(),
    stats: { written: 0, inserted: null, updated: null, holesReplaced: null },
    warnings: s.crs.approximate
      ? [
          `${s.crs.code} (${s.crs.name}) is converted without a datum shift: positions are good to about 150 m`,
        ]
      : [],
  };
  const cells: Array<string | null> = new Array<string | null>(
    fieldsOf(recordKind(options.kind)).length,
  ).fill(null);
  let rowsRead = 0;

  const processRow = (importer: KindImporter, row: RawRow) => {
    rowsRead++;
    if (row.issue) return problems.reject(row, [row.issue]);
    const width = source.headers.length;
    if (
      source.fixedWidth &&
      row.values.length !== width &&
      (row.values.length < width || !isBlank(row.values.slice(width)))
    ) {
      return problems.reject(row, [
        { field: '(row)', message: `the row has ${row.values.length} values but the header has ${width}` },
      ]);
    }
    const decoded = row.decoded === true;
    for (let i = 0; i < cells.length; i++) {
      let column = map.slots[i]!;
      if (map.fallbacks[i]! >= 0 && (column < 0 || row.values[column] == null)) column = map.fallbacks[i]!;
      const raw = column < 0 ? null : row.values[column];
      if (!decoded && raw && raw.indexOf('\uFFFD') !== -1) {
        return problems.reject(row, [
          { field: source.headers[column]!, message: undecodable(source.details.encoding) },
        ]);
      }
      cells[i] = cellValue(raw);
    }
    importer.accept(cells, row);
  };

  const work = async (session: BulkSession) => {
    if (
      options.custodian !== undefined &&
      !(await session.findCodes('custodian', [options.custodian])).has(options.custodian)
    ) {
      throw new ImportError(`--custodian ${options.custodian} does not exist; nothing was imported`, [
        {
          file,
          line: 0,
          field: '--custodian',
          message: `custodian code ${JSON.stringify(options.custodian)} does not exist`,
        },
      ]);
    }
    // A first load into an empty table leaves repeated keys to the table's unique index, built once
    // at COMMIT, instead of remembering every key of the file (a tenth of the work per row); a run
    // that fails is read again as a dry run, with the keys checked, for the problems and their lines.
    const keyed = KEYED_TABLE[options.kind];
    if (keyed && !options.dryRun && !options.skipInvalid)
      ctx.checkKeys = (await session.loadMode(keyed)) !== 'append';
    const importer = importerFor(options.kind, ctx, map, dips);
    // Flushes in flight while the next chunk is parsed, so that the store works while Node reads: one,
    // or two where a flush's look-ups may go ahead of the previous flush's writes (the catalog: a
    // flush waiting for its predecessor to finish kept the import thread and the store each idle a
    // third of a large file's run).
    const inflight: Array<Promise<void>> = [];
    const depth = importer.overlappingFlushes ? 2 : 1;
    try {
      for await (const batch of source.batches()) {
        if (source.headers.length !== map.width) map = columnMapping(options, source.headers);
        for (const row of batch) {
          processRow(importer, row);
          if (problems.full) break;
          // A chunk holds thousands of rows: answers from the store (a writer thread, PostgreSQL)
          // are taken between every few hundred, so the store is never kept waiting for long.
          if (rowsRead % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        if (importer.pending() >= s.batchSize) {
          if (inflight.length === depth) await inflight.shift();
          const flushed = importer.flush(session, false);
          flushed.catch(() => {});
          inflight.push(flushed);
          // A turn of the event loop before the next chunk is parsed (synchronously, tens of
          // milliseconds): the flush goes on up to its first real wait on the store, its writes
          // posted, instead of after that parse with the store idle.
          await new Promise((resolve) => setImmediate(resolve));
        }
        onProgress?.({ rowsRead, bytesRead: source.bytesRead(), totalBytes: source.totalBytes });
        if (problems.full) break;
      }
    } catch (error) {
      await Promise.allSettled(inflight);
      if (!(error instanceof SourceError)) throw error;
      // The file cannot be read on: report it with the problems found so far.
      problems.fatal(error.line, error.field, error.message);
      throw new ImportError(
        `${file}:${error.line}: ${error.message}; nothing was imported`,
        problems.problems,
      );
    }
    await allFlushed(inflight);
    if (!problems.full) await importer.flush(session, true);
    if (rowsRead === 0) {
      throw new ImportError(`${file} has a header but no data rows; nothing was imported`, [
        { file, line: 1, field: '(file)', message: 'the file has a header line but no data rows' },
      ]);
    }
    const report = reportOf(options, s, ctx, map, source, rowsRead, started, dips);
    if (problems.count && !options.skipInvalid)
      throw new ImportError(failureMessage(file, problems, s.maxProblems), problems.problems, report);
    if (options.dryRun) throw new DryRunDone();
    return report;
  };

  try {
    const report = await store.bulk.transaction(work, {
      large: options.large ?? source.totalBytes >= LARGE_FILE_BYTES,
    });
    return timed(report, started);
  } catch (error) {
    if (error instanceof DryRunDone) return reportOf(options, s, ctx, map, source, rowsRead, started, dips);
    if (!ctx.checkKeys && (error instanceof ImportError || isUniqueViolation(error))) {
      // The dry run throws the complete list of problems (its report is of this run, which was no
      // dry run); if it finds none, the store's own error stands.
      await importFile(store, { ...options, dryRun: true }).catch((recheck: unknown) => {
        if (!(recheck instanceof ImportError) || !recheck.report) throw recheck;
        throw new ImportError(recheck.message, recheck.problems, { ...recheck.report, dryRun: false });
      });
    }
    throw error;
  } finally {
    problems.close();
  }
}
