// The import use case's inputs and outputs: shared by the CLI today and an upload endpoint later.
import { AppError, type ProblemField } from '../errors.js';

export const IMPORT_KINDS = ['collars', 'surveys', 'intervals', 'samples', 'catalog', 'geojson'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  kind: ImportKind;
  path: string;
  /** Boreholes are keyed by (dataset, hole id); surveys, intervals and samples must name their collars' dataset. */
  dataset?: string;
  /** CRS of the coordinates (EPSG:nnnn or LOCAL); EPSG:4326 when absent. */
  crs?: string;
  /** Unit of depths, elevations and local coordinates; converted to metres. */
  units?: 'm' | 'ft';
  /** Explicit field → header mapping, winning over the aliases. */
  columns?: Record<string, string>;
  /** Worksheet of an .xlsx file; the first when absent. */
  sheet?: string;
  /** Validates everything and reports, writing nothing. */
  dryRun?: boolean;
  /** Imports the valid rows and writes the others to `rejectsPath`. */
  skipInvalid?: boolean;
  /** Where rejected rows go with --skip-invalid; `<input>.rejects.csv` when absent. */
  rejectsPath?: string;
  /** Custodian code assigned to every row (collars, catalog). */
  custodian?: string;
  /** Forces the text encoding instead of detecting it. */
  encoding?: 'utf8' | 'gb18030';
  /** Problems kept in the report (and, without --skip-invalid, read before giving up). */
  maxProblems?: number;
  /** Rows per write. */
  batchSize?: number;
  /**
   * Write as a large run (see BulkRunOptions: on the embedded store, on a writer thread while this
   * one reads on). By default for files of LARGE_FILE_BYTES and more.
   */
  large?: boolean;
}

/** From this size on a file is imported as a large run. */
export const LARGE_FILE_BYTES = 8 * 1024 * 1024;

export type ImportProblem = Required<Pick<ProblemField, 'file' | 'line' | 'field' | 'message'>>;

export interface ImportReport {
  kind: ImportKind;
  file: string;
  dataset: string;
  dryRun: boolean;
  /** Data rows read (header and blank lines excluded). */
  rowsRead: number;
  /** Rows written: inserted + updated, or rows replacing a hole's previous ones. */
  written: number;
  /** New rows, where the store can tell (collars); null otherwise. */
  inserted: number | null;
  /** Rows that existed and were updated, where the store can tell; null otherwise. */
  updated: number | null;
  /** Holes whose surveys or intervals were replaced. */
  holesReplaced: number | null;
  rejected: number;
  /** All problems found (the first `maxProblems` are listed). */
  problemCount: number;
  problems: ImportProblem[];
  rejectsFile: string | null;
  seconds: number;
  rowsPerSecond: number;
  /** Surveys: how dips were read. */
  dipConvention?: DipConvention;
  /** Field → header actually used; and headers not read. */
  columns: Record<string, string>;
  ignoredColumns: string[];
  encoding?: string;
  delimiter?: string;
  warnings: string[];
}

export interface DipConvention {
  /** positive-down: 90 is vertical down; negative-down: −90 is, and signs were flipped. */
  convention: 'positive-down' | 'negative-down';
  negative: number;
  positive: number;
  zero: number;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

/** The file is wrong: each problem names file, line and field; nothing was changed. */
export class ImportError extends AppError {
  declare readonly problems: ImportProblem[];
  constructor(
    message: string,
    problems: ImportProblem[],
    readonly report?: ImportReport,
  ) {
    super('invalid_import', 422, message, problems);
  }
}

/** The options are wrong (unknown CRS, unknown field in --columns …): nothing was read. */
export class ImportUsageError extends AppError {
  constructor(message: string) {
    super('invalid_option', 400, message);
  }
}
