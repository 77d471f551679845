// A file import on a thread of its own whose young generation is sized for streaming rows (decision
// 0008). Reading, decoding and checking a million rows makes short-lived strings and objects at a
// rate that V8's default 16 MiB semi-space turns into a scavenge every few thousand rows, each
// copying the batch still waiting to be written; with 64 MiB semi-spaces the checking took a fifth
// (collars) to a third (catalog) less time. V8 takes that size only when a heap is created, so the
// import gets a new one: a worker with its own store connection, answering with the report or the
// error as the call would.
import type { Store } from '../../store/store.js';
import { startWorker } from '../../thread-entry.js';
import {
  ImportError,
  ImportUsageError,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
} from './import.types.js';
import { importFile } from './import.service.js';

/** Young generation of the import thread (three semi-spaces of 64 MiB). */
export const IMPORT_YOUNG_GENERATION_MB = 192;

/** What crosses from the thread: progress, then the report or the error. */
export type ImportThreadMessage =
  { progress: ImportProgress } | { report: ImportReport } | { error: ThreadError };

export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  problems?: ImportError['problems'];
  report?: ImportReport;
}

/** An error as it can cross threads (structured clone keeps neither class nor extra fields). */
export function threadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error instanceof ImportError ? { problems: error.problems } : {}),
    ...(error instanceof ImportError && error.report ? { report: error.report } : {}),
  };
}

function rebuilt(e: ThreadError): Error {
  if (e.name === 'ImportError') return new ImportError(e.message, e.problems ?? [], e.report);
  if (e.name === 'ImportUsageError') return new ImportUsageError(e.message);
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  if (e.code !== undefined) Object.assign(error, { code: e.code });
  return error;
}

/**
 * importFile on an import thread with its own connection to the store; same answers, same errors.
 * A store in memory cannot be opened twice: it is imported into in this thread.
 */
export function importOnThread(
  store: Store,
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  if (store.target.engine === 'sqlite' && store.target.file === ':memory:')
    return importFile(store, options, onProgress);
  const worker = startWorker(import.meta.url, 'import-thread.worker', {
    workerData: { target: store.target, options },
    resourceLimits: { maxYoungGenerationSizeMb: IMPORT_YOUNG_GENERATION_MB },
  });
  return new Promise<ImportReport>((resolve, reject) => {
    let answered = false;
    worker.on('message', (message: ImportThreadMessage) => {
      if ('progress' in message) return onProgress?.(message.progress);
      answered = true;
      if ('report' in message) resolve(message.report);
      else reject(rebuilt(message.error));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the import thread stopped without an answer (exit code ${code})`));
    });
  });
}
