import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { eachEngine } from '../support/engines.js';

eachEngine('migrations', ({ engine, empty }) => {
  it('applies every migration on an empty store and is a no-op the second time', async () => {
    const store = await empty();
    const first = await store.migrate();
    expect(first.length).toBeGreaterThan(0);
    expect(await store.migrate()).toEqual([]);
    const count = await store.db
      .selectFrom('borehole')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('enforces depth interval checks in the schema itself', async () => {
    const store = await empty();
    await store.migrate();
    const now = new Date().toISOString();
    const { id } = await store.db
      .insertInto('borehole')
      .values({
        public_id: 'CSBTEST',
        dataset: 't',
        hole_id: 'ZK1',
        name: 'ZK1',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      store.db.insertInto('lithology').values({ borehole_id: id, depth_from: 10, depth_to: 5 }).execute(),
    ).rejects.toThrow();
    if (engine === 'postgres') {
      const r = await sql<{ v: string }>`select postgis_version() as v`.execute(store.db);
      expect(r.rows[0]?.v).toMatch(/\d/);
    }
  });
});
