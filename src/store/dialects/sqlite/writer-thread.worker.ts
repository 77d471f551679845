// Entry of the bulk writer thread (see writer-thread.ts): opens its own connection to the store
// file, says so with a first message, then answers each call in order.
import { parentPort, workerData } from 'node:worker_threads';
import { sqliteBulkCore } from './bulk.js';
import { openSqliteConnection } from './connection.js';
import type { CoreAnswer, CoreCall } from './writer-thread.js';

const port = parentPort!;
const raw = openSqliteConnection((workerData as { file: string }).file);
const core = sqliteBulkCore(raw);
port.postMessage({ id: 0, value: 'open' } satisfies CoreAnswer);

// Writes are not waited for by the caller: after one fails, every call but a rollback fails alike.
let broken: Extract<CoreAnswer, { error: unknown }>['error'] | undefined;

port.on('message', ({ id, op, args }: CoreCall) => {
  if (op === 'close') {
    raw.close();
    port.postMessage({ id, value: null } satisfies CoreAnswer);
    port.close();
    return;
  }
  if (op === 'rollback') broken = undefined;
  if (broken) return port.postMessage({ id, error: broken } satisfies CoreAnswer);
  try {
    const value = (core[op] as (...a: unknown[]) => unknown)(...args);
    port.postMessage({ id, value: value ?? null } satisfies CoreAnswer);
  } catch (e) {
    const error = e as Error & { code?: unknown };
    broken = {
      name: error.name,
      message: error.message,
      ...(typeof error.code === 'string' ? { code: error.code } : {}),
    };
    port.postMessage({ id, error: broken } satisfies CoreAnswer);
  }
});
