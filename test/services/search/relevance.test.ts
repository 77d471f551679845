import { expect, it } from 'vitest';
import { eachEngine } from '../../support/engines.js';
import { seedBoreholes } from '../../support/factories.js';
import { searchBoreholes } from '../../../src/services/search/search.service.js';
import { searchColumns } from '../../../src/services/search/search-columns.js';
import type { Store } from '../../../src/store/store.js';

/** Hole ids in sort=relevance order, on the columns path and on the SQL path. */
async function ranked(store: Store, q: string): Promise<[string[], string[]]> {
  const cache = searchColumns(store);
  const run = async () =>
    (await searchBoreholes(store, { q, sort: 'relevance', limit: 2 })).items.map((i) => i.hole_id);
  const pages = async () => {
    // Two pages of two: the cursor carries the score.
    const first = await searchBoreholes(store, { q, sort: 'relevance', limit: 2 });
    const second = first.next_cursor
      ? await searchBoreholes(store, { q, sort: 'relevance', limit: 2, cursor: first.next_cursor })
      : { items: [] };
    return [...first.items, ...second.items].map((i) => i.hole_id);
  };
  try {
    cache.enabled = true;
    await cache.ready();
    expect(await run()).toEqual((await pages()).slice(0, 2));
    const columns = await pages();
    cache.enabled = false;
    return [columns, await pages()];
  } finally {
    cache.enabled = true;
  }
}

eachEngine('search relevance', ({ fresh }) => {
  it('ranks the word as typed above a synonym or a looser form, then keeps id order', async () => {
    const store = await fresh();
    await seedBoreholes(store, 4);
    const ids = await store.db.selectFrom('borehole').select(['id', 'hole_id']).orderBy('id').execute();
    // The index as if the records said these words: ZK0001 English only, ZK0002 Chinese only,
    // ZK0003 both, ZK0004 neither.
    await store.search.write(
      'borehole',
      ids.map((h, i) => ({ id: h.id, tokens: ['copper ore', '铜 矿', 'copper 铜', 'gold'][i]! })),
    );
    expect(await ranked(store, '铜')).toEqual([
      ['ZK0002', 'ZK0003', 'ZK0001'],
      ['ZK0002', 'ZK0003', 'ZK0001'],
    ]);
    expect(await ranked(store, 'copper')).toEqual([
      ['ZK0001', 'ZK0003', 'ZK0002'],
      ['ZK0001', 'ZK0003', 'ZK0002'],
    ]);
    // Two words: both as typed beats one as typed and one through a synonym.
    expect((await ranked(store, '铜 OR gold'))[0]).toEqual(['ZK0002', 'ZK0003', 'ZK0004', 'ZK0001']);
    // No words: id order.
    expect((await ranked(store, 'depth>0'))[0]).toEqual(['ZK0001', 'ZK0002', 'ZK0003', 'ZK0004']);
  });
});
