// `coreshare search reindex`: brings the full-text index up to date (everything with --rebuild).
// Imports and `demo` run the same catch-up after they commit, so this is for repairs and upgrades.
import { Command } from 'commander';
import { updateSearchIndex } from '../../services/search/search-indexer.service.js';
import type { Store } from '../../store/store.js';
import { configFrom, withStore } from '../context.js';

/** Indexes what changed, printing one summary line to stderr. */
export async function catchUpSearchIndex(store: Store, rebuild = false): Promise<void> {
  const reports = await updateSearchIndex(store, { rebuild });
  const docs = reports.map((r) => `${r.docs.toLocaleString('en-US')} ${r.entity.replace('_', ' ')}s`);
  const seconds = reports.reduce((s, r) => s + r.seconds, 0);
  process.stderr.write(`search index: ${docs.join(', ')} indexed in ${seconds.toFixed(1)} s\n`);
}

export function searchCommand(): Command {
  const search = new Command('search').description('the full-text search index');
  search
    .command('reindex')
    .description('index the boreholes and catalog records changed since the last run')
    .option('--rebuild', 'drop the index and index every record again')
    .action(async (flags: { rebuild?: boolean }, cmd: Command) => {
      await withStore(configFrom(cmd), (store) => catchUpSearchIndex(store, flags.rebuild === true));
    });
  return search;
}
