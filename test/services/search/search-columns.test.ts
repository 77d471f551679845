// The in-memory search columns (src/services/search/search-columns.ts) and the SQL path must give the
// same answers. Generated queries of the search language, map areas and orders run both ways on each
// engine over the demo data with its gaps filled in: holes without province, depth, date, custodian
// or position, more classified holes (some on cell edges), offers the core may or may not be eligible
// for, holes without lithology or samples, catalog records without a hole.
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../support/engines.js';
import { DEPOSIT_TYPES } from '../../../src/domain/china.js';
import { publishedPosition } from '../../../src/domain/desensitise.js';
import { distanceKm } from '../../../src/domain/search/areas.js';
import { loadDemo } from '../../../src/services/demo/demo.service.js';
import { searchColumns } from '../../../src/services/search/search-columns.js';
import { updateSearchIndex } from '../../../src/services/search/search-indexer.service.js';
import {
  searchBoreholes,
  searchCatalog,
  searchClusters,
  type SearchQuery,
} from '../../../src/services/search/search.service.js';
import type { Store } from '../../../src/store/store.js';

const CHINA = '73,18,136,54';
const RUNS = 100;

/** Rows picked by id, the same ones on every engine: `id % n = r`. */
const where = (n: number, r: number) => sql<boolean>`id % ${sql.lit(n)} = ${sql.lit(r)}`;
const whereHole = (n: number, r: number) => sql<boolean>`borehole_id % ${sql.lit(n)} = ${sql.lit(r)}`;

/** Gaps and edge cases the generated demo never has. */
async function fillGaps(store: Store): Promise<void> {
  const holes = (set: Record<string, unknown>, n: number, r: number) =>
    store.db.updateTable('borehole').set(set).where(where(n, r)).execute();
  await holes({ province_code: null }, 97, 3);
  await holes({ total_depth: null }, 89, 5);
  await holes({ total_depth: 500 }, 83, 7);
  await holes({ total_depth: 0 }, 601, 9);
  await holes({ drill_start: null }, 79, 11);
  await holes({ drill_start: '1988' }, 211, 1);
  await holes({ drill_start: '2003-07' }, 223, 2);
  await holes({ custodian_id: null }, 73, 13);
  await holes({ deposit_type: null }, 71, 17);
  await holes({ deposit_type: 'porphyry' }, 67, 19);
  await holes({ deposit_type: 'Carlin-type' }, 131, 20);
  await holes({ core_class: null }, 61, 23);
  await holes({ funding_source: null }, 59, 29);
  await holes({ collar_elev: null }, 53, 31);
  await holes({ collar_elev: -150 }, 151, 33);
  await holes({ ownership_dispute: 1 }, 43, 37);
  await holes({ confidentiality: 'classified' }, 31, 2);
  await holes({ lon: null, lat: null }, 157, 41);
  // Classified holes exactly on cell edges (99.9 / 0.1 falls a hair short of 999).
  const edges = await store.db
    .selectFrom('borehole')
    .select(['id', 'lon', 'lat'])
    .where('confidentiality', '=', 'classified')
    .where('lon', 'is not', null)
    .where(where(2, 0))
    .orderBy('id')
    .execute();
  for (const h of edges)
    await store.db
      .updateTable('borehole')
      .set({ lon: Math.round(h.lon! * 10) / 10, lat: Math.round(h.lat! * 10) / 10 })
      .where('id', '=', h.id)
      .execute();
  // Hole ids with LIKE's wildcards, lower case and a letter outside ASCII.
  const first = await store.db.selectFrom('borehole').select('id').orderBy('id').limit(4).execute();
  for (const [i, holeId] of ['zk_a01', 'ZK%9', 'zk0101b', 'zké2'].entries())
    await store.db.updateTable('borehole').set({ hole_id: holeId }).where('id', '=', first[i]!.id).execute();
  await store.db.deleteFrom('borehole_commodity').where(whereHole(29, 3)).execute();
  await store.db.deleteFrom('lithology').where(whereHole(5, 1)).execute();
  await store.db.deleteFrom('sample').where(whereHole(4, 2)).execute();
  await store.db.deleteFrom('core_box').where(whereHole(7, 3)).execute();
  await store.db.deleteFrom('survey').where(whereHole(6, 4)).execute();
  const records = (set: Record<string, unknown>, n: number, r: number) =>
    store.db.updateTable('catalog_record').set(set).where(where(n, r)).execute();
  await records({ province_code: null }, 37, 5);
  await records({ year: null }, 41, 7);
  await records({ custodian_id: null }, 47, 9);
  await records({ borehole_id: null }, 11, 4);
}

