// The public drillhole exports in ../shared/data/drillholes (see SOURCE.md there), unedited.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/services/import/import.service.js';
import type { ImportError } from '../../../src/services/import/import.types.js';
import { eachEngine } from '../../support/engines.js';
import { haveSharedData } from '../../support/shared-data.js';
import { count, DRILLHOLES, tempDir } from './import-helpers.js';

const THALANGA = join(DRILLHOLES, 'thalanga');
const BABBITT = join(DRILLHOLES, 'babbitt');

async function problemsOf(promise: Promise<unknown>) {
  const error = (await promise.catch((e: unknown) => e)) as ImportError;
  return error.problems.map((p) => `${p.line} ${p.field}: ${p.message}`);
}

const describeReal: typeof eachEngine = haveSharedData('drillholes')
  ? eachEngine
  : (title) => describe.skip(title, () => it('needs ../shared/data/drillholes', () => undefined));

describeReal('real exports', ({ fresh }) => {
  it('Thalanga (MGA94 zone 55, CRLF, truncated headers): precise errors by default, counts with --skip-invalid', async () => {
    const store = await fresh();
    const dataset = 'thalanga';
    const rejects = tempDir();
    const collars = {
      kind: 'collars',
      path: join(THALANGA, 'ThalangaML_collar.csv'),
      crs: 'EPSG:28355',
      dataset,
    } as const;
    expect(await problemsOf(importFile(store, collars))).toEqual([
      '563 FINISH_DAT: finish date 2021-07-01 is before start date 2021-07-28',
      '4773 FINISH_DAT: finish date 2019-06-11 is before start date 2019-06-12',
    ]);
    expect(await count(store, 'borehole')).toBe(0);
    const c = await importFile(store, { ...collars, skipInvalid: true, rejectsPath: join(rejects, 'c.csv') });
    expect(c).toMatchObject({ rowsRead: 5277, inserted: 5275, rejected: 2 });
    expect(c.columns).toMatchObject({
      easting: 'X_MGA',
      drill_end: 'FINISH_DAT',
      purpose: 'HOLE_PURPO',
      project: 'PROGRAM_NA',
    });
    const hole = await store.db
      .selectFrom('borehole')
      .selectAll()
      .where('hole_id', '=', 'TH785')
      .executeTakeFirstOrThrow();
    expect(hole).toMatchObject({
      src_crs: 'EPSG:28355',
      src_x: 369694,
      src_y: 7751365,
      total_depth: 323.1000061035156,
    });
    expect(hole).toMatchObject({ drill_start: '2018-06-15', drill_end: '2018-06-19', purpose: 'EXTENSION' });
    // Thalanga mine, 60 km west of Charters Towers, Queensland.
    expect(Math.abs(hole.lon! - 146.0)).toBeLessThan(0.5);
    expect(Math.abs(hole.lat! + 20.3)).toBeLessThan(0.2);
    const box = await store.db
      .selectFrom('borehole')
      .select((eb) => [
        eb.fn.min('lon').as('west'),
        eb.fn.max('lon').as('east'),
        eb.fn.min('lat').as('south'),
        eb.fn.max('lat').as('north'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(box.west)).toBeGreaterThan(145.7);
    expect(Number(box.east)).toBeLessThan(145.9);
    expect(Number(box.south)).toBeGreaterThan(-20.4);
    expect(Number(box.north)).toBeLessThan(-20.3);

    // The two rejected collars make their surveys and intervals orphans: the chain a real export has.
    const surveys = { kind: 'surveys', path: join(THALANGA, 'ThalangaML_survey.csv'), dataset } as const;
    expect(await problemsOf(importFile(store, surveys))).toEqual([
      '2875 Azimuth: azimuth 385.279999 is out of range (-360…360)',
      '2905 Azimuth: azimuth 360.600006 is out of range (-360…360)',
      '2501 Drillhole ID: hole "FWUG530_001" has no collar in dataset "thalanga" (16 rows, lines 2501–2516): import its collars first, with the same --dataset',
      '16254 Drillhole ID: hole "TH861" has no collar in dataset "thalanga" (28 rows, lines 16254–16281): import its collars first, with the same --dataset',
    ]);
    const s = await importFile(store, { ...surveys, skipInvalid: true, rejectsPath: join(rejects, 's.csv') });
    expect(s).toMatchObject({ rowsRead: 18855, written: 18809, rejected: 46, holesReplaced: 5273 });
    expect(s.dipConvention).toEqual({
      convention: 'positive-down',
      negative: 5963,
      positive: 12812,
      zero: 80,
    });
    expect(await count(store, 'survey')).toBe(18809);
    // Re-importing replaces each hole's stations: no duplicates.
    await importFile(store, { ...surveys, skipInvalid: true, rejectsPath: join(rejects, 's2.csv') });
    expect(await count(store, 'survey')).toBe(18809);

    const geology = { kind: 'intervals', path: join(THALANGA, 'ThalangaML_Geology.csv'), dataset } as const;
    const g = await importFile(store, { ...geology, skipInvalid: true, rejectsPath: join(rejects, 'g.csv') });
    // The file lists most holes twice (two sorted halves); the second runs continue the first.
    expect(g).toMatchObject({
      rowsRead: 64431,
      written: 64350,
      rejected: 81,
      holesReplaced: 1860,
      problemCount: 4,
    });
    expect(g.columns).toMatchObject({
      hole_id: 'Drillhole ID',
      depth_from: 'From',
      depth_to: 'To',
      lith_code: 'Lith1_Validated',
    });
    const first = await store.db
      .selectFrom('lithology as l')
      .innerJoin('borehole as b', 'b.id', 'l.borehole_id')
      .select(['l.depth_from', 'l.depth_to', 'l.code'])
      .where('b.hole_id', '=', 'C2035NI10')
      .orderBy('l.depth_from', 'desc')
      .executeTakeFirstOrThrow();
    expect(first).toEqual({ depth_from: 32, depth_to: 32.20000076, code: 'QE' }); // from the second half
    expect(await count(store, 'lithology')).toBe(64350);
  });

  it('Babbitt (local grid in feet, positive-down dips, assay FROM/TO as intervals)', async () => {
    const store = await fresh();
    const dataset = 'babbitt';
    const collars = { kind: 'collars', path: join(BABBITT, 'collar_BABBITT.csv'), dataset } as const;
    const noCrs = await problemsOf(importFile(store, collars));
    expect(noCrs[0]).toBe(
      "2 XCOLLAR: 2296021.09, 414095.85 are not longitude/latitude degrees: give the file's CRS with --crs EPSG:nnnn, or --crs LOCAL for a mine grid",
    );
    const c = await importFile(store, { ...collars, crs: 'LOCAL', units: 'ft' });
    expect(c).toMatchObject({ rowsRead: 399, inserted: 399 });
    const hole = await store.db
      .selectFrom('borehole')
      .selectAll()
      .where('hole_id', '=', '34873')
      .executeTakeFirstOrThrow();
    expect(hole).toMatchObject({ src_crs: 'LOCAL', lon: null, lat: null, total_depth: null });
    expect(hole.src_x!).toBeCloseTo(2296021.09 * 0.3048, 6);
    expect(hole.collar_elev!).toBeCloseTo(1590 * 0.3048, 6);

    const s = await importFile(store, {
      kind: 'surveys',
      path: join(BABBITT, 'survey_BABBITT.csv'),
      dataset,
      units: 'ft',
    });
    expect(s).toMatchObject({ rowsRead: 2628, written: 2628, rejected: 0 });
    expect(s.dipConvention?.convention).toBe('positive-down');
    const a = await importFile(store, {
      kind: 'intervals',
      path: join(BABBITT, 'assay_BABBITT.csv'),
      dataset,
      units: 'ft',
    });
    expect(a).toMatchObject({
      rowsRead: 35616,
      written: 35616,
      holesReplaced: 399,
      ignoredColumns: ['CU', 'NI', 'S', 'FE'],
    });
    const top = await store.db
      .selectFrom('lithology')
      .selectAll()
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(top.depth_to).toBeCloseTo(2515 * 0.3048, 6);
  });
});
