import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importFile } from '../../../src/services/import/import.service.js';
import { ImportError, ImportUsageError } from '../../../src/services/import/import.types.js';
import { publicId } from '../../../src/domain/public-id.js';
import type { BulkWriter } from '../../../src/store/bulk.js';
import type { Store } from '../../../src/store/store.js';
import { eachEngine } from '../../support/engines.js';
import { addCustodian, count, fixture, tempDir } from './import-helpers.js';

/** The ImportError a call fails with. */
async function rejected(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const ENCODED = [
  'collars-zh-utf8-bom.csv',
  'collars-zh-gb18030.csv',
  'collars-zh.tsv',
  'collars-zh-semicolon.csv',
];

/** Every borehole and commodity row, in a stable order. */
async function storedHoles(store: Store) {
  return {
    holes: await store.db.selectFrom('borehole').selectAll().orderBy('id').execute(),
    commodities: await store.db
      .selectFrom('borehole_commodity')
      .selectAll()
      .orderBy('borehole_id')
      .orderBy('commodity')
      .execute(),
  };
}

eachEngine('import collars', ({ fresh }) => {
  it('reads Chinese headers in UTF-8+BOM (CRLF), GB18030, tab- and semicolon-separated files alike', async () => {
    const store = await fresh();
    await addCustodian(store, 'XZ');
    const seen: unknown[] = [];
    for (const [i, name] of ENCODED.entries()) {
      const report = await importFile(store, { kind: 'collars', path: fixture(name), dataset: `d${i}` });
      expect(report).toMatchObject({ rowsRead: 3, inserted: 3, updated: 0, rejected: 0, problemCount: 0 });
      expect(report.columns).toMatchObject({
        hole_id: '钻孔编号',
        easting: '经度',
        northing: '纬度',
        total_depth: '孔深(m)',
      });
      const rows = await store.db
        .selectFrom('borehole')
        .select([
          'hole_id',
          'name',
          'lon',
          'lat',
          'collar_elev',
          'total_depth',
          'province_code',
          'commodities',
          'core_class',
        ])
        .select(['funding_source', 'drill_start', 'drill_end', 'src_crs', 'custodian_id'])
        .where('dataset', '=', `d${i}`)
        .orderBy('hole_id')
        .execute();
      seen.push(rows);
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[3]).toEqual(seen[0]);
    const [zk1, zk2, zk3] = seen[0] as Array<Record<string, unknown>>;
    expect(zk1).toMatchObject({
      name: '驱龙ZK0001',
      lon: 91.5523,
      lat: 29.6012,
      collar_elev: 5120.5,
      total_depth: 850.2,
      province_code: '540000',
      commodities: '["Cu","Mo"]',
      core_class: 'I',
      funding_source: 'central_fiscal',
      drill_start: '2008-05-12',
      drill_end: '2008-07-30',
      src_crs: 'EPSG:4326',
    });
    expect(zk1!.custodian_id).toEqual(expect.any(Number));
    // 𠮷 is a 4-byte GB18030 character; 91°33′29.2″ is degrees-minutes-seconds.
    expect(zk2).toMatchObject({
      name: '驱龙𠮷ZK0002',
      total_depth: null,
      commodities: '["Cu","Au"]',
      core_class: 'II',
    });
    expect(zk2!.lon as number).toBeCloseTo(91 + 33 / 60 + 29.2 / 3600, 9);
    expect(zk3).toMatchObject({
      commodities: '["Cu","Au","Ag"]',
      core_class: 'III',
      drill_start: '2009-03-01',
      drill_end: null,
    });
    const commodities = await store.db
      .selectFrom('borehole_commodity as bc')
      .innerJoin('borehole as b', 'b.id', 'bc.borehole_id')
      .select(['b.hole_id', 'bc.commodity'])
      .where('b.dataset', '=', 'd0')
      .orderBy('b.hole_id')
      .orderBy('bc.commodity')
      .execute();
    expect(commodities.map((c) => `${c.hole_id}:${c.commodity}`)).toEqual([
      'ZK0001:Cu',
      'ZK0001:Mo',
      'ZK0002:Au',
      'ZK0002:Cu',
      'ZK0003:Ag',
      'ZK0003:Au',
      'ZK0003:Cu',
    ]);
  });

  it('is idempotent: the same file twice leaves the same rows, ids and commodity rows', async () => {
    const store = await fresh();
    await addCustodian(store, 'XZ');
    const snapshot = () => storedHoles(store);
    await importFile(store, { kind: 'collars', path: fixture('collars-zh-utf8-bom.csv') });
    const first = await snapshot();
    const again = await importFile(store, { kind: 'collars', path: fixture('collars-zh-utf8-bom.csv') });
    expect(again).toMatchObject({ inserted: 0, updated: 3 });
    const second = await snapshot();
    const stable = (s: typeof first) => ({ ...s, holes: s.holes.map(({ updated_at: _u, ...h }) => h) });
    expect(stable(second)).toEqual(stable(first));
    expect(first.holes[0]!.public_id).toBe(publicId('borehole', 'default', 'ZK0001'));
  });

  it('stores the same as a large run (on SQLite: the writer thread), appending and merging, and rolls a bad file back', async () => {
    const holes = async (store: Store) => {
      const stored = await storedHoles(store);
      return { ...stored, holes: stored.holes.map(({ updated_at: _u, created_at: _c, ...h }) => h) };
    };
    const stores = [await fresh(), await fresh()];
    const file = fixture('collars-zh-utf8-bom.csv');
    for (const [i, store] of stores.entries()) {
      await addCustodian(store, 'XZ');
      // Twice: the first run appends into the empty table, the second merges.
      for (let run = 0; run < 2; run++)
        await importFile(store, { kind: 'collars', path: file, large: i === 1 });
    }
    const [ordinary, large] = [await holes(stores[0]!), await holes(stores[1]!)];
    expect(large).toEqual(ordinary);
    expect(large.holes).toHaveLength(3);
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, readFileSync(file, 'utf8').replace(/\r?\n$/, '') + '\nZK0009,91.1,29.6,4000,-5\n');
    const error = await importFile(stores[1]!, { kind: 'collars', path: bad, large: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(await holes(stores[1]!)).toEqual(large);
  });

  it('keeps CGCS2000 Gauss–Krüger coordinates as source values and maps them to lon/lat', async () => {
    const store = await fresh();
    const report = await importFile(store, {
      kind: 'collars',
      path: fixture('collars-gk-zone38.csv'),
      crs: 'EPSG:4526',
    });
    expect(report.inserted).toBe(2);
    const gk1 = await store.db
      .selectFrom('borehole')
      .selectAll()
      .where('hole_id', '=', 'GK1')
      .executeTakeFirstOrThrow();
    expect(gk1).toMatchObject({ src_crs: 'EPSG:4526', src_x: 38500000, src_y: 3300000 });
    expect(gk1.lon!).toBeCloseTo(114, 9); // on the central meridian
    expect(gk1.lat!).toBeCloseTo(29.8186, 3);
  });

  it('keeps a local mine grid without a map position, converting feet', async () => {
    const store = await fresh();
    const dir = tempDir();
    const file = join(dir, 'local.csv');
    writeFileSync(file, 'hole,xcollar,ycollar,zcollar,eoh\nL1,1000,2000,100,50\n');
    await importFile(store, { kind: 'collars', path: file, crs: 'LOCAL', units: 'ft' });
    const l1 = await store.db.selectFrom('borehole').selectAll().executeTakeFirstOrThrow();
    expect(l1).toMatchObject({ src_crs: 'LOCAL', lon: null, lat: null });
    expect(l1.src_x!).toBeCloseTo(304.8, 9);
    expect(l1.src_y!).toBeCloseTo(609.6, 9);
    expect(l1.collar_elev!).toBeCloseTo(30.48, 9);
    expect(l1.total_depth!).toBeCloseTo(15.24, 9);
  });

  it('turns placeholders into nulls and rejects a required field that is a placeholder', async () => {
    const store = await fresh();
    const { problems } = await rejected(
      importFile(store, { kind: 'collars', path: fixture('placeholders.csv') }),
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [5, 'hole_id'],
      [6, 'x'],
    ]);
    expect(problems[0]!.message).toMatch(/hole_id is required/);
    expect(await count(store, 'borehole')).toBe(0);

    const rejects = join(tempDir(), 'rejects.csv');
    const report = await importFile(store, {
      kind: 'collars',
      path: fixture('placeholders.csv'),
      skipInvalid: true,
      rejectsPath: rejects,
    });
    expect(report).toMatchObject({ rowsRead: 5, inserted: 3, rejected: 2 });
    const rows = await store.db
      .selectFrom('borehole')
      .select(['hole_id', 'collar_elev', 'total_depth', 'project'])
      .orderBy('hole_id')
      .execute();
    expect(rows).toEqual([
      { hole_id: 'ZK1', collar_elev: null, total_depth: null, project: null },
      { hole_id: 'ZK2', collar_elev: null, total_depth: null, project: null },
      { hole_id: 'ZK3', collar_elev: null, total_depth: null, project: '项目A' },
    ]);
    const lines = readFileSync(rejects, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('line,field,reason,hole_id,x,y,elevation,total_depth,project');
    expect(lines[1]).toMatch(/^5,hole_id,.*is required.*,NA,91\.4,29\.4,4000,100,$/);
    expect(lines).toHaveLength(3);
  });

  it('names both lines of a duplicate hole id, and reports swapped or non-degree coordinates', async () => {
    const store = await fresh();
    const dir = tempDir();
    const dup = join(dir, 'dup.csv');
    writeFileSync(dup, 'hole_id,lon,lat\nA,91,29\nB,92,30\nA,93,31\n');
    await expect(importFile(store, { kind: 'collars', path: dup })).rejects.toMatchObject({
      problems: [{ file: dup, line: 4, field: 'hole_id', message: 'duplicate hole_id "A": also on line 2' }],
    });
    const swapped = await rejected(
      importFile(store, { kind: 'collars', path: fixture('collars-swapped.csv') }),
    );
    expect(swapped.problems).toEqual([
      expect.objectContaining({ line: 2, field: 'lon', message: expect.stringMatching(/look swapped/) }),
    ]);
    const notDegrees = await rejected(
      importFile(store, { kind: 'collars', path: fixture('collars-gk-zone38.csv') }),
    );
    expect(notDegrees.problems[0]).toMatchObject({
      line: 2,
      field: '东坐标',
      message: expect.stringMatching(/--crs EPSG:nnnn, or --crs LOCAL/),
    });
    const wrongZone = await rejected(
      importFile(store, { kind: 'collars', path: fixture('collars-gk-zone38.csv'), crs: 'EPSG:4527' }),
    );
    expect(wrongZone.problems[0]!.message).toMatch(/zone 38, not zone 39/);
    const outside = await rejected(
      importFile(store, { kind: 'collars', path: fixture('collars-gk-zone38.csv'), crs: 'EPSG:32650' }),
    );
    expect(outside.problems[0]!.message).toMatch(/outside the area of EPSG:32650/);
    expect(await count(store, 'borehole')).toBe(0);
  });

  it('lists the headers and the missing fields, honours --columns, and rejects unknown CRS and fields as usage errors', async () => {
    const store = await fresh();
    const dir = tempDir();
    const odd = join(dir, 'odd.csv');
    writeFileSync(odd, 'CollarID,HoleId,E,N\nC-1,Hole one,91.1,29.1\n');
    const missing = await rejected(importFile(store, { kind: 'collars', path: odd }));
    expect(missing).toBeInstanceOf(ImportError);
    expect(missing.message).toMatch(
      /missing required fields easting, northing; the file's headers are: CollarID, HoleId, E, N/,
    );
    expect(missing.problems.map((p) => p.field)).toEqual(['easting', 'northing']);
    const report = await importFile(store, {
      kind: 'collars',
      path: odd,
      columns: { hole_id: 'CollarID', name: 'HoleId', easting: 'E', northing: 'N' },
    });
    expect(report.inserted).toBe(1);
    expect(await store.db.selectFrom('borehole').select(['hole_id', 'name']).execute()).toEqual([
      { hole_id: 'C-1', name: 'Hole one' },
    ]);
    await expect(importFile(store, { kind: 'collars', path: odd, crs: 'EPSG:99999' })).rejects.toThrow(
      ImportUsageError,
    );
    await expect(importFile(store, { kind: 'collars', path: odd, crs: 'EPSG:99999' })).rejects.toThrow(
      /CGCS2000 3° Gauss–Krüger/,
    );
    await expect(importFile(store, { kind: 'collars', path: odd, columns: { colour: 'E' } })).rejects.toThrow(
      ImportUsageError,
    );
  });

  it('requires referenced custodians to exist, naming line and field; --custodian assigns every row', async () => {
    const store = await fresh();
    const error = await rejected(importFile(store, { kind: 'collars', path: fixture('collars-zh.tsv') }));
    expect(error.problems).toHaveLength(3);
    expect(error.problems[0]).toMatchObject({
      line: 2,
      field: '保管单位',
      message: 'custodian code "XZ" does not exist',
    });
    await expect(
      importFile(store, { kind: 'collars', path: fixture('collars-zh.tsv'), custodian: 'NOPE' }),
    ).rejects.toThrow(/--custodian NOPE does not exist/);
    await addCustodian(store, 'CGS');
    await importFile(store, { kind: 'collars', path: fixture('collars-zh.tsv'), custodian: 'CGS' });
    const ids = await store.db
      .selectFrom('borehole')
      .innerJoin('custodian as c', 'c.id', 'borehole.custodian_id')
      .select('c.code')
      .execute();
    expect(ids.map((r) => r.code)).toEqual(['CGS', 'CGS', 'CGS']);
  });

  it('reports the time up to the commit, index builds and COMMIT included', async () => {
    const store = await fresh();
    await addCustodian(store, 'XZ');
    // A writer whose work after the last row (index builds, COMMIT) takes 300 ms more.
    const slowCommit: { bulk: BulkWriter } = {
      bulk: {
        transaction: async (work, options) => {
          const result = await store.bulk.transaction(work, options);
          await new Promise((resolve) => setTimeout(resolve, 300));
          return result;
        },
      },
    };
    const report = await importFile(slowCommit, { kind: 'collars', path: fixture('collars-zh.tsv') });
    expect(report.rowsRead).toBe(3);
    expect(report.seconds).toBeGreaterThanOrEqual(0.3);
    expect(report.rowsPerSecond).toBe(Math.round(3 / report.seconds));
  });

  it('writes nothing on a dry run, and nothing for an empty or header-only file', async () => {
    const store = await fresh();
    await addCustodian(store, 'XZ');
    const dry = await importFile(store, { kind: 'collars', path: fixture('collars-zh.tsv'), dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, rowsRead: 3, inserted: 3, rejected: 0 });
    expect(await count(store, 'borehole')).toBe(0);
    await expect(importFile(store, { kind: 'collars', path: fixture('empty.csv') })).rejects.toMatchObject({
      problems: [{ line: 1, field: '(file)', message: 'the file is empty' }],
    });
    await expect(
      importFile(store, { kind: 'collars', path: fixture('header-only.csv') }),
    ).rejects.toMatchObject({
      problems: [{ line: 1, message: 'the file has a header line but no data rows' }],
    });
    expect(await count(store, 'borehole')).toBe(0);
  });
});