/** Offers set directly, eligible for the core or not (the index refresh would recompute them). */
async function setOfferedModes(store: Store): Promise<void> {
  const modes = (bits: number, n: number, r: number) =>
    store.db.updateTable('borehole').set({ offered_modes: bits }).where(where(n, r)).execute();
  await modes(63, 13, 0);
  await modes(8 | 16, 17, 1);
  await modes(32, 19, 2);
  await modes(1, 23, 3);
  await modes(0, 37, 4);
}

/** What the data holds, for the generators: words, codes and places that find something. */
async function vocabulary(store: Store) {
  const deposits = await store.db
    .selectFrom('borehole')
    .select([
      'deposit_name',
      sql<number>`avg(lon)`.as('lon'),
      sql<number>`avg(lat)`.as('lat'),
      sql<string>`min(hole_id)`.as('hole_id'),
    ])
    .where('lon', 'is not', null)
    .where('deposit_name', 'is not', null)
    .groupBy('deposit_name')
    .orderBy('deposit_name')
    .execute();
  const classified = await store.db
    .selectFrom('borehole')
    .select(['lon', 'lat'])
    .where('confidentiality', '=', 'classified')
    .where('lon', 'is not', null)
    .orderBy('id')
    .limit(12)
    .execute();
  const provinces = await store.db
    .selectFrom('borehole')
    .select('province_code')
    .distinct()
    .where('province_code', 'is not', null)
    .orderBy('province_code')
    .execute();
  const custodians = await store.db
    .selectFrom('custodian as c')
    .select(['c.code', 'c.name_zh', 'c.name_en'])
    .where((eb) =>
      eb.exists(eb.selectFrom('borehole as b').select('b.id').whereRef('b.custodian_id', '=', 'c.id')),
    )
    .orderBy('c.code')
    .limit(12)
    .execute();
  const names = deposits.map((d) => d.deposit_name!);
  return {
    words: [
      ...['铜', 'copper', 'gold', '金', '钨', 'tungsten', 'iron', '煤', 'mercury', '稀土', 'coper', '斑岩'],
      ...['porphyry', '岩芯', 'thin', 'xyzzy', '"Drill core"', '%', 'zk0*', '"西藏驱龙"'],
      ...names.flatMap((n) => [n, n.slice(0, 2), n.slice(2, 4)]),
      ...deposits.map((d) => d.hole_id.toLowerCase()),
    ],
    holeIds: deposits.map((d) => d.hole_id),
    provinces: [...provinces.map((p) => p.province_code!), '110000', '西藏', '贵州', 'Yunnan'],
    custodians: [
      ...custodians.flatMap((c) => [c.code, c.name_zh, ...(c.name_en ? [`"${c.name_en}"`] : [])]),
      'NOPE',
    ],
    anchors: [
      ...deposits.map((d) => [Number(d.lon), Number(d.lat)] as const),
      ...classified.map((c) => {
        const shown = publishedPosition(c, 'classified');
        return [shown.lon!, shown.lat!] as const;
      }),
    ],
  };
}
type World = Awaited<ReturnType<typeof vocabulary>>;

interface Expr {
  text: string;
  kind: 'leaf' | 'and' | 'or' | 'not';
}

const term = (names: string[], values: readonly string[], max = 2) =>
  fc
    .tuple(
      fc.constantFrom(...names),
      fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: max }),
    )
    .map(([name, vs]) => `${name}:${vs.join(',')}`);

