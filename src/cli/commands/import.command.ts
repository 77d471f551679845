// `coreshare import <kind> FILE`: calls the import service and reports; exit 0 done, 1 the file has
// problems (nothing changed), 2 wrong options.
import { Command, CommanderError, Option } from 'commander';
import { SUPPORTED_CRS } from '../../domain/coordinates.js';
import { depositFile } from '../../services/import/deposit.service.js';
import { importOnThread } from '../../services/import/import-thread.js';
import { catchUpSearchIndex } from './search.command.js';
import {
  IMPORT_KINDS,
  ImportUsageError,
  type ImportKind,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
} from '../../services/import/import.types.js';
import { cliCaller, configFrom, withStore } from '../context.js';
import { progress } from '../progress.js';

interface Flags {
  dataset: string;
  crs?: string;
  units: 'm' | 'ft';
  columns?: string;
  sheet?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  rejects?: string;
  custodian?: string;
  encoding?: 'utf8' | 'gb18030';
}

const SHOWN_PROBLEMS = 20;

function usage(message: string): never {
  process.stderr.write(`coreshare import: ${message}\n`);
  throw new CommanderError(2, 'coreshare.usage', message);
}

/** `hole_id=CollarID,name=HoleId` → { hole_id: 'CollarID', name: 'HoleId' }. */
export function parseColumns(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1)
      usage(`--columns wants field=Header pairs separated by commas, not ${JSON.stringify(part)}`);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

const n = (x: number) => x.toLocaleString('en-US');

function summary(r: ImportReport, engine: string): string {
  const lines = [
    `${r.dryRun ? 'checked (dry run, nothing written)' : 'imported'} ${r.kind} from ${r.file} into dataset ${JSON.stringify(r.dataset)} (${engine} store)`,
    `  rows read      ${n(r.rowsRead)}`,
    r.inserted !== null
      ? `  inserted       ${n(r.inserted)}, updated ${n(r.updated ?? 0)}`
      : `  written        ${n(r.written)}${r.holesReplaced !== null ? ` (replacing the rows of ${n(r.holesReplaced)} holes)` : ' (inserted or updated)'}`,
    `  rejected       ${n(r.rejected)}${r.rejectsFile ? ` → ${r.rejectsFile}` : ''}`,
  ];
  if (r.dipConvention) {
    const d = r.dipConvention;
    lines.push(
      `  dip convention ${d.convention} (${n(d.positive)} positive, ${n(d.negative)} negative, ${n(d.zero)} zero dips)`,
    );
  }
  lines.push(
    `  columns        ${Object.entries(r.columns)
      .map(([f, h]) => (f === h ? f : `${f}←${h}`))
      .join(', ')}`,
  );
  if (r.ignoredColumns.length) lines.push(`  not imported   ${r.ignoredColumns.join(', ')}`);
  if (r.encoding)
    lines.push(`  read as        ${r.encoding}${r.delimiter ? `, delimiter ${r.delimiter}` : ''}`);
  for (const w of r.warnings) lines.push(`  warning        ${w}`);
  lines.push(`  time           ${r.seconds.toFixed(2)} s, ${n(r.rowsPerSecond)} rows/s`);
  return lines.join('\n') + '\n';
}

function printProblems(problems: ImportReport['problems'], total: number): void {
  for (const p of problems.slice(0, SHOWN_PROBLEMS))
    process.stderr.write(`${p.file}:${p.line}: ${p.field}: ${p.message}\n`);
  if (total > SHOWN_PROBLEMS) process.stderr.write(`… and ${n(total - SHOWN_PROBLEMS)} more\n`);
}

function reporter(kind: string): { onProgress: (p: ImportProgress) => void; stop: () => void } {
  let latest: ImportProgress | undefined;
  const bar = progress(`import ${kind}`, {
    note: () => {
      const p = latest!;
      const pct = p.totalBytes ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 0;
      return `coreshare import: ${n(p.rowsRead)} rows read (${pct}%)`;
    },
  });
  let shown = 0;
  return {
    onProgress(p) {
      if (!latest) bar.total(p.totalBytes);
      latest = p;
      bar.tick(p.bytesRead - shown);
      shown = p.bytesRead;
    },
    stop: () => bar.stop(),
  };
}

export function importCommand(): Command {
  return new Command('import')
    .description('import drillhole tables (CSV/TSV/.xlsx) or GeoJSON boreholes; see docs/import.md')
    .addArgument(new Command().createArgument('<kind>', IMPORT_KINDS.join('|')).choices(IMPORT_KINDS))
    .argument('<file>', 'CSV/TSV (UTF-8, UTF-8 with BOM, GB18030), .xlsx, or GeoJSON FeatureCollection')
    .option(
      '--dataset <name>',
      'dataset the holes belong to; surveys, intervals and samples must use their collars’ dataset',
      'default',
    )
    .option(
      '--crs <crs>',
      `CRS of the coordinates: EPSG:nnnn or LOCAL (default EPSG:4326). Supported:\n${SUPPORTED_CRS.join('\n')}`,
    )
    .addOption(
      new Option('--units <unit>', 'unit of depths, elevations and local coordinates')
        .choices(['m', 'ft'])
        .default('m'),
    )
    .option('--columns <mapping>', 'explicit field=Header pairs, e.g. hole_id=CollarID,name=HoleId')
    .option('--sheet <name>', 'worksheet of an .xlsx file (default: the first)')
    .option('--dry-run', 'validate everything and report, writing nothing')
    .option('--skip-invalid', 'import the valid rows; write the others to --rejects')
    .option('--rejects <file>', 'rejected rows as CSV (default <file>.rejects.csv); needs --skip-invalid')
    .option('--custodian <code>', 'custodian code assigned to every row (collars, catalog)')
    .addOption(
      new Option('--encoding <encoding>', 'force the text encoding instead of detecting it').choices([
        'utf8',
        'gb18030',
      ]),
    )
    .action(async (kind: ImportKind, file: string, flags: Flags, cmd: Command) => {
      if (flags.rejects && !flags.skipInvalid) usage('--rejects needs --skip-invalid');
      const options: ImportOptions = {
        kind,
        path: file,
        dataset: flags.dataset,
        crs: flags.crs,
        units: flags.units,
        columns: flags.columns === undefined ? undefined : parseColumns(flags.columns),
        sheet: flags.sheet,
        dryRun: flags.dryRun,
        skipInvalid: flags.skipInvalid,
        rejectsPath: flags.rejects,
        custodian: flags.custodian,
        encoding: flags.encoding,
      };
      const config = configFrom(cmd);
      await withStore(config, async (store) => {
        process.stderr.write(
          `coreshare import: reading ${kind} from ${file} into dataset ${JSON.stringify(options.dataset)} (${store.engine} store)\n`,
        );
        const shown = reporter(kind);
        let report: ImportReport;
        try {
          // On a thread of its own, with a young generation sized for streaming rows (decision 0008).
          report = await depositFile(store, cliCaller(), options, shown.onProgress, (o, p) =>
            importOnThread(store, o, p),
          );
        } catch (error) {
          shown.stop();
          if (error instanceof ImportUsageError) usage(error.message);
          // An ImportError (an AppError) is printed with its problems by runCli, which exits 1.
          throw error;
        }
        shown.stop();
        if (report.problemCount) printProblems(report.problems, report.problemCount);
        if (!options.dryRun && report.written > 0) await catchUpSearchIndex(store);
        process.stdout.write(summary(report, store.engine));
      });
    });
}
