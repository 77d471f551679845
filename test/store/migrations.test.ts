import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { eachEngine } from '../support/engines.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { sqliteMigrations } from '../../src/store/dialects/sqlite/migrations.js';
import { postgresMigrations } from '../../src/store/dialects/postgres/migrations.js';
import { seedBoreholes } from '../support/factories.js';
import { queryGroups } from '../../src/domain/search/analyzer.js';
import { updateSearchIndex } from '../../src/services/search/search-indexer.service.js';

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

  it('orders identifiers byte by byte on both engines', async () => {
    const store = await empty();
    await store.migrate();
    const now = new Date().toISOString();
    const holes = ['zk-2', 'ZK10', 'ZK-1', 'ZK1', 'zk1', '钻孔1', 'ZK 1'];
    await store.db
      .insertInto('borehole')
      .values(
        holes.map((h, i) => ({
          public_id: `CSBTEST${i}`,
          dataset: 't',
          hole_id: h,
          name: h,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const ordered = await store.db.selectFrom('borehole').select('hole_id').orderBy('hole_id').execute();
    const bytes = [...holes].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(ordered.map((r) => r.hole_id)).toEqual(bytes);
    if (engine === 'postgres') {
      // The test cluster's locale (C.UTF-8) sorts like bytes anyway; a deployment's need not.
      const collations = await sql<{ column: string; collation: string }>`
        SELECT a.attrelid::regclass || '.' || a.attname AS column, c.collname AS collation
        FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation
        WHERE a.attrelid IN ('borehole'::regclass, 'catalog_record'::regclass)
          AND a.attname IN ('public_id', 'hole_id', 'dataset', 'record_no', 'updated_at')`.execute(store.db);
      expect(collations.rows.map((r) => r.collation)).toEqual(Array(collations.rows.length).fill('C'));
      expect(collations.rows.length).toBe(7);
    }
  });

  it('upgrades a store holding data to named unique indexes, keeping rows, ids, links and positions', async () => {
    const store = await empty();
    const list = engine === 'sqlite' ? sqliteMigrations : postgresMigrations;
    await migrateToLatest(store.db as never, list.slice(0, 1));
    await seedBoreholes(store, 30);
    const before = await store.db.selectFrom('borehole').selectAll().orderBy('id').execute();
    const applied = await store.migrate();
    expect(applied).toEqual(list.slice(1).map((m) => m.name));
    const after = await store.db.selectFrom('borehole').selectAll().orderBy('id').execute();
    const plain = (rows: typeof before) => rows.map((r) => ({ ...r, geom: undefined }));
    // Later migrations add columns (offered_modes, default 0); every column there before is kept.
    expect(plain(after)).toEqual(plain(before).map((r) => ({ ...r, offered_modes: 0 })));
    // The unique keys hold as indexes now.
    const first = before[0]!;
    await expect(
      store.db
        .insertInto('borehole')
        .values({ ...first, id: undefined, geom: undefined } as never)
        .execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
    const names =
      engine === 'sqlite'
        ? sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'borehole_%' OR name LIKE 'catalog_record_%'`
        : sql<{
            name: string;
          }>`SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('borehole', 'catalog_record')`;
    const indexes = (await names.execute(store.db)).rows.map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'borehole_public_id',
        'borehole_dataset_hole',
        'catalog_record_public_id',
        'catalog_record_record_no',
      ]),
    );
    if (engine === 'sqlite') {
      // Spatial index triggers were recreated with the table.
      await store.db
        .updateTable('borehole')
        .set({ lon: 100.5, lat: 30.5 })
        .where('id', '=', first.id)
        .execute();
      const hit = await sql<{
        id: number;
      }>`SELECT id FROM borehole_rtree WHERE min_lon = 100.5 AND min_lat = 30.5`.execute(store.db);
      expect(hit.rows.map((r) => r.id)).toEqual([first.id]);
      const fk = await sql`PRAGMA foreign_keys`.execute(store.db);
      expect(fk.rows[0]).toEqual({ foreign_keys: 1 });
    }
  });

  it('empties an index made by the earlier analyzer, and the next index run makes it again', async () => {
    const store = await empty();
    const list = engine === 'sqlite' ? sqliteMigrations : postgresMigrations;
    const last = list.findIndex((m) => m.name === '2026-11-30-search-bigrams');
    await migrateToLatest(store.db as never, list.slice(0, last));
    await seedBoreholes(store, 3);
    await updateSearchIndex(store);
    const epoch = async () =>
      Number((await store.db.selectFrom('search_epoch').select('n').executeTakeFirstOrThrow()).n);
    const before = await epoch();
    expect(await store.migrate()).toEqual(list.slice(last).map((m) => m.name));
    const found = () => store.search.matchingIds('borehole', queryGroups('甲玛'));
    expect((await found()).length).toBe(0);
    expect(await store.db.selectFrom('search_index_state').selectAll().execute()).toEqual([]);
    expect(await epoch()).toBeGreaterThan(before);
    const [boreholes] = await updateSearchIndex(store);
    expect(boreholes!.docs).toBe(3);
    expect((await found()).length).toBe(3);
  });
});
