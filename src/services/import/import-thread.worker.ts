// Entry of the import thread (see import-thread.ts): its own store connection, one import, one answer.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore, type StoreTarget } from '../../store/store.js';
import { importFile } from './import.service.js';
import type { ImportOptions } from './import.types.js';
import { threadError, type ImportThreadMessage } from './import-thread.js';

const { target, options } = workerData as { target: StoreTarget; options: ImportOptions };
const port = parentPort!;
const send = (message: ImportThreadMessage) => port.postMessage(message);
const store = openStore(target);
try {
  send({ report: await importFile(store, options, (progress) => send({ progress })) });
} catch (error) {
  send({ error: threadError(error) });
} finally {
  await store.close();
}