const range = (names: string[], values: number[]) =>
  fc
    .tuple(
      fc.constantFrom(...names),
      fc.constantFrom('>', '>=', '<', '<=', ':', 'upTo', 'from', 'between'),
      fc.constantFrom(...values),
      fc.constantFrom(...values),
    )
    .map(([name, op, a, b]) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      if (op === 'upTo') return `${name}:..${hi}`;
      if (op === 'from') return `${name}:${lo}..`;
      if (op === 'between') return `${name}:${lo}..${hi}`;
      return `${name}${op}${a}`;
    });

function queries(world: World): fc.Arbitrary<string> {
  const leaf = fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom(...world.words) },
      {
        weight: 2,
        arbitrary: term(
          ['id', '孔号'],
          ['ZK0*', 'ZK16*', 'ZK4*', 'zk_*', 'ZK%*', 'ZKÉ*', 'zk01*', ...world.holeIds],
        ),
      },
      { weight: 2, arbitrary: term(['province', '省', 'prov'], world.provinces) },
      {
        weight: 2,
        arbitrary: term(
          ['commodity', '矿种'],
          ['Cu', '铜', 'copper', 'gold', 'W', 'Mo', 'bauxite', 'coal', 'REE', 'unobtainium'],
        ),
      },
      { weight: 2, arbitrary: term(['class', '类别'], ['I', 'II', 'III', '一类', '3']) },
      {
        weight: 1,
        arbitrary: term(['funding', '资金'], ['central_fiscal', 'local', '自筹', 'enterprise', 'private']),
      },
      {
        weight: 1,
        arbitrary: term(['type', '类型'], [...DEPOSIT_TYPES.map((t) => t.key), '斑岩型', '热液脉型']),
      },
      {
        weight: 1,
        arbitrary: term(['level', '馆级'], ['national', 'provincial', 'depositor', 'entrusted', '国家馆']),
      },
      { weight: 1, arbitrary: term(['custodian', '馆藏'], world.custodians) },
      {
        weight: 1,
        arbitrary: term(['confidentiality', '密级'], ['public', 'internal', 'classified', '涉密']),
      },
      {
        weight: 2,
        arbitrary: term(
          ['has', '有'],
          ['lithology', 'samples', 'boxes', 'surveys', 'images', '岩性', '样品'],
        ),
      },
      {
        weight: 2,
        arbitrary: term(
          ['mode', '模式'],
          ['public_welfare', 'public_loan', 'cooperative', 'trade', 'lease', 'permit', '公益'],
        ),
      },
      {
        weight: 1,
        arbitrary: term(
          ['material', '材料'],
          ['core', 'cuttings', 'specimen', 'thin_section', 'sample', 'other', '岩芯'],
        ),
      },
      { weight: 2, arbitrary: range(['depth', '深度'], [0, 100, 300, 500, 800, 1000, 1200.5, 2000]) },
      { weight: 2, arbitrary: range(['year', '年份'], [1974, 1988, 1990, 1990.5, 2003, 2005, 2010, 2025]) },
      { weight: 1, arbitrary: range(['elevation', '高程'], [-150, 0, 500, 1000, 3000, 4000, 5000]) },
    )
    .map((text): Expr => ({ text, kind: 'leaf' }));
  const group = (e: Expr, when: boolean) => (when ? `(${e.text})` : e.text);
  const expression = (depth: number): fc.Arbitrary<Expr> => {
    if (depth === 0) return leaf;
    const sub = expression(depth - 1);
    const list = fc.array(sub, { minLength: 2, maxLength: 3 });
    return fc.oneof(
      { weight: 3, arbitrary: leaf },
      {
        weight: 2,
        arbitrary: fc.tuple(list, fc.constantFrom(' ', ' AND ', ' 与 ', ' && ')).map(([xs, op]): Expr => ({
          text: xs.map((x) => group(x, x.kind === 'or')).join(op),
          kind: 'and',
        })),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(list, fc.constantFrom(' OR ', ' 或 ', ' || ')).map(([xs, op]): Expr => ({
          text: xs.map((x) => x.text).join(op),
          kind: 'or',
        })),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(sub, fc.constantFrom('NOT ', '-', '非 ')).map(([x, op]): Expr => ({
          text: op + group(x, x.kind !== 'leaf'),
          kind: 'not',
        })),
      },
    );
  };
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 12, arbitrary: expression(3).map((e) => e.text) },
  );
}

