import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { eachEngine } from '../support/engines.js';
import { seedBoreholes } from '../support/factories.js';
import type { TextMatch } from '../../src/store/search.js';

eachEngine('full-text index', ({ fresh }) => {
  it('matches groups of phrases, prefixes and CJK runs the same way on both engines', async () => {
    const store = await fresh();
    await seedBoreholes(store, 4);
    const ids = (await store.db.selectFrom('borehole').select('id').orderBy('id').execute()).map((r) => r.id);
    await store.search.write('borehole', [
      { id: ids[0]!, tokens: '西 藏 甲 玛 铜 多 金 属 矿 西藏 甲玛 多金属 zk1616 zk 1616 copper' },
      { id: ids[1]!, tokens: '云 南 普 朗 铜 矿 云南 普朗 zk0801 copper porphyri' },
      { id: ids[2]!, tokens: "granit core o'brien" },
    ]);
    const find = async (match: TextMatch) =>
      (
        await store.db
          .selectFrom('borehole as b')
          .select('b.id')
          .where(store.search.matches('borehole', 'b.id', match))
          .orderBy('b.id')
          .execute()
      ).map((r) => ids.indexOf(r.id));
    expect(await find([[{ tokens: ['甲玛'] }]])).toEqual([0]);
    expect(await find([[{ tokens: ['甲', '玛'] }]])).toEqual([0]);
    expect(await find([[{ tokens: ['玛', '甲'] }]])).toEqual([]);
    expect(await find([[{ tokens: ['铜'] }], [{ tokens: ['copper'] }]])).toEqual([0, 1]);
    expect(await find([[{ tokens: ['普朗'] }, { tokens: ['甲玛'] }]])).toEqual([0, 1]);
    expect(await find([[{ tokens: ['zk16'], prefix: true }]])).toEqual([0]);
    expect(await find([[{ tokens: ['zk'], prefix: true }]])).toEqual([0, 1]);
    expect(await find([[{ tokens: ['铜'] }], [{ tokens: ['granit'] }]])).toEqual([]);
    // Quotes and backslashes in a token cannot break out of the engines' query syntax.
    expect(await find([[{ tokens: ["o'brien"] }]])).toEqual([2]);
    expect(await find([[{ tokens: ['"x" OR 1'] }]])).toEqual([]);
    expect(await find([])).toEqual([]);
    // Re-writing replaces; deleting the record removes its entry.
    await store.search.write('borehole', [{ id: ids[0]!, tokens: '新 疆 新疆' }]);
    expect(await find([[{ tokens: ['甲玛'] }]])).toEqual([]);
    expect(await find([[{ tokens: ['新疆'] }]])).toEqual([0]);
    await store.db.deleteFrom('lithology').execute();
    await store.db.deleteFrom('borehole').where('id', '=', ids[0]!).execute();
    expect(await find([[{ tokens: ['新疆'] }]])).toEqual([]);
    expect(await store.search.size('borehole')).toBeGreaterThan(0);
    await store.search.clear('borehole');
    expect(await find([[{ tokens: ['普朗'] }]])).toEqual([]);
    expect(await sql`SELECT 1`.execute(store.db)).toBeTruthy();
  });

  it('answers the same after settling its index, and keeps taking writes', async () => {
    const store = await fresh();
    await seedBoreholes(store, 3);
    const ids = (await store.db.selectFrom('borehole').select('id').orderBy('id').execute()).map((r) => r.id);
    // Three writes: three segments on FTS5, for settle() to merge.
    for (const [i, tokens] of ['甲玛 铜', '普朗 铜', '华山 钨'].entries())
      await store.search.write('borehole', [{ id: ids[i]!, tokens }]);
    const all = async () =>
      Promise.all(
        ['铜', '华山', '甲玛', '钨'].map(async (t) => [
          ...(await store.search.matchingIds('borehole', [[{ tokens: [t] }]])),
        ]),
      );
    const before = await all();
    expect(before).toEqual([[ids[0], ids[1]], [ids[2]], [ids[0]], [ids[2]]]);
    await store.search.settle('borehole');
    expect(await all()).toEqual(before);
    await store.search.write('borehole', [{ id: ids[0]!, tokens: '华山' }]);
    expect([...(await store.search.matchingIds('borehole', [[{ tokens: ['华山'] }]]))]).toEqual([
      ids[0],
      ids[2],
    ]);
  });

  it('holds back merging in a large run, for settle or the next run to put back', async () => {
    const store = await fresh();
    await seedBoreholes(store, 3);
    const ids = (await store.db.selectFrom('borehole').select('id').orderBy('id').execute()).map((r) => r.id);
    // FTS5 keeps its options in a table of its own; PostgreSQL holds nothing back.
    const merging = async () =>
      store.target.engine === 'sqlite'
        ? Object.fromEntries(
            (
              await sql<{
                k: string;
                v: number;
              }>`SELECT k, v FROM borehole_fts_config WHERE k IN ('automerge', 'crisismerge')`.execute(
                store.db,
              )
            ).rows.map((r) => [r.k, r.v]),
          )
        : 'none';
    const normal = store.target.engine === 'sqlite' ? { automerge: 4, crisismerge: 16 } : 'none';
    const heldBack = store.target.engine === 'sqlite' ? { automerge: 0, crisismerge: 200 } : 'none';
    await store.search.startRun('borehole', true);
    expect(await merging()).toEqual(heldBack);
    for (const [i, tokens] of ['甲玛 铜', '普朗 铜', '华山 钨'].entries())
      await store.search.write('borehole', [{ id: ids[i]!, tokens }]);
    const copper = async () => [...(await store.search.matchingIds('borehole', [[{ tokens: ['铜'] }]]))];
    expect(await copper()).toEqual([ids[0], ids[1]]);
    await store.search.settle('borehole');
    expect(await merging()).toEqual(normal);
    expect(await copper()).toEqual([ids[0], ids[1]]);
    // A large run that stopped before settling: the next run, not large, puts merging back.
    await store.search.startRun('borehole', true);
    await store.search.startRun('borehole', false);
    expect(await merging()).toEqual(normal);
  });
});
