import { expect, it } from 'vitest';
import { isPublicId } from '../../../src/domain/public-id.js';
import { checkIntervals } from '../../../src/domain/intervals.js';
import { inChina, inProvinceBox, provinceByCode } from '../../../src/domain/china.js';
import { isStoreEmpty, loadDemo, type DemoProgress } from '../../../src/services/demo/demo.service.js';
import { holeDetail } from '../../../src/services/demo/downhole.generator.js';
import { demoStream, resolvePlan } from '../../../src/services/demo/national.generator.js';
import { demoParties } from '../../../src/services/demo/parties.generator.js';
import type { Store } from '../../../src/store/store.js';
import { eachEngine } from '../../support/engines.js';

const OPTIONS = { boreholes: 400, seed: 42 };

/** What the generator alone says the store must hold, keyed by natural keys instead of ids. */
function expected() {
  const plan = resolvePlan(OPTIONS);
  const holes = [];
  const lithology = [];
  const catalog = [];
  for (const chunk of demoStream(plan, demoParties(plan.seed))) {
    for (const h of chunk.holes) {
      holes.push({ ...h.row, custodian: h.custodianCode, depositor: h.depositorCode });
      for (const l of holeDetail(h).lithology)
        lithology.push({ hole: `${String(h.row.dataset)}/${String(h.row.hole_id)}`, ...l });
    }
    for (const c of chunk.catalog)
      catalog.push({
        ...c.row,
        hole: c.dataset ? `${c.dataset}/${c.holeId}` : null,
        custodian: c.custodianCode,
      });
  }
  const byKey = (a: { [k: string]: unknown }, b: { [k: string]: unknown }, k: string) =>
    String(a[k]).localeCompare(String(b[k]));
  return {
    holes: holes.sort((a, b) => byKey(a, b, 'public_id')),
    lithology,
    catalog: catalog.sort((a, b) => byKey(a, b, 'record_no')),
  };
}

async function storedHoles(store: Store) {
  const rows = await store.db
    .selectFrom('borehole as b')
    .innerJoin('custodian as c', 'c.id', 'b.custodian_id')
    .innerJoin('organisation as o', 'o.id', 'b.depositor_id')
    .selectAll('b')
    .select(['c.code as custodian', 'o.code as depositor'])
    .orderBy('b.public_id')
    .execute();
  // offered_modes is derived from the holders' offers, not written by the generator.
  return rows.map(({ id: _id, custodian_id: _c, depositor_id: _d, offered_modes: _m, ...rest }) => {
    const { geom: _g, ...plain } = rest as typeof rest & { geom?: unknown };
    return plain;
  });
}