type Area = Pick<SearchQuery, 'bbox' | 'polygon' | 'near'>;

const num = (x: number) => String(Number(x.toFixed(5)));
/** Snapped to the 0.05° grid classified holes are shown on, so edges meet their shown positions. */
const grid = (x: number) => Math.round(x / 0.05) * 0.05;

function areas(world: World): fc.Arbitrary<Area> {
  const anchor = fc
    .tuple(
      fc.constantFrom(...world.anchors),
      fc.integer({ min: -300, max: 300 }),
      fc.integer({ min: -300, max: 300 }),
    )
    .map(([[lon, lat], dx, dy]) => [lon + dx / 1000, lat + dy / 1000] as const);
  const sizes = fc.constantFrom(0.03, 0.2, 1, 4);
  const box = fc.tuple(anchor, sizes, sizes, fc.boolean()).map(([[lon, lat], w, h, snapped]) => {
    const s = snapped ? grid : (x: number) => x;
    const [x0, y0] = [s(lon - w / 2), s(lat - h / 2)];
    return [x0, y0, Math.max(s(lon + w / 2), x0 + 0.05), Math.max(s(lat + h / 2), y0 + 0.05)]
      .map(num)
      .join(',');
  });
  const star = fc
    .tuple(
      anchor,
      fc.constantFrom(0.05, 0.3, 1, 3),
      fc.array(fc.integer({ min: 40, max: 100 }), { minLength: 3, maxLength: 7 }),
      fc.integer({ min: 0, max: 359 }),
    )
    .map(([[lon, lat], r, radii, turn]) => {
      const points = radii.map((f, i) => {
        const angle = ((turn + (360 * i) / radii.length) * Math.PI) / 180;
        return `${num(lon + ((r * f) / 100) * Math.cos(angle))} ${num(lat + ((r * f) / 100) * Math.sin(angle))}`;
      });
      return `POLYGON((${[...points, points[0]].join(', ')}))`;
    });
  const rectangle = box.map((b) => {
    const [x0, y0, x1, y1] = b.split(',');
    return `POLYGON((${x0} ${y0}, ${x1} ${y0}, ${x1} ${y1}, ${x0} ${y1}, ${x0} ${y0}))`;
  });
  const near = fc
    .tuple(anchor, fc.constantFrom(0.5, 3, 10, 40, 150, 600))
    .map(([[lon, lat], km]) => `${num(lon)},${num(lat)},${km}`);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    { weight: 3, arbitrary: box.map((bbox) => ({ bbox })) },
    { weight: 1, arbitrary: fc.constant({ bbox: CHINA }) },
    { weight: 2, arbitrary: star.map((polygon) => ({ polygon })) },
    { weight: 1, arbitrary: rectangle.map((polygon) => ({ polygon })) },
    { weight: 2, arbitrary: near.map((n) => ({ near: n })) },
    { weight: 1, arbitrary: fc.tuple(box, near).map(([bbox, n]) => ({ bbox, near: n })) },
    { weight: 1, arbitrary: fc.tuple(star, near).map(([polygon, n]) => ({ polygon, near: n })) },
  );
}

/** Runs `search` on the columns path, then on the SQL path; the cache is left enabled. */
async function bothPaths<T>(store: Store, search: (path: 0 | 1) => Promise<T>): Promise<[T, T]> {
  const cache = searchColumns(store);
  try {
    cache.enabled = true;
    await cache.ready();
    expect(await cache.current(), 'the columns are current').toBeDefined();
    const columns = await search(0);
    cache.enabled = false;
    return [columns, await search(1)];
  } finally {
    cache.enabled = true;
  }
}

const SORTS = ['id', 'relevance', 'depth', '-depth', 'date', '-date'] as const;

