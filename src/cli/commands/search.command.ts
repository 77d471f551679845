// `coreshare search reindex`: brings the full-text index up to date (everything with --rebuild).
// Imports and `demo` run the same catch-up after they commit, so this is for repairs and upgrades.
import { Command } from 'commander';
import {
  updateSearchIndex,
  type IndexProgress,
  type IndexReport,
} from '../../services/search/search-indexer.service.js';
import type { Store } from '../../store/store.js';
import { configFrom, withStore } from '../context.js';
import { progress, type Progress } from '../progress.js';

const ENTITY_NAMES: Record<IndexProgress['entity'], string> = {
  borehole: 'boreholes',
  catalog_record: 'catalog records',
};
const n = (x: number) => x.toLocaleString('en-US');

/**
 * Indexes what changed: a bar per kind of record on a terminal (a national load's million records
 * take a minute or two to segment), a line now and then off one, and one summary line to stderr.
 */
export async function catchUpSearchIndex(store: Store, rebuild = false): Promise<void> {
  let bar: Progress | undefined;
  let latest: IndexProgress | undefined;
  let shown = 0;
  let reports: IndexReport[];
  try {
    reports = await updateSearchIndex(store, {
      rebuild,
      onProgress: (p) => {
        if (p.entity !== latest?.entity) {
          bar?.stop();
          const name = ENTITY_NAMES[p.entity];
          bar = progress(`search index ${name}`, {
            note: () => `coreshare: search index: ${n(latest!.docs)} of ${n(latest!.total)} ${name}`,
          });
          bar.total(p.total);
          shown = 0;
        }
        latest = p;
        bar!.tick(p.docs - shown);
        shown = p.docs;
      },
    });
  } finally {
    bar?.stop();
  }
  const docs = reports.map((r) => `${n(r.docs)} ${ENTITY_NAMES[r.entity]}`);
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
