// Starting a worker on a module of our own, from the built .js files or from the TypeScript source.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker running the module `name` (without extension) beside `moduleUrl`: the built .js file,
 * or, from source (tests, benches), the .ts file loaded through tsx's API, because a worker does
 * not inherit the tsx loader.
 */
export function startWorker(moduleUrl: string, name: string, options: WorkerOptions): Worker {
  const ext = extname(fileURLToPath(moduleUrl));
  const url = new URL(`./${name}${ext}`, moduleUrl);
  if (ext === '.js') return new Worker(url, options);
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(moduleUrl)}))`;
  return new Worker(code, { ...options, eval: true });
}
