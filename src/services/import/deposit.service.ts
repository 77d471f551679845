// A deposit (汇交) is an import someone made: the file's SHA-256, what it held and what changed go
// into the audit log, so every record can be traced to the file it came from. Bulk loads commit on
// their own connection, so the entry follows the commit; a refused file is logged as failed.
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Store } from '../../store/store.js';
import { recordAuditAlone, type Caller } from '../audit.service.js';
import { AppError } from '../errors.js';
import { importFile } from './import.service.js';
import type { ImportOptions, ImportProgress, ImportReport } from './import.types.js';

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** How the file is imported: in this thread by default, or on an import thread (importOnThread). */
export type ImportRunner = (
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
) => Promise<ImportReport>;

/** Imports the file and records the deposit (not for dry runs, which change nothing). */
export async function depositFile(
  store: Store,
  caller: Caller,
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
  run: ImportRunner = (o, p) => importFile(store, o, p),
): Promise<ImportReport> {
  const file = basename(options.path);
  let report: ImportReport;
  try {
    report = await run(options, onProgress);
  } catch (error) {
    if (!options.dryRun && error instanceof AppError)
      await recordAuditAlone(store, caller, {
        action: `deposit.${options.kind}`,
        outcome: 'failed',
        subject_type: 'file',
        subject_id: file,
        detail: {
          sha256: await fileSha256(options.path),
          problems: error.problems.length,
          message: error.message.slice(0, 300),
        },
      });
    throw error;
  }
  if (!options.dryRun)
    await recordAuditAlone(store, caller, {
      action: `deposit.${options.kind}`,
      subject_type: 'file',
      subject_id: file,
      detail: {
        sha256: await fileSha256(options.path),
        dataset: report.dataset,
        rows_read: report.rowsRead,
        written: report.written,
        inserted: report.inserted,
        updated: report.updated,
        rejected: report.rejected,
      },
    });
  return report;
}