async function expectSameAnswers(
  store: Store,
  label: string,
  q: string,
  area: Area,
  limit: number,
  zoom: number,
) {
  for (const sort of area.near ? [...SORTS, 'distance'] : SORTS) {
    const cursors: [string | undefined, string | undefined] = [undefined, undefined];
    for (let page = 1; page <= 3; page++) {
      const facets = sort === 'id' && page === 1 ? 'all' : undefined;
      const [a, b] = await bothPaths(store, (path) =>
        searchBoreholes(store, { q, ...area, sort, limit, facets, cursor: cursors[path] }),
      );
      const { next_cursor: nextA, ...restA } = a;
      const { next_cursor: nextB, ...restB } = b;
      expect(restB, `${label} sort=${sort} page ${page}: SQL path vs columns`).toEqual(restA);
      expect(nextB === null, `${label} sort=${sort} page ${page}: more pages`).toBe(nextA === null);
      // Distance keys are kept to the millimetre on every path, so even those cursors are the same.
      expect(nextB, `${label} sort=${sort} page ${page}: cursor`).toBe(nextA);
      if (nextA === null || nextB === null) break;
      [cursors[0], cursors[1]] = [nextA, nextB];
    }
  }
  let cursor: string | undefined;
  for (let page = 1; page <= 3; page++) {
    const [a, b] = await bothPaths(store, () =>
      searchCatalog(store, { q, ...area, limit: limit * 2, cursor }),
    );
    expect(b, `${label} catalog page ${page}: SQL path vs columns`).toEqual(a);
    if (a.next_cursor === null) break;
    cursor = a.next_cursor;
  }
  const [a, b] = await bothPaths(store, () =>
    searchClusters(store, { q, ...area, bbox: area.bbox ?? CHINA, zoom }),
  );
  const features = (fs: typeof a.features) =>
    fs
      .map((f) => ({
        lon: f.geometry.coordinates[0]!,
        lat: f.geometry.coordinates[1]!,
        properties: f.properties,
      }))
      .sort((x, y) => x.lon - y.lon || x.lat - y.lat);
  const [fa, fb] = [features(a.features), features(b.features)];
  expect(
    fb.map((f) => f.properties),
    `${label} clusters zoom ${zoom}`,
  ).toEqual(fa.map((f) => f.properties));
  fa.forEach((f, i) => {
    expect(Math.abs(fb[i]!.lon - f.lon), `${label} clusters zoom ${zoom}: lon of ${i}`).toBeLessThanOrEqual(
      1e-9,
    );
    expect(Math.abs(fb[i]!.lat - f.lat), `${label} clusters zoom ${zoom}: lat of ${i}`).toBeLessThanOrEqual(
      1e-9,
    );
  });
}

/** Everything a search matches, both ways: holes and catalog records, counted and listed. */
async function expectSameMatches(store: Store, label: string, query: Omit<SearchQuery, 'limit'>) {
  const [a, b] = await bothPaths(store, () => searchBoreholes(store, { ...query, limit: 5000 }));
  const holes = (r: typeof a) => ({
    total: r.total,
    catalog_total: r.catalog_total,
    ids: r.items.map((i) => i.id),
  });
  expect(holes(b), `${label}: boreholes, SQL path vs columns`).toEqual(holes(a));
  const [c, d] = await bothPaths(store, () => searchCatalog(store, { ...query, limit: 5000 }));
  const records = (r: typeof c) => ({ total: r.total, ids: r.items.map((i) => i.id) });
  expect(records(d), `${label}: catalog, SQL path vs columns`).toEqual(records(c));
}

