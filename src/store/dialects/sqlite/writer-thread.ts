// The writer thread of a large embedded bulk run: a worker with its own connection to the store
// file runs the bulk core (src/store/dialects/sqlite/bulk.ts) while the caller's thread goes on
// reading and checking rows. Calls are posted in order and answered in order; rows travel as flat
// value lists, which structured clone copies about five times faster than row objects.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../../thread-entry.js';
import type { CoreCalls, SqliteBulkCore } from './bulk.js';

export type CoreOp = keyof SqliteBulkCore;

/**
 * Young generation of the writer thread, as the import thread's (decision 0008): every batch it
 * receives is garbage once bound, and with V8's default (a few MiB a semi-space) the thread spent a
 * tenth of a national collar file in scavenges. 1,050,000 collars 16.4–16.9 → 15.8 s; 128 MiB gave
 * 16.4 s; peak RSS about 100 MiB more.
 */
const WRITER_YOUNG_GENERATION_MB = 192;
/** Writes posted and not yet done before the caller waits: a few batches of rows. */
const WRITES_AHEAD = 4;
/** The core's operations, and closing the thread's connection. */
export type ThreadOp = CoreOp | 'close';
export interface CoreCall {
  id: number;
  op: ThreadOp;
  args: unknown[];
}
export type CoreAnswer =
  { id: number; value: unknown } | { id: number; error: { name: string; message: string; code?: string } };

function remoteError(e: { name: string; message: string; code?: string }): Error {
  const error = new Error(e.message);
  error.name = e.name;
  if (e.code !== undefined) Object.assign(error, { code: e.code });
  return error;
}

export class WriterThread {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  /** A write failed: the transaction can only be rolled back. */
  private failed: Error | undefined;
  /** The thread is gone. */
  private dead: Error | undefined;
  private writesAhead = 0;
  private readonly wakers: Array<() => void> = [];
  readonly calls: CoreCalls;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (answer: CoreAnswer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiter.reject(remoteError(answer.error));
      else waiter.resolve(answer.value);
    });
    const fail = (error: Error) => {
      this.dead ??= error;
      for (const waiter of this.waiting.values()) waiter.reject(this.dead);
      this.waiting.clear();
      for (const wake of this.wakers.splice(0)) wake();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the bulk writer thread stopped (exit code ${code})`)));
    const call =
      (op: CoreOp) =>
      (...args: unknown[]) =>
        this.call(op, args);
    const write =
      (op: CoreOp) =>
      (...args: unknown[]) =>
        this.write(op, args);
    this.calls = {
      begin: call('begin'),
      commit: call('commit'),
      rollback: call('rollback'),
      loadMode: call('loadMode'),
      nextIds: call('nextIds'),
      append: write('append'),
      appendCommodities: write('appendCommodities'),
      upsert: write('upsert'),
      deleteForBoreholes: write('deleteForBoreholes'),
      holeRefs: call('holeRefs'),
      findCodes: call('findCodes'),
    } as CoreCalls;
  }

  /** Starts a worker on `file`; resolves once its connection is open. */
  static async start(file: string): Promise<WriterThread> {
    const worker = startWorker(import.meta.url, 'writer-thread.worker', {
      workerData: { file },
      resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB },
    });
    const thread = new WriterThread(worker);
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`the bulk writer thread did not start (exit code ${code})`)),
      );
    });
    return thread;
  }

  private call(op: ThreadOp, args: unknown[]): Promise<unknown> {
    if (this.dead) return Promise.reject(this.dead);
    // After a failed write only the way out is open: the rollback, then closing.
    if (this.failed && op !== 'rollback' && op !== 'close') return Promise.reject(this.failed);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args } satisfies CoreCall);
    });
  }

  /**
   * A write is posted without waiting for it: the caller reads on while the thread inserts. A
   * failed write fails every later call (the thread refuses them too, up to the rollback); only
   * when WRITES_AHEAD writes wait does the caller wait, so memory stays bounded.
   */
  private write(op: CoreOp, args: unknown[]): Promise<void> {
    const error = this.failed ?? this.dead;
    if (error) return Promise.reject(error);
    this.writesAhead++;
    this.call(op, args).then(
      () => this.written(),
      (error: Error) => {
        this.failed ??= error;
        this.written();
      },
    );
    if (this.writesAhead <= WRITES_AHEAD) return Promise.resolve();
    return new Promise<void>((resolve) => this.wakers.push(resolve)).then(() => {
      const error = this.failed ?? this.dead;
      if (error) throw error;
    });
  }

  private written(): void {
    this.writesAhead--;
    if (this.writesAhead <= WRITES_AHEAD || this.failed || this.dead)
      for (const wake of this.wakers.splice(0)) wake();
  }

  /** Closes the worker's connection and ends the thread. */
  async stop(): Promise<void> {
    if (!this.dead) await this.call('close', []).catch(() => undefined);
    await this.worker.terminate();
  }
}
