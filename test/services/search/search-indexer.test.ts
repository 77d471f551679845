import { expect, it } from 'vitest';
import { eachEngine } from '../../support/engines.js';
import { seedBoreholes } from '../../support/factories.js';
import { queryGroups } from '../../../src/domain/search/analyzer.js';
import {
  updateSearchIndex,
  type IndexProgress,
} from '../../../src/services/search/search-indexer.service.js';
import type { Store } from '../../../src/store/store.js';

async function holesMatching(store: Store, text: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('borehole as b')
    .select('b.hole_id')
    .where(store.search.matches('borehole', 'b.id', queryGroups(text)))
    .orderBy('b.hole_id')
    .execute();
  return rows.map((r) => r.hole_id);
}

eachEngine('search indexer', ({ fresh }) => {
  it('indexes boreholes with their vocabulary in both languages, then only what changed', async () => {
    const store = await fresh();
    await seedBoreholes(store, 3);
    await store.db
      .updateTable('borehole')
      .set({
        name: '云南普朗铜矿 ZK0003',
        project: '普朗勘探',
        deposit_name: '云南普朗铜矿',
        commodities: '["Cu"]',
      })
      .where('hole_id', '=', 'ZK0003')
      .execute();
    const first = await updateSearchIndex(store);
    expect(first.find((r) => r.entity === 'borehole')?.docs).toBe(3);
    expect(await holesMatching(store, '甲玛铜多金属矿')).toEqual(['ZK0001', 'ZK0002']);
    expect(await holesMatching(store, '甲玛')).toEqual(['ZK0001', 'ZK0002']);
    expect(await holesMatching(store, 'zk0002')).toEqual(['ZK0002']);
    expect(await holesMatching(store, 'ZK000*')).toEqual(['ZK0001', 'ZK0002', 'ZK0003']);
    // Commodity codes are indexed with their names: copper = 铜 = Cu; molybdenum only on the first two.
    expect(await holesMatching(store, 'copper')).toEqual(['ZK0001', 'ZK0002', 'ZK0003']);
    expect(await holesMatching(store, '钼')).toEqual(['ZK0001', 'ZK0002']);
    expect(await holesMatching(store, '普朗 copper')).toEqual(['ZK0003']);
    expect(await holesMatching(store, '甲玛铅矿')).toEqual([]);
    // Nothing changed: nothing to do. One change: one record.
    expect((await updateSearchIndex(store)).find((r) => r.entity === 'borehole')?.docs).toBe(0);
    await store.db
      .updateTable('borehole')
      .set({
        name: '新疆阿舍勒铜矿 ZK0001',
        project: '阿舍勒勘探',
        deposit_name: '新疆阿舍勒铜矿',
        updated_at: '2999-01-01T00:00:00.000Z',
      })
      .where('hole_id', '=', 'ZK0001')
      .execute();
    expect((await updateSearchIndex(store)).find((r) => r.entity === 'borehole')?.docs).toBe(1);
    expect(await holesMatching(store, '阿舍勒')).toEqual(['ZK0001']);
    expect(await holesMatching(store, '甲玛')).toEqual(['ZK0002']);
    const rebuilt = await updateSearchIndex(store, { rebuild: true });
    expect(rebuilt.find((r) => r.entity === 'borehole')?.docs).toBe(3);
    expect(await holesMatching(store, '阿舍勒')).toEqual(['ZK0001']);
  });

  it('reports its progress against the number of records changed since the last run', async () => {
    const store = await fresh();
    await seedBoreholes(store, 3);
    const seen: IndexProgress[] = [];
    await updateSearchIndex(store, { onProgress: (p) => seen.push({ ...p }) });
    const boreholes = seen.filter((p) => p.entity === 'borehole');
    expect(boreholes[0]).toEqual({ entity: 'borehole', docs: 0, total: 3 });
    expect(boreholes.at(-1)).toEqual({ entity: 'borehole', docs: 3, total: 3 });
    await store.db
      .updateTable('borehole')
      .set({ updated_at: '2999-01-01T00:00:00.000Z' })
      .where('hole_id', '=', 'ZK0002')
      .execute();
    seen.length = 0;
    await updateSearchIndex(store, { onProgress: (p) => seen.push({ ...p }) });
    expect(seen.filter((p) => p.entity === 'borehole').at(-1)).toEqual({
      entity: 'borehole',
      docs: 1,
      total: 1,
    });
  });

  it('fails the run when a write fails, and the next run indexes what it left', async () => {
    const store = await fresh();
    await seedBoreholes(store, 3);
    const write = store.search.write;
    store.search.write = () => Promise.reject(new Error('disk full'));
    try {
      await expect(updateSearchIndex(store)).rejects.toThrow('disk full');
    } finally {
      store.search.write = write;
    }
    expect((await updateSearchIndex(store)).find((r) => r.entity === 'borehole')?.docs).toBe(3);
    expect(await holesMatching(store, 'zk0002')).toEqual(['ZK0002']);
  });
});
