// A cheap value that changes when another connection or process commits, so caches built from the
// store (the map's cluster index) know when to rebuild without a query over the whole table.
import { sql } from 'kysely';
import type { Store } from './store.js';

export async function changeToken(store: Store): Promise<string> {
  if (store.sqlite) {
    // data_version moves on commits by other connections; total_changes on our own.
    const version = store.sqlite.pragma('data_version', { simple: true }) as number;
    const own = (store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    return `${version}:${own}`;
  }
  const result = await sql<{ token: string }>`
    SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::text || ':' || coalesce(max(n_live_tup), 0)::text AS token
    FROM pg_stat_user_tables WHERE relname = 'borehole'`.execute(store.db);
  return result.rows[0]?.token ?? '';
}
