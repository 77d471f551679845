import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { eachEngine } from '../support/engines.js';
import type { BulkRow, BulkWriter } from '../../src/store/bulk.js';
import type { Store } from '../../src/store/store.js';

const now = '2026-11-26T00:00:00.000Z';
function hole(holeId: string, depth: number): BulkRow<'borehole'> {
  return {
    public_id: `CSB-${holeId}`,
    dataset: 'd',
    hole_id: holeId,
    name: holeId,
    project: null,
    deposit_name: null,
    province_code: '540000',
    county: null,
    lon: 91.1,
    lat: 29.6,
    src_crs: 'EPSG:4326',
    src_x: 91.1,
    src_y: 29.6,
    collar_elev: 4000,
    total_depth: depth,
    drill_start: null,
    drill_end: null,
    purpose: null,
    commodities: '["Cu"]',
    deposit_type: null,
    tectonic_unit: null,
    metallogenic_belt: null,
    core_class: 'I',
    custodian_id: null,
    depositor_id: null,
    funding_source: 'central_fiscal',
    ownership_dispute: 0,
    confidentiality: 'public',
    core_length: null,
    recovery: null,
    created_at: now,
    updated_at: now,
  };
}

function record(recordNo: string): BulkRow<'catalog_record'> {
  return {
    public_id: `CSC-${recordNo}`,
    record_no: recordNo,
    title_zh: `岩芯 ${recordNo}`,
    title_en: null,
    material_type: 'core',
    borehole_id: null,
    custodian_id: null,
    province_code: '540000',
    quantity: 1,
    unit: 'box',
    year: 2020,
    description: null,
    created_at: now,
    updated_at: now,
  };
}

