// What `serve` does before listening: bring the schema up to date and, on an empty store, load the
// demo national dataset so a fresh install shows a working catalog.
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import { isStoreEmpty, loadDemo } from './demo/demo.service.js';
import { updateSearchIndex } from './search/search-indexer.service.js';

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
  if (config.demoBoreholes > 0 && (await isStoreEmpty(store))) {
    log.info(
      { boreholes: config.demoBoreholes },
      'empty store: loading the demo national dataset (first run only)',
    );
    let reported = 0;
    const report = await loadDemo(store, { boreholes: config.demoBoreholes }, ({ done, total }) => {
      if (done - reported >= total / 10 || done === total) {
        reported = done;
        log.info({ done, total }, 'demo dataset loading');
      }
    });
    log.info({ ...report }, 'demo dataset loaded');
  }
  // Catch the full-text index up with whatever changed while the server was down.
  const indexed = await updateSearchIndex(store);
  if (indexed.some((r) => r.docs > 0)) log.info({ indexed }, 'search index updated');
}