eachEngine('search columns and SQL agree', ({ engine, fresh }) => {
  let store: Store;
  let world: World;
  beforeAll(async () => {
    store = await fresh();
    await loadDemo(store, { boreholes: 1500, catalog: 3000 });
    await fillGaps(store);
    await updateSearchIndex(store);
    await setOfferedModes(store);
    world = await vocabulary(store);
  }, 120_000);

  it('keeps holes without a province under NOT province: on both paths', async () => {
    const code = world.provinces[0]!;
    const holes = await store.db.selectFrom('borehole').select(['public_id', 'province_code']).execute();
    const kept = holes.filter((h) => h.province_code !== code);
    const withoutProvince = holes.filter((h) => h.province_code === null).map((h) => h.public_id);
    expect(withoutProvince.length).toBeGreaterThan(0);
    for (const q of [`NOT province:${code}`, `-省:${code}`]) {
      for (const result of await bothPaths(store, () => searchBoreholes(store, { q, limit: 5000 }))) {
        expect(result.total, q).toBe(kept.length);
        expect(result.items.map((i) => i.id)).toEqual(expect.arrayContaining(withoutProvince));
      }
    }
  });

  it('keeps catalog records without a borehole under NOT class:III on both paths', async () => {
    const records = await store.db
      .selectFrom('catalog_record as r')
      .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
      .select(['r.public_id', 'r.borehole_id', 'b.core_class'])
      .execute();
    const kept = records.filter((r) => r.core_class !== 'III');
    const withoutHole = records.filter((r) => r.borehole_id === null).map((r) => r.public_id);
    expect(withoutHole.length).toBeGreaterThan(0);
    for (const result of await bothPaths(store, () =>
      searchCatalog(store, { q: 'NOT class:III', limit: 5000 }),
    )) {
      expect(result.total).toBe(kept.length);
      expect(result.items.map((i) => i.id)).toEqual(expect.arrayContaining(withoutHole));
    }
    const [a, b] = await bothPaths(store, () => searchBoreholes(store, { q: 'NOT class:III', limit: 1 }));
    expect(b.catalog_total).toBe(a.catalog_total);
    expect(a.catalog_total).toBe(kept.length);
  });

  it('reads fractional year bounds alike (catalog years are whole numbers)', async () => {
    for (const q of ['year<=1990.5', 'year>1990.5', '年份:1974..1990.5'])
      await expectSameMatches(store, `[${engine}] q=${q}`, { q });
  });

  it('matches hole-id prefixes alike whatever the letters (zké2, zk_a01, ZK%9)', async () => {
    for (const q of ['id:zk_*', 'id:ZK%*', 'id:zk0*', 'id:ZKÉ*', 'id:zké*'])
      await expectSameMatches(store, `[${engine}] q=${q}`, { q });
  });

  it('agrees on classified holes shown exactly on the edge of a box or polygon', async () => {
    const holes = await store.db
      .selectFrom('borehole')
      .select(['hole_id', 'lon', 'lat'])
      .where('confidentiality', '=', 'classified')
      .where('lon', 'is not', null)
      .orderBy('id')
      .limit(10)
      .execute();
    const ring = (points: Array<[number, number]>) =>
      `POLYGON((${[...points, points[0]!].map(([x, y]) => `${num(x)} ${num(y)}`).join(', ')}))`;
    for (const h of holes) {
      const shown = publishedPosition(h, 'classified');
      const [x, y] = [shown.lon!, shown.lat!];
      const edges: Area[] = [
        { bbox: [x, y, x + 0.2, y + 0.2].map(num).join(',') },
        {
          polygon: ring([
            [x, y - 0.1],
            [x + 0.2, y - 0.1],
            [x + 0.2, y + 0.2],
            [x, y + 0.2],
          ]),
        },
        ...[0.05, 0.1, 0.15].flatMap((d): Area[] => [
          {
            polygon: ring([
              [x - d, y - d],
              [x + d, y + d],
              [x + d, y - d],
            ]),
          },
          {
            polygon: ring([
              [x - d, y + d],
              [x + d, y - d],
              [x + d, y + d],
            ]),
          },
        ]),
      ];
      const q = `id:${h.hole_id}`;
      for (const area of edges)
        await expectSameMatches(store, `[${engine}] q=${q} area=${JSON.stringify(area)}`, { q, ...area });
    }
  });

  it('agrees on holes at the edge of a circle', async () => {
    const holes = await store.db
      .selectFrom('borehole')
      .select(['hole_id', 'lon', 'lat'])
      .where('confidentiality', '<>', 'classified')
      .where('lon', 'is not', null)
      .orderBy('id')
      .limit(3)
      .execute();
    for (const h of holes) {
      const [lon, lat] = [Number((h.lon! + 0.9).toFixed(4)), Number((h.lat! + 0.6).toFixed(4))];
      const d = distanceKm(h.lon!, h.lat!, lon, lat);
      const q = `id:${h.hole_id}`;
      for (const f of [1 - 1e-6, 1 + 1e-6, 1 + 5e-6]) {
        const near = `${lon},${lat},${(d * f).toFixed(9)}`;
        await expectSameMatches(store, `[${engine}] q=${q} near=${near}`, { q, near });
      }
    }
  });

  it('continues a cursor issued by the other path (the cache may switch between pages)', async () => {
    const [lon, lat] = world.anchors[0]!;
    const near = `${num(lon)},${num(lat)},300`;
    for (const sort of [...SORTS, 'distance']) {
      const first = await bothPaths(store, () => searchBoreholes(store, { near, sort, limit: 7 }));
      for (const issuer of [0, 1] as const) {
        const cursor = first[issuer].next_cursor!;
        const [a, b] = await bothPaths(store, () => searchBoreholes(store, { near, sort, limit: 7, cursor }));
        const label = `[${engine}] near=${near} sort=${sort}: page 2 after the ${issuer ? 'SQL' : 'columns'} path's cursor`;
        expect(
          b.items.map((i) => i.id),
          label,
        ).toEqual(a.items.map((i) => i.id));
      }
    }
  });

  it('answers words alike when the vocabulary phrases are held in memory (as on large stores)', async () => {
    const cache = searchColumns(store);
    cache.vocabulary = true;
    try {
      // A new epoch: the next build reads the vocabulary phrases' matches.
      await store.db
        .updateTable('search_epoch')
        .set({ n: sql`n + 1` })
        .execute();
      await cache.ready();
      expect((await cache.current())?.phrasesHeld, 'vocabulary phrases held').toBeGreaterThan(50);
      const cases = fc.record({
        q: queries(world),
        area: areas(world),
        limit: fc.constant(12),
        zoom: fc.constant(5),
      });
      await fc.assert(
        fc.asyncProperty(cases, async ({ q, area, limit, zoom }) => {
          const label = `[${engine}, vocabulary] q=${JSON.stringify(q)} area=${JSON.stringify(area)}`;
          await expectSameAnswers(store, label, q, area, limit, zoom);
        }),
        { seed: 7, numRuns: 30 },
      );
      // Words outside the vocabulary are learned from the engine's first answer, then used in
      // other texts; words the held ones leave nothing to match need not be asked at all.
      const names = world.words.filter((w) => /^\p{Script=Han}{4,}$/u.test(w)).slice(0, 4);
      const learning = names.flatMap((n) => [
        n.slice(2),
        `${n.slice(0, 2)} ${n.slice(2)}`,
        `铜 ${n.slice(2)}`,
      ]);
      for (const q of [
        '铜',
        'copper',
        '稀土 OR 金',
        '湖北 铁矿',
        '斑岩铜矿',
        'NOT 金',
        ...learning,
        '花岗岩钒矿',
      ]) {
        await expectSameAnswers(store, `[${engine}, vocabulary] q=${q}`, q, {}, 12, 5);
      }
    } finally {
      cache.vocabulary = undefined;
    }
  }, 300_000);

  it(`answers ${RUNS} generated searches alike (totals, facets, pages in every order, catalog, clusters)`, async () => {
    const cases = fc.record({
      q: queries(world),
      area: areas(world),
      limit: fc.constantFrom(5, 12),
      zoom: fc.integer({ min: 3, max: 11 }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ q, area, limit, zoom }) => {
        const label = `[${engine}] q=${JSON.stringify(q)} area=${JSON.stringify(area)} limit=${limit} zoom=${zoom}`;
        await expectSameAnswers(store, label, q, area, limit, zoom);
      }),
      { seed: 20261126, numRuns: RUNS },
    );
  }, 300_000);
});