// Every case twice: an ordinary run, and a large run (on SQLite: on the writer thread).
for (const large of [false, true])
  eachEngine(`bulk writer${large ? ', large run' : ''}`, ({ engine, fresh }) => {
    const bulk = (store: Store): BulkWriter => ({
      transaction: (work) => store.bulk.transaction(work, { large }),
    });

    it('keeps the spatial index in step with bulk inserts, updates and rollbacks', async () => {
      const store = await fresh();
      const inBox = async () => {
        const q =
          engine === 'sqlite'
            ? sql<{
                n: number;
              }>`SELECT count(*) AS n FROM borehole_rtree WHERE min_lon >= 91 AND max_lon <= 92 AND min_lat >= 29 AND max_lat <= 30`
            : sql<{
                n: number;
              }>`SELECT count(*) AS n FROM borehole WHERE geom && ST_MakeEnvelope(91, 29, 92, 30, 4326)`;
        return Number((await q.execute(store.db)).rows[0]?.n);
      };
      await bulk(store).transaction((s) => s.upsert('borehole', [hole('A', 1), hole('B', 1)]));
      expect(await inBox()).toBe(2);
      await bulk(store).transaction((s) =>
        s.upsert('borehole', [{ ...hole('A', 1), lon: 100 }, hole('C', 1)]),
      );
      expect(await inBox()).toBe(2);
      await expect(
        bulk(store).transaction(async (s) => {
          await s.upsert('borehole', [hole('D', 1)]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await inBox()).toBe(2);
      // The trigger is back after both the commit and the rollback: a plain insert is indexed.
      await store.db
        .insertInto('borehole')
        .values({
          public_id: 'CSB-E',
          dataset: 'd',
          hole_id: 'E',
          name: 'E',
          lon: 91.5,
          lat: 29.5,
          created_at: now,
          updated_at: now,
        })
        .execute();
      expect(await inBox()).toBe(3);
    });

    it('upserts on the natural key and keeps the first public id', async () => {
      const store = await fresh();
      await bulk(store).transaction((s) => s.upsert('borehole', [hole('ZK1', 100), hole('ZK2', 200)]));
      await bulk(store).transaction((s) =>
        s.upsert('borehole', [{ ...hole('ZK1', 150), public_id: 'CSB-other' }]),
      );
      const rows = await store.db
        .selectFrom('borehole')
        .select(['hole_id', 'total_depth', 'public_id'])
        .orderBy('hole_id')
        .execute();
      expect(rows).toEqual([
        { hole_id: 'ZK1', total_depth: 150, public_id: 'CSB-ZK1' },
        { hole_id: 'ZK2', total_depth: 200, public_id: 'CSB-ZK2' },
      ]);
      const found = await bulk(store).transaction((s) => s.findBoreholes('d', ['ZK1', 'nope']));
      expect([...found.keys()]).toEqual(['ZK1']);
      expect(found.get('ZK1')?.total_depth).toBe(150);
    });

    it('finds holes whose ids look like numbers or carry quotes, backslashes and ideographs', async () => {
      const store = await fresh();
      const ids = ['007', '1e3', 'ZK "1"', 'ZK\\2', '钻孔-3 ', 'null', '[1]'];
      await bulk(store).transaction((s) =>
        s.upsert(
          'borehole',
          ids.map((id, i) => ({ ...hole(id, i + 1), public_id: `CSB-${i}` })),
        ),
      );
      const found = await bulk(store).transaction((s) =>
        s.findBoreholes('d', [...ids, '7', '1000', 'zk "1"']),
      );
      expect([...found.keys()].sort()).toEqual([...ids].sort());
      expect(found.get('钻孔-3 ')?.total_depth).toBe(5);
      expect((await bulk(store).transaction((s) => s.findBoreholes('d', []))).size).toBe(0);
      expect((await bulk(store).transaction((s) => s.findBoreholes('other', ids))).size).toBe(0);
    });

    it('answers hole look-ups by position: repeats each time, missing holes as 0, unknown depths as NaN', async () => {
      const store = await fresh();
      await bulk(store).transaction((s) =>
        s.upsert('borehole', [
          hole('ZK1', 120.5),
          { ...hole('ZK2', 0), public_id: 'CSB-2', total_depth: null },
        ]),
      );
      const { ids, depths, byId } = await bulk(store).transaction(async (s) => {
        const refs = await s.holeRefs('d', ['ZK2', 'nope', 'ZK1', 'ZK2', '']);
        const byId = await s.findBoreholes('d', ['ZK1', 'ZK2']);
        return { ...refs, byId };
      });
      const id1 = byId.get('ZK1')!.id;
      const id2 = byId.get('ZK2')!.id;
      expect([...ids]).toEqual([id2, 0, id1, id2, 0]);
      expect([...depths]).toEqual([NaN, NaN, 120.5, NaN, NaN]);
      expect(byId.get('ZK2')!.total_depth).toBeNull();
      const none = await bulk(store).transaction((s) => s.holeRefs('d', []));
      expect([none.ids.length, none.depths.length]).toEqual([0, 0]);
    });

    it('rolls back everything when the work throws half-way', async () => {
      const store = await fresh();
      await expect(
        bulk(store).transaction(async (s) => {
          await s.upsert('borehole', [hole('A', 10)]);
          throw new Error('bad row on line 3');
        }),
      ).rejects.toThrow('line 3');
      const n = await store.db
        .selectFrom('borehole')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    });

    it("replaces a hole's intervals", async () => {
      const store = await fresh();
      await bulk(store).transaction(async (s) => {
        await s.upsert('borehole', [hole('ZK1', 100)]);
        const id = (await s.findBoreholes('d', ['ZK1'])).get('ZK1')!.id;
        await s.upsert('survey', [
          { borehole_id: id, depth: 0, azimuth: 10, dip: 80 },
          { borehole_id: id, depth: 50, azimuth: 12, dip: 78 },
        ]);
        await s.deleteForBoreholes('survey', [id]);
        await s.upsert('survey', [{ borehole_id: id, depth: 0, azimuth: 11, dip: 81 }]);
      });
      const surveys = await store.db.selectFrom('survey').selectAll().execute();
      expect(surveys).toHaveLength(1);
      expect(surveys[0]).toMatchObject({ depth: 0, azimuth: 11, dip: 81 });
    });

    const indexNames = async (store: Awaited<ReturnType<typeof fresh>>) => {
      const q =
        engine === 'sqlite'
          ? sql<{
              name: string;
            }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('borehole', 'borehole_commodity') AND sql IS NOT NULL`
          : sql<{
              name: string;
            }>`SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('borehole', 'borehole_commodity')`;
      return (await q.execute(store.db)).rows.map((r) => r.name).sort();
    };

    it('appends into an empty table with its indexes built at commit, then merges', async () => {
      const store = await fresh();
      const indexes = await indexNames(store);
      expect(indexes).toEqual(expect.arrayContaining(['borehole_dataset_hole', 'borehole_public_id']));
      // Text COPY must carry tabs, newlines, backslashes and \N literally.
      const awkward = 'tab\there\nnew line \\N back\\slash\r';
      const modes = await bulk(store).transaction(async (s) => {
        const mode = await s.loadMode('borehole');
        expect(await s.loadMode('borehole')).toBe(mode);
        const commodityMode = await s.loadMode('borehole_commodity');
        const ids = await s.nextIds('borehole', 3);
        expect(new Set(ids).size).toBe(3);
        await s.append(
          'borehole',
          ['A', 'B', 'C'].map((h, i) => ({
            ...hole(h, 100),
            id: ids[i]!,
            project: h === 'B' ? awkward : null,
          })),
        );
        const more = await s.nextIds('borehole', 2);
        expect(more[0]).toBeGreaterThan(Math.max(...ids));
        // E has no position: it stays out of the spatial index.
        await s.append('borehole', [
          { ...hole('D', 100), id: more[0]! },
          { ...hole('E', 100), id: more[1]!, lon: null, lat: null },
        ]);
        await s.append('borehole_commodity', [
          { borehole_id: ids[0]!, commodity: 'Cu' },
          { borehole_id: ids[0]!, commodity: 'Au' },
        ]);
        return [mode, commodityMode];
      });
      expect(modes).toEqual(['append', 'append']);
      expect(await indexNames(store)).toEqual(indexes);
      const rows = await store.db
        .selectFrom('borehole')
        .select(['hole_id', 'project'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.hole_id)).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(rows[1]!.project).toBe(awkward);
      // The spatial index covers the appended holes (on SQLite a tree packed in one pass, which
      // SQLite's own check accepts).
      if (engine === 'sqlite') {
        expect((await sql`SELECT rtreecheck('borehole_rtree') AS c`.execute(store.db)).rows).toEqual([
          { c: 'ok' },
        ]);
        const all = await sql<{ n: number }>`SELECT count(*) AS n FROM borehole_rtree`.execute(store.db);
        expect(all.rows[0]!.n).toBe(4);
      }
      const spatial =
        engine === 'sqlite'
          ? sql<{
              n: number;
            }>`SELECT count(*) AS n FROM borehole_rtree WHERE max_lon >= 91 AND min_lon <= 92 AND max_lat >= 29 AND min_lat <= 30`
          : sql<{
              n: number;
            }>`SELECT count(*) AS n FROM borehole WHERE geom && ST_MakeEnvelope(91, 29, 92, 30, 4326)`;
      expect(Number((await spatial.execute(store.db)).rows[0]!.n)).toBe(4);
      // The rebuilt unique index holds, and the next run merges.
      await expect(
        bulk(store).transaction((s) => s.upsert('borehole', [hole('A', 120)])),
      ).resolves.toBeUndefined();
      await expect(
        store.db
          .insertInto('borehole')
          .values({ ...hole('A', 1), public_id: 'CSB-new' } as never)
          .execute(),
      ).rejects.toThrow(/unique|UNIQUE/);
      expect(await bulk(store).transaction((s) => s.loadMode('borehole'))).toBe('merge');
    });

    it("derives appended holes' commodity rows from their commodity lists, within the ids given", async () => {
      const store = await fresh();
      await bulk(store).transaction(async (s) => {
        await s.loadMode('borehole');
        const ids = await s.nextIds('borehole', 4);
        const lists = ['["Cu","Au"]', '[]', '["稀土","Mo"]', '["W"]'];
        await s.append(
          'borehole',
          ['A', 'B', 'C', 'D'].map((h, i) => ({ ...hole(h, 100), id: ids[i]!, commodities: lists[i]! })),
        );
        expect(await s.loadMode('borehole_commodity')).toBe('append');
        // D is left out of the range.
        await s.appendCommodities(ids[0]!, ids[2]!);
      });
      const rows = await store.db
        .selectFrom('borehole_commodity as bc')
        .innerJoin('borehole as b', 'b.id', 'bc.borehole_id')
        .select(['b.hole_id', 'bc.commodity'])
        .orderBy('b.hole_id')
        .orderBy('bc.commodity')
        .execute();
      expect(rows.map((r) => `${r.hole_id}:${r.commodity}`)).toEqual(['A:Au', 'A:Cu', 'C:Mo', 'C:稀土']);
      // A list that repeats a code fails the whole run, with the store's message.
      const again = await fresh();
      await expect(
        bulk(again).transaction(async (s) => {
          await s.loadMode('borehole');
          const [id] = await s.nextIds('borehole', 1);
          await s.append('borehole', [{ ...hole('A', 100), id: id!, commodities: '["Cu","Cu"]' }]);
          await s.loadMode('borehole_commodity');
          await s.appendCommodities(id!, id!);
          // Sent ahead without waiting (PostgreSQL, the writer thread): the next call fails with its error.
          const [next] = await s.nextIds('borehole', 1);
          await s.append('borehole', [{ ...hole('B', 100), id: next! }]);
        }),
      ).rejects.toThrow(/unique|UNIQUE|duplicate/i);
      expect(await again.db.selectFrom('borehole').selectAll().execute()).toEqual([]);
    });

    it('continues the ids after those an append run handed out', async () => {
      const store = await fresh();
      const handed = await bulk(store).transaction(async (s) => {
        expect(await s.loadMode('borehole')).toBe('append');
        const ids = [...(await s.nextIds('borehole', 3)), ...(await s.nextIds('borehole', 2))];
        await s.append(
          'borehole',
          ids.map((id, i) => ({ ...hole(`H${i}`, 10), id })),
        );
        return ids;
      });
      expect(new Set(handed).size).toBe(5);
      // A row added the ordinary way takes the next id, not one of the run's.
      const { id } = await store.db
        .insertInto('borehole')
        .values(hole('later', 10) as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(id).toBeGreaterThan(Math.max(...handed));
      // So does the next run (now a merge: the table has rows).
      await bulk(store).transaction(async (s) => {
        expect(await s.loadMode('borehole')).toBe('merge');
        const [next] = await s.nextIds('borehole', 1);
        expect(next).toBeGreaterThan(id);
      });
    });

    it('hands out ids and load modes once to calls that overlap (two flushes in flight)', async () => {
      const store = await fresh();
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      const handed = await bulk(store).transaction(async (s) => {
        // Statements that overlap go to the server one after the other (pg warns of a query sent
        // while another runs).
        await Promise.all([
          s.findBoreholes('d', ['x']),
          s.holeRefs('d', ['y']),
          s.findCodes('custodian', ['z']),
        ]);
        // Neither call waits for the other: both the first time the run meets the table.
        const [a, b] = await Promise.all([s.loadMode('catalog_record'), s.loadMode('catalog_record')]);
        expect([a, b]).toEqual(['append', 'append']);
        const ranges = await Promise.all([
          s.nextIds('catalog_record', 3),
          s.nextIds('catalog_record', 2),
          s.nextIds('catalog_record', 4),
        ]);
        await s.append(
          'catalog_record',
          ranges.flat().map((id) => ({ ...record(`R${id}`), id })),
        );
        return ranges;
      });
      // In call order, one after the other, none twice.
      const [first] = handed[0]!;
      expect(handed).toEqual([
        [first, first! + 1, first! + 2],
        [first! + 3, first! + 4],
        [first! + 5, first! + 6, first! + 7, first! + 8],
      ]);
      const { id } = await store.db
        .insertInto('catalog_record')
        .values(record('later') as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(id).toBe(first! + 9);
      await new Promise((resolve) => setImmediate(resolve));
      process.off('warning', onWarning);
      expect(warnings).toEqual([]);
    });

    it('restores the dropped indexes when an append run rolls back', async () => {
      const store = await fresh();
      const indexes = await indexNames(store);
      await expect(
        bulk(store).transaction(async (s) => {
          expect(await s.loadMode('borehole')).toBe('append');
          const [id] = await s.nextIds('borehole', 1);
          await s.append('borehole', [{ ...hole('A', 100), id: id! }]);
          throw new Error('line 7: bad');
        }),
      ).rejects.toThrow('line 7');
      expect(await indexNames(store)).toEqual(indexes);
      expect(await store.db.selectFrom('borehole').selectAll().execute()).toEqual([]);
    });

    it('fails the whole append run when the rebuilt unique index finds a duplicate', async () => {
      const store = await fresh();
      await expect(
        bulk(store).transaction(async (s) => {
          await s.loadMode('borehole');
          const ids = await s.nextIds('borehole', 2);
          await s.append('borehole', [
            { ...hole('A', 100), id: ids[0]! },
            { ...hole('A', 100), id: ids[1]!, public_id: 'CSB-other' },
          ]);
        }),
      ).rejects.toThrow(/unique|UNIQUE|duplicate/i);
      expect(await store.db.selectFrom('borehole').selectAll().execute()).toEqual([]);
      expect(await indexNames(store)).toEqual(expect.arrayContaining(['borehole_dataset_hole']));
    });

    it("fails the whole run, with the store's message, when a write fails on the way", async () => {
      const store = await fresh();
      await bulk(store).transaction((s) => s.upsert('borehole', [hole('Z', 1)]));
      let after = 'not reached';
      await expect(
        bulk(store).transaction(async (s) => {
          await s.upsert('borehole', [hole('A', 1)]);
          const [id] = await s.nextIds('borehole', 1);
          // The id of an existing hole: the primary key refuses it.
          await s.append('borehole', [{ ...hole('B', 1), id: id! - 1 }]);
          after = [...(await s.findBoreholes('d', ['A'])).keys()].join();
        }),
      ).rejects.toThrow(/UNIQUE|duplicate/i);
      // The append fails, or (on the writer thread, where appends are not waited for) the look-up after it.
      expect(after).toBe('not reached');
      const holes = await store.db.selectFrom('borehole').select('hole_id').execute();
      expect(holes.map((h) => h.hole_id)).toEqual(['Z']);
    });
  });
