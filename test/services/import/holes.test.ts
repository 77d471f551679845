import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importFile } from '../../../src/services/import/import.service.js';
import type { ImportError } from '../../../src/services/import/import.types.js';
import type { Store } from '../../../src/store/store.js';
import { eachEngine } from '../../support/engines.js';
import { addCustodian, count, fixture, tempDir } from './import-helpers.js';

function csv(text: string): string {
  const file = join(tempDir(), 'f.csv');
  writeFileSync(file, text);
  return file;
}

async function withCollars(store: Store): Promise<void> {
  await addCustodian(store, 'XZ');
  await importFile(store, { kind: 'collars', path: fixture('collars-zh-utf8-bom.csv') });
}

async function problemsOf(promise: Promise<unknown>) {
  const error = (await promise.catch((e: unknown) => e)) as ImportError;
  return error.problems.map((p) => `${p.line} ${p.field}: ${p.message}`);
}

eachEngine('import surveys, intervals, samples and catalog', ({ fresh }) => {
  it('stores surveys positive down, detecting a negative-down file, and replaces them on re-import', async () => {
    const store = await fresh();
    await withCollars(store);
    const report = await importFile(store, { kind: 'surveys', path: fixture('surveys-zh.csv') });
    expect(report).toMatchObject({ rowsRead: 7, written: 7, holesReplaced: 3, rejected: 0 });
    expect(report.dipConvention).toEqual({ convention: 'negative-down', negative: 5, positive: 1, zero: 1 });
    const rows = async () =>
      store.db
        .selectFrom('survey as s')
        .innerJoin('borehole as b', 'b.id', 's.borehole_id')
        .select(['b.hole_id', 's.depth', 's.azimuth', 's.dip'])
        .orderBy('b.hole_id')
        .orderBy('s.depth')
        .execute();
    const first = await rows();
    expect(first).toEqual([
      { hole_id: 'ZK0001', depth: 0, azimuth: 0, dip: 90 },
      { hole_id: 'ZK0001', depth: 100, azimuth: 0, dip: 90 }, // vertical: blank azimuth is 0
      { hole_id: 'ZK0002', depth: 0, azimuth: 0, dip: 60 }, // 360 → 0
      { hole_id: 'ZK0002', depth: 150.5, azimuth: 350, dip: 58.5 }, // −10 → 350
      { hole_id: 'ZK0002', depth: 300, azimuth: 12.5, dip: 0 },
      { hole_id: 'ZK0003', depth: 0, azimuth: 45, dip: 75 },
      { hole_id: 'ZK0003', depth: 200, azimuth: 47, dip: -75 }, // up in this file's convention
    ]);
    await importFile(store, { kind: 'surveys', path: fixture('surveys-zh.csv') });
    expect(await rows()).toEqual(first);
  });

  it('rejects surveys deeper than the hole, duplicate depths, bad angles and orphan holes, by line', async () => {
    const store = await fresh();
    await withCollars(store);
    const file = csv(
      'hole,at,az,dip\nZK0001,0,10,60\nZK0001,900,10,60\nZK0001,0,11,61\nZK0003,0,400,60\nZK0003,10,10,95\nNOPE,0,0,60\nNOPE,5,0,60\n',
    );
    expect(await problemsOf(importFile(store, { kind: 'surveys', path: file }))).toEqual([
      '5 az: azimuth 400 is out of range (-360…360)',
      '6 dip: dip 95 is out of range (-90…90)',
      '4 at: duplicate survey depth 0 m in hole "ZK0001": also on line 2',
      '3 at: survey deeper than the hole: 900 m, total depth 850.2 m',
      '7 hole: hole "NOPE" has no collar in dataset "default" (2 rows, lines 7–8): import its collars first, with the same --dataset',
    ]);
    expect(await count(store, 'survey')).toBe(0);
    const report = await importFile(store, {
      kind: 'surveys',
      path: file,
      skipInvalid: true,
      rejectsPath: join(tempDir(), 'r.csv'),
    });
    expect(report).toMatchObject({ rowsRead: 7, written: 1, rejected: 6 });
  });

  it('imports lithology intervals, rejecting overlaps, duplicates, reversed and too-deep ones', async () => {
    const store = await fresh();
    await withCollars(store);
    const ok = await importFile(store, { kind: 'intervals', path: fixture('intervals-zh.csv') });
    expect(ok).toMatchObject({ rowsRead: 5, written: 5, holesReplaced: 2 });
    const zk1 = await store.db
      .selectFrom('lithology')
      .selectAll()
      .orderBy('depth_from')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(zk1).toMatchObject({
      depth_from: 0,
      depth_to: 12.5,
      code: 'Q',
      name_zh: '第四系',
      description: '浮土,碎石',
    });
    const bad = csv(
      'hole_id,from,to,lith\nZK0001,0,10,A\nZK0001,10,20,B\nZK0001,15,25,C\nZK0001,10,20,B\nZK0001,30,29,D\nZK0001,-1,2,E\nZK0001,800,860,F\n',
    );
    expect(await problemsOf(importFile(store, { kind: 'intervals', path: bad }))).toEqual([
      '6 to: depth "from" must be less than "to"',
      '7 from: depth "from" is negative',
      "8 to: interval ends below the hole's total depth (850.2 m)",
      '5 from: duplicate interval 10–20 m: also on line 3',
      '4 from: interval overlaps another interval of the same hole: 15–25 m overlaps 10–20 m on line 3',
    ]);
    expect(await count(store, 'lithology')).toBe(5); // the earlier import stands
  });

  it('handles a hole whose rows reappear later in an unsorted file', async () => {
    const store = await fresh();
    await withCollars(store);
    const split = csv('hole_id,from,to\nZK0001,0,10\nZK0001,10,20\nZK0003,0,5\nZK0001,15,30\n');
    expect(await problemsOf(importFile(store, { kind: 'intervals', path: split }))).toEqual([
      "5 from: interval 15–30 m overlaps the same hole's intervals on lines 2–3 (the hole's rows are split in the file)",
    ]);
    const report = await importFile(store, {
      kind: 'intervals',
      path: csv('hole_id,from,to\nZK0001,0,10\nZK0003,0,5\nZK0001,10,20\n'),
    });
    expect(report).toMatchObject({ written: 3, holesReplaced: 2 });
    expect(await count(store, 'lithology')).toBe(3);
  });

  it('imports samples, allowing overlaps but not a sample number twice in a hole', async () => {
    const store = await fresh();
    await withCollars(store);
    const report = await importFile(store, { kind: 'samples', path: fixture('samples-zh.csv') });
    expect(report).toMatchObject({ rowsRead: 4, written: 4 });
    const h1 = await store.db
      .selectFrom('sample')
      .selectAll()
      .where('sample_no', '=', 'H1')
      .orderBy('id')
      .execute();
    expect(h1.map((s) => [s.depth_from, s.remaining_fraction, s.taken_at])).toEqual([
      [10, 0.5, '2008-07-01'],
      [100, null, '2009-04-01'],
    ]);
    await importFile(store, { kind: 'samples', path: fixture('samples-zh.csv') });
    expect(await count(store, 'sample')).toBe(4);
    const dup = csv('孔号,样号,自,至\nZK0001,S1,0,1\nZK0001,S1,1,2\n');
    expect(await problemsOf(importFile(store, { kind: 'samples', path: dup }))).toEqual([
      '3 样号: duplicate sample "S1" in hole "ZK0001": also on line 2',
    ]);
  });

  it('imports catalog records linked to holes and custodians; duplicates name both lines', async () => {
    const store = await fresh();
    await withCollars(store);
    const report = await importFile(store, { kind: 'catalog', path: fixture('catalog-zh.csv') });
    expect(report).toMatchObject({ rowsRead: 3, written: 3 });
    const rows = await store.db
      .selectFrom('catalog_record as r')
      .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
      .select(['r.record_no', 'r.material_type', 'r.year', 'r.quantity', 'r.province_code', 'b.hole_id'])
      .orderBy('r.record_no')
      .execute();
    expect(rows).toEqual([
      {
        record_no: 'XZ-2008-0001',
        material_type: 'core',
        year: 2008,
        quantity: 850.2,
        province_code: '540000',
        hole_id: 'ZK0001',
      },
      {
        record_no: 'XZ-2008-0002',
        material_type: 'thin_section',
        year: 2008,
        quantity: 120,
        province_code: '540000',
        hole_id: 'ZK0001',
      },
      {
        record_no: 'XZ-2009-0003',
        material_type: 'specimen',
        year: 2009,
        quantity: 35,
        province_code: '540000',
        hole_id: null,
      },
    ]);
    const bad = csv(
      '档案号,题名,资料类型,钻孔编号\nR1,一,岩芯,\nR2,二,化石,\nR1,三,岩芯,\nR4,四,岩芯,ZK9999\n',
    );
    expect(await problemsOf(importFile(store, { kind: 'catalog', path: bad }))).toEqual([
      '3 资料类型: "化石" is not a known material_type; use one of 岩芯, 岩屑, 标本, 薄片, 样品, 其他 (core, cuttings, specimen, thin_section, sample, other)',
      '4 档案号: duplicate record_no "R1": also on line 2',
      '5 钻孔编号: hole "ZK9999" is not in dataset "default"',
    ]);
    expect(await count(store, 'catalog_record')).toBe(3);
  });

  // Flushes of the catalog overlap (a flush's look-ups go out while the one before writes): every
  // record still gets its own hole and an id of its own, and a problem in a late flush stores nothing.
  // A flush follows each 64 KiB chunk of the file: 80,000 rows make about forty.
  for (const large of [false, true])
    it(`links every record to its hole over overlapping flushes${large ? ' (large run)' : ''}`, async () => {
      const store = await fresh();
      await withCollars(store);
      const holes = ['ZK0001', 'ZK0002', 'ZK0003', ''];
      const n = 80_000;
      const lines = Array.from({ length: n }, (_, i) => `R${i},岩芯目录第${i}条,岩芯,${holes[i % 4]}`);
      const header = '档案号,题名,资料类型,钻孔编号\n';
      const orphan = [...lines.slice(0, n - 10), `R${n},孤,岩芯,ZK9999`];
      const options = { kind: 'catalog' as const, batchSize: 3, large };
      expect(
        await problemsOf(importFile(store, { ...options, path: csv(header + orphan.join('\n')) })),
      ).toEqual([`${n - 10 + 2} 钻孔编号: hole "ZK9999" is not in dataset "default"`]);
      expect(await count(store, 'catalog_record')).toBe(0);
      const report = await importFile(store, { ...options, path: csv(header + lines.join('\n')) });
      expect(report).toMatchObject({ rowsRead: n, written: n, rejected: 0 });
      const rows = await store.db
        .selectFrom('catalog_record as r')
        .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
        .select(['r.id', 'r.record_no', 'b.hole_id'])
        .execute();
      expect(new Set(rows.map((r) => r.id)).size).toBe(n);
      const wrong = rows.filter((r) => r.hole_id !== (holes[Number(r.record_no.slice(1)) % 4] || null));
      expect(wrong).toEqual([]);
    });

  // Into an empty table the keys are left to its unique index (built at COMMIT); a run that fails
  // there, or on any other problem, is read again to report every problem with its line.
  it('names both lines of a repeated record_no in a first load, with the other problems, and stores nothing', async () => {
    const store = await fresh();
    await withCollars(store);
    const repeated = csv(
      '档案号,题名,资料类型\nR1,一,岩芯\nR2,二,岩芯\nR1,三,岩芯\nR3,四,岩芯\nR2,五,岩芯\n',
    );
    expect(await problemsOf(importFile(store, { kind: 'catalog', path: repeated }))).toEqual([
      '4 档案号: duplicate record_no "R1": also on line 2',
      '6 档案号: duplicate record_no "R2": also on line 3',
    ]);
    const mixed = csv('档案号,题名,资料类型\nR1,一,岩芯\nR2,二,化石\nR1,三,岩芯\n');
    expect(await problemsOf(importFile(store, { kind: 'catalog', path: mixed }))).toEqual([
      '3 资料类型: "化石" is not a known material_type; use one of 岩芯, 岩屑, 标本, 薄片, 样品, 其他 (core, cuttings, specimen, thin_section, sample, other)',
      '4 档案号: duplicate record_no "R1": also on line 2',
    ]);
    expect(await count(store, 'catalog_record')).toBe(0);
    const error = (await importFile(store, { kind: 'catalog', path: mixed }).catch(
      (e: unknown) => e,
    )) as ImportError;
    expect(error.report).toMatchObject({ dryRun: false, rowsRead: 3 });
    // --skip-invalid keeps the first of each key and writes the rest to the rejects file.
    const report = await importFile(store, { kind: 'catalog', path: repeated, skipInvalid: true });
    expect(report).toMatchObject({ rowsRead: 5, written: 3, rejected: 2 });
    expect(await count(store, 'catalog_record')).toBe(3);
  });
});
