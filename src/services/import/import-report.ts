// The import's report and failure messages.
import type { Crs } from '../../domain/coordinates.js';
import type { ColumnMapping } from './column-mapping.js';
import type { DipConvention, ImportOptions, ImportReport } from './import.types.js';
import type { ImportContext } from './importer-kit.js';
import type { ProblemLog } from './problem-log.js';
import type { RowSource } from './row-source.js';

/** What was checked and resolved before the file is read. */
export interface Settings {
  crs: Crs;
  crsAssumed: boolean;
  dataset: string;
  toMetres: number;
  maxProblems: number;
  batchSize: number;
  rejectsPath: string | null;
}

export function undecodable(encoding: string | undefined): string {
  return encoding === 'gb18030'
    ? 'bytes that are not valid GB18030 text'
    : `bytes that are not valid ${encoding === 'utf8' ? 'UTF-8' : encoding} text; if the file is GB18030/GBK, pass --encoding gb18030`;
}

export function failureMessage(file: string, problems: ProblemLog, max: number): string {
  const more = problems.full ? ` (stopped reading after the first ${max})` : '';
  return `${problems.count} problem${problems.count === 1 ? '' : 's'} in ${file}${more}; nothing was imported`;
}

export function reportOf(
  o: ImportOptions,
  s: Settings,
  ctx: ImportContext,
  map: ColumnMapping,
  source: RowSource,
  rowsRead: number,
  started: number,
  dips?: DipConvention,
): ImportReport {
  return timed(
    {
      kind: o.kind,
      file: o.path,
      dataset: s.dataset,
      dryRun: o.dryRun ?? false,
      rowsRead,
      ...ctx.stats,
      rejected: ctx.problems.rejected,
      problemCount: ctx.problems.count,
      problems: ctx.problems.problems,
      rejectsFile: s.rejectsPath,
      seconds: 0,
      rowsPerSecond: 0,
      dipConvention: dips,
      columns: Object.fromEntries(Object.entries(map.labels)),
      ignoredColumns: map.ignored,
      encoding: source.details.encoding,
      delimiter: source.details.delimiter,
      warnings: ctx.warnings,
    },
    started,
  );
}

/**
 * The report with its time set to now since `started`: set again once the transaction has
 * committed, so that the time includes the index builds and COMMIT after the last row.
 */
export function timed(report: ImportReport, started: number): ImportReport {
  const seconds = (performance.now() - started) / 1000;
  return {
    ...report,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(report.rowsRead / seconds) : report.rowsRead,
  };
}