async function count(
  store: Store,
  table: 'borehole' | 'lithology' | 'core_box' | 'catalog_record' | 'custodian',
) {
  const r = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

eachEngine('demo loader', ({ fresh }) => {
  it('loads exactly what the generator makes (so both engines hold the same bytes), once', async () => {
    const store = await fresh();
    expect(await isStoreEmpty(store)).toBe(true);
    const progress: DemoProgress[] = [];
    const report = await loadDemo(store, OPTIONS, (p) => progress.push(p));
    expect(await isStoreEmpty(store)).toBe(false);
    expect(report).toMatchObject({ boreholes: 400, catalog: 800 });
    expect(progress.at(-1)).toEqual({ done: 1200, total: 1200 });

    const want = expected();
    expect(await storedHoles(store)).toEqual(want.holes);
    const lithology = await store.db
      .selectFrom('lithology as l')
      .innerJoin('borehole as b', 'b.id', 'l.borehole_id')
      .select([
        'b.dataset',
        'b.hole_id',
        'l.depth_from',
        'l.depth_to',
        'l.code',
        'l.name_zh',
        'l.name_en',
        'l.description',
      ])
      .orderBy('b.dataset')
      .orderBy('b.hole_id')
      .orderBy('l.depth_from')
      .execute();
    const sortedWant = [...want.lithology].sort(
      (a, b) => a.hole.localeCompare(b.hole) || Number(a.depth_from) - Number(b.depth_from),
    );
    expect(lithology.map(({ dataset, hole_id, ...l }) => ({ hole: `${dataset}/${hole_id}`, ...l }))).toEqual(
      sortedWant.map((l) => ({ ...l, depth_from: Number(l.depth_from), depth_to: Number(l.depth_to) })),
    );
    const catalog = await store.db
      .selectFrom('catalog_record as r')
      .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
      .innerJoin('custodian as c', 'c.id', 'r.custodian_id')
      .select([
        'r.public_id',
        'r.record_no',
        'r.title_zh',
        'r.title_en',
        'r.material_type',
        'r.province_code',
      ])
      .select(['r.quantity', 'r.unit', 'r.year', 'r.description', 'r.created_at', 'r.updated_at'])
      .select(['b.dataset', 'b.hole_id', 'c.code as custodian'])
      .orderBy('r.record_no')
      .execute();
    expect(
      catalog.map(({ dataset, hole_id, ...r }) => ({ ...r, hole: dataset ? `${dataset}/${hole_id}` : null })),
    ).toEqual(want.catalog);

    const again = await loadDemo(store, OPTIONS);
    expect(again.boreholes).toBe(400);
    expect(await count(store, 'borehole')).toBe(400);
    expect(await count(store, 'catalog_record')).toBe(800);
    expect(await count(store, 'lithology')).toBe(report.lithology);
    expect(await count(store, 'core_box')).toBe(report.boxes);
    expect(await count(store, 'custodian')).toBe(report.custodians);
  });

  it('writes realistic, consistent rows', async () => {
    const store = await fresh();
    await loadDemo(store, { boreholes: 600, seed: 3 });
    const holes = await store.db
      .selectFrom('borehole as b')
      .innerJoin('custodian as c', 'c.id', 'b.custodian_id')
      .innerJoin('organisation as o', 'o.id', 'b.depositor_id')
      .select([
        'b.id',
        'b.public_id',
        'b.lon',
        'b.lat',
        'b.province_code',
        'b.total_depth',
        'b.core_class',
        'b.funding_source',
      ])
      .select(['c.level', 'c.code', 'c.province_code as custodian_province', 'o.code as depositor'])
      .execute();
    const share = (cls: string) => holes.filter((h) => h.core_class === cls).length / holes.length;
    expect(share('I')).toBeGreaterThan(0.02);
    expect(share('I')).toBeLessThan(0.09);
    expect(share('II')).toBeGreaterThan(0.19);
    expect(share('II')).toBeLessThan(0.31);
    expect(share('III')).toBeGreaterThan(0.62);
    expect(share('III')).toBeLessThan(0.78);
    const fiscal = (h: { funding_source: string | null }) =>
      h.funding_source === 'central_fiscal' || h.funding_source === 'local_fiscal';
    const publicShare = (cls: string) =>
      holes.filter((h) => h.core_class === cls && fiscal(h)).length /
      holes.filter((h) => h.core_class === cls).length;
    expect(publicShare('II')).toBeGreaterThan(0.7);
    expect(publicShare('III')).toBeLessThan(0.3);
    for (const h of holes) {
      expect(isPublicId(h.public_id)).toBe(true);
      expect(inChina(h.lon!, h.lat!)).toBe(true);
      expect(inProvinceBox(provinceByCode(h.province_code!)!, h.lon!, h.lat!)).toBe(true);
      if (h.core_class === 'I') expect(h).toMatchObject({ level: 'national', code: 'NGAC' });
      if (h.core_class === 'II')
        expect(h).toMatchObject({ level: 'provincial', custodian_province: h.province_code });
      if (h.core_class === 'III') expect(h.level === 'depositor' && h.code === h.depositor).toBe(true);
    }
    const depth = new Map(holes.map((h) => [h.id, h.total_depth!]));
    for (const table of ['lithology', 'core_box'] as const) {
      const rows = await store.db
        .selectFrom(table)
        .select(['borehole_id', 'depth_from', 'depth_to'])
        .execute();
      const perHole = new Map<number, typeof rows>();
      for (const r of rows) perHole.set(r.borehole_id, [...(perHole.get(r.borehole_id) ?? []), r]);
      expect(perHole.size).toBe(holes.length);
      for (const [id, intervals] of perHole)
        expect(checkIntervals(intervals, depth.get(id)!, true)).toEqual([]);
      if (table === 'lithology') {
        for (const [id, intervals] of perHole) {
          const covered = intervals.reduce((sum, r) => sum + (r.depth_to - r.depth_from), 0);
          expect(covered).toBeCloseTo(depth.get(id)!, 6);
        }
      }
    }
    const ids = await store.db.selectFrom('core_box').select('public_id').execute();
    expect(ids.every((r) => isPublicId(r.public_id))).toBe(true);
  });
});
