// The search box end to end: a real collar file imported, indexed, then queried over HTTP, on both
// engines with the same answers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../support/engines.js';
import { addCustodian, tempDir } from '../services/import/import-helpers.js';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { importFile } from '../../src/services/import/import.service.js';
import { updateSearchIndex } from '../../src/services/search/search-indexer.service.js';
import { eligibleModes, SHARING_MODES } from '../../src/domain/sharing-modes.js';
import { systemActor } from '../../src/domain/accounts/access.js';
import { createOffer } from '../../src/services/sharing/offer.service.js';
import type { Store } from '../../src/store/store.js';
import { distanceKm } from '../../src/domain/search/areas.js';

const COLLARS = `hole_id,name,lon,lat,total_depth,deposit,province,commodity,class,custodian,funding,deposit_type,confidentiality,drill_start
ZK1616,西藏甲玛铜多金属矿 ZK1616,91.75,29.72,1205,西藏甲玛铜多金属矿,西藏,铜;钼,I,XZ,central_fiscal,斑岩型,public,2009-05-01
ZK0801,西藏甲玛铜多金属矿 ZK0801,91.76,29.71,640,西藏甲玛铜多金属矿,西藏,铜,II,XZ,local_fiscal,斑岩型,public,1998-07-12
PL-001,云南普朗铜矿 PL-001,99.98,28.01,900,云南普朗铜矿,云南,copper,I,XZ,enterprise,porphyry,classified,2004-03-03
DJ-7,贵州务正道铝土矿 DJ-7,107.74,28.59,420,贵州务正道铝土矿,贵州,bauxite,III,XZ,self_funded,沉积型,internal,1987-11-30
`;

const CATALOG = `record_no,title_zh,title_en,material_type,hole_id,custodian,year,province
DZ-54-001,西藏甲玛铜多金属矿ZK1616钻孔岩芯,Drill core of ZK1616,岩芯,ZK1616,XZ,2010,西藏
DZ-54-002,西藏甲玛铜多金属矿ZK0801岩屑,Cuttings of ZK0801,岩屑,ZK0801,XZ,1999,西藏
DZ-53-001,云南普朗铜矿PL-001钻孔岩芯,Drill core of PL-001,岩芯,PL-001,XZ,2005,云南
DZ-53-002,云南普朗铜矿区薄片,Thin sections of the Pulang district,薄片,,XZ,2006,云南
`;

eachEngine('search API', ({ fresh }) => {
  let app: CoreShareApp;
  let store: Store;
  beforeAll(async () => {
    store = await fresh();
    await addCustodian(store, 'XZ');
    const file = join(tempDir(), 'collars.csv');
    writeFileSync(file, COLLARS);
    await importFile(store, { kind: 'collars', path: file, dataset: 'demo' });
    const catalog = join(tempDir(), 'catalog.csv');
    writeFileSync(catalog, CATALOG);
    await importFile(store, { kind: 'catalog', path: catalog, dataset: 'demo' });
    await updateSearchIndex(store);
    app = await buildApp({ store, config: { webDir: '/nonexistent', logLevel: 'silent' }, logger: false });
  });

  const holes = async (q: string) => {
    const res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}&limit=50` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: number; items: Array<{ hole_id: string }> };
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => i.hole_id).sort();
  };

  it('finds Chinese names by any part, ids by prefix, commodities in both languages', async () => {
    expect(await holes('甲玛铜多金属矿')).toEqual(['ZK0801', 'ZK1616']);
    expect(await holes('甲玛')).toEqual(['ZK0801', 'ZK1616']);
    expect(await holes('zk1616')).toEqual(['ZK1616']);
    expect(await holes('id:ZK*')).toEqual(['ZK0801', 'ZK1616']);
    expect(await holes('copper')).toEqual(['PL-001', 'ZK0801', 'ZK1616']);
    expect(await holes('铜')).toEqual(['PL-001', 'ZK0801', 'ZK1616']);
    expect(await holes('coper')).toEqual(['PL-001', 'ZK0801', 'ZK1616']);
    expect(await holes('斑岩铜矿')).toEqual(['PL-001', 'ZK0801', 'ZK1616']);
    expect(await holes('铝土矿')).toEqual(['DJ-7']);
    expect(await holes('')).toEqual(['DJ-7', 'PL-001', 'ZK0801', 'ZK1616']);
  });

  it('answers the Chinese and English forms of a combined query alike', async () => {
    const zh = await holes('铜 省:西藏 深度>800 类别:I');
    expect(zh).toEqual(['ZK1616']);
    expect(await holes('copper province:Tibet depth>800 class:I')).toEqual(zh);
    expect(await holes('深度:500..1000')).toEqual(['PL-001', 'ZK0801']);
    expect(await holes('年份:1990..2005')).toEqual(['PL-001', 'ZK0801']);
    expect(await holes('commodity:Cu -province:西藏')).toEqual(['PL-001']);
    expect(await holes('(省:云南 OR 省:贵州) NOT 类别:III')).toEqual(['PL-001']);
    expect(await holes('type:porphyry')).toEqual(['PL-001', 'ZK0801', 'ZK1616']);
    expect(await holes('资金:自筹')).toEqual(['DJ-7']);
    expect(await holes('密级:涉密')).toEqual(['PL-001']);
    expect(await holes('有:岩性')).toEqual([]);
  });

  it('filters sharing modes: open by an offer, and allowed by the same rule the domain states', async () => {
    expect(await holes('mode:cooperative')).toEqual([]);
    await createOffer(
      store,
      { actor: systemActor('test'), ip: null },
      {
        scope: 'collection',
        custodian: 'XZ',
        modes: [...SHARING_MODES],
        audience: 'everyone',
        fee_kind: 'none',
      },
    );
    const facts = {
      ZK1616: { funding_source: 'central_fiscal', ownership_dispute: false, core_class: 'I' },
      ZK0801: { funding_source: 'local_fiscal', ownership_dispute: false, core_class: 'II' },
      'PL-001': { funding_source: 'enterprise', ownership_dispute: false, core_class: 'I' },
      'DJ-7': { funding_source: 'self_funded', ownership_dispute: false, core_class: 'III' },
    } as const;
    for (const mode of SHARING_MODES) {
      const expected = Object.entries(facts)
        .filter(([, f]) => eligibleModes(f).includes(mode))
        .map(([hole]) => hole)
        .sort();
      expect(await holes(`mode:${mode}`), mode).toEqual(expected);
    }
  });

  it('coarsens classified positions in results', async () => {
    const res = await app.inject({ url: '/api/search?q=PL-001' });
    const item = res.json().items[0];
    expect(item).toMatchObject({ hole_id: 'PL-001', coordinates_coarsened: true, lon: 99.95, lat: 28.05 });
  });

  it('pages with cursors and reports the query as understood', async () => {
    const first = (await app.inject({ url: '/api/search?q=copper&limit=2' })).json();
    expect(first).toMatchObject({ total: 3, query: 'copper' });
    expect(first.items).toHaveLength(2);
    const second = (
      await app.inject({ url: `/api/search?q=copper&limit=2&cursor=${first.next_cursor}` })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.next_cursor).toBeNull();
    const understood = (
      await app.inject({ url: `/api/search?q=${encodeURIComponent('省:西藏 类别:一类')}` })
    ).json();
    expect(understood.query).toBe('province:540000 class:I');
  });

  it('searches a map box, classified holes by their published cell only (edges reveal nothing)', async () => {
    const inBox = async (bbox: string, q = '') => {
      const res = await app.inject({ url: `/api/search?bbox=${bbox}&q=${encodeURIComponent(q)}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Array<{ hole_id: string }>).map((i) => i.hole_id).sort();
    };
    expect(await inBox('91,29,92,30')).toEqual(['ZK0801', 'ZK1616']);
    expect(await inBox('91,29,92,30', 'zk1616')).toEqual(['ZK1616']);
    // PL-001 lies at 99.98, 28.01 and is shown at the cell centre 99.95, 28.05.
    expect(await inBox('99.97,28.00,99.99,28.02')).toEqual([]);
    expect(await inBox('99.94,28.04,99.96,28.06')).toEqual(['PL-001']);
    // Moving the west edge east, the hole vanishes where it is shown, not where it is.
    let inside = 99.9;
    let outside = 100.0;
    for (let i = 0; i < 30; i++) {
      const mid = (inside + outside) / 2;
      if ((await inBox(`${mid},27,101,29`)).includes('PL-001')) inside = mid;
      else outside = mid;
    }
    expect(inside).toBeCloseTo(99.95, 6);
  });

  it('searches a drawn polygon and a radius by published positions on both engines', async () => {
    const found = async (params: string) => {
      const res = await app.inject({ url: `/api/search?${params}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Array<{ hole_id: string }>).map((i) => i.hole_id).sort();
    };
    const tibet = encodeURIComponent('POLYGON((91 29, 92.5 29, 92.5 30.5, 91 30.5, 91 29))');
    expect(await found(`polygon=${tibet}`)).toEqual(['ZK0801', 'ZK1616']);
    const geojson = encodeURIComponent(
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [99, 27],
            [101, 27],
            [100, 29],
            [99, 27],
          ],
        ],
      }),
    );
    expect(await found(`polygon=${geojson}`)).toEqual(['PL-001']);
    expect(await found(`near=${encodeURIComponent('91.75,29.72,5')}`)).toEqual(['ZK0801', 'ZK1616']);
    expect(await found(`near=${encodeURIComponent('91.75,29.72,0.5')}&q=zk1616`)).toEqual(['ZK1616']);
    // PL-001 is at 99.98, 28.01 and shown at 99.95, 28.05: a small circle on the truth finds nothing,
    // one on the shown position finds it, and shrinking a circle converges on the shown position.
    expect(await found(`near=${encodeURIComponent('99.98,28.01,1')}`)).toEqual([]);
    expect(await found(`near=${encodeURIComponent('99.95,28.05,0.1')}`)).toEqual(['PL-001']);
    let inside = 20;
    let outside = 0;
    for (let i = 0; i < 25; i++) {
      const km = (inside + outside) / 2;
      if ((await found(`near=${encodeURIComponent(`99.98,28.01,${km}`)}`)).includes('PL-001')) inside = km;
      else outside = km;
    }
    expect(inside).toBeCloseTo(distanceKm(99.98, 28.01, 99.95, 28.05), 3);
  });

  it('answers bad polygons and circles with a 400 naming the problem', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['polygon', 'POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))', /intersects itself/],
      ['polygon', 'POLYGON((179 0, -179 0, -179 1, 179 0))', /antimeridian/],
      ['polygon', 'POLYGON((0 0, 1 0, 0 0))', /at least 3/],
      ['polygon', 'POLYGON((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))', /holes/],
      ['polygon', 'POLYGON((0 0, 400 0, 4 4, 0 0))', /longitude 400/],
      ['polygon', 'LINESTRING(0 0, 1 1)', /POLYGON/],
      ['polygon', '{"type":"Point","coordinates":[0,0]}', /GeoJSON Polygon/],
      ['near', '91,29', /three numbers/],
      ['near', '91,29,-5', /radius/],
      ['near', '91,95,5', /latitude 95/],
    ];
    for (const [field, value, message] of cases) {
      const res = await app.inject({ url: `/api/search?${field}=${encodeURIComponent(value)}` });
      expect(res.statusCode, value).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
      expect(res.json().errors[0].message, value).toMatch(message);
      expect(res.json().errors[0].message_zh, value).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers a bad box with a 400 naming the problem', async () => {
    for (const bbox of ['1,2,3', '92,29,91,30', '91,30,92,29', '-200,0,0,10', '91,29,92,x', '1e400,0,0,0']) {
      const res = await app.inject({ url: `/api/search?bbox=${encodeURIComponent(bbox)}` });
      expect(res.statusCode, bbox).toBe(400);
      expect(res.json().errors[0].field).toBe('bbox');
      expect(res.json().errors[0].message_zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('counts facets over all matching boreholes, and each count is what its filter finds', async () => {
    const res = await app.inject({ url: '/api/search?q=copper&facets=all&limit=1' });
    expect(res.statusCode, res.body).toBe(200);
    const { facets, total } = res.json();
    expect(total).toBe(3);
    expect(facets.province).toEqual([
      { value: '540000', count: 2 },
      { value: '530000', count: 1 },
    ]);
    expect(facets.type).toEqual([{ value: 'porphyry', count: 3 }]);
    expect(facets.class).toEqual([
      { value: 'I', count: 2 },
      { value: 'II', count: 1 },
    ]);
    expect(facets.commodity).toEqual([
      { value: 'Cu', count: 3 },
      { value: 'Mo', count: 1 },
    ]);
    expect(facets.depth).toEqual([
      { value: '500-1000', count: 2 },
      { value: '1000-2000', count: 1 },
    ]);
    expect(facets.decade).toEqual([
      { value: '1990s', count: 1 },
      { value: '2000s', count: 2 },
    ]);
    expect(facets.custodian).toEqual([{ value: 'XZ', count: 3 }]);
    expect(facets.has).toEqual([]);
    // A facet value, used as a filter, finds exactly its count.
    for (const [field, counts] of Object.entries(facets) as Array<
      [string, Array<{ value: string; count: number }>]
    >) {
      if (field === 'depth' || field === 'decade') continue;
      for (const { value, count } of counts)
        expect(await holes(`copper ${field}:${value}`), `${field}:${value}`).toHaveLength(count);
    }
    const bad = await app.inject({ url: '/api/search?facets=province,colour' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'facets' });
  });

  it('exports every match as CSV or GeoJSON with published positions only', async () => {
    const csv = await app.inject({ url: `/api/search/export?q=${encodeURIComponent('copper')}&format=csv` });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="coreshare-search.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'id,dataset,hole_id,name,lon,lat,coordinates_coarsened,province,total_depth,class,commodities,deposit,custodian',
    );
    expect(lines).toHaveLength(4);
    const pl = lines.find((l) => l.includes('PL-001'))!;
    expect(pl).toContain(',99.95,28.05,yes,');
    expect(csv.body).not.toContain('99.98');
    const geo = await app.inject({
      url: `/api/search/export?near=${encodeURIComponent('91.75,29.72,5')}&format=geojson`,
    });
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = JSON.parse(geo.body);
    expect(collection.type).toBe('FeatureCollection');
    expect(
      collection.features.map((f: { properties: { hole_id: string } }) => f.properties.hole_id).sort(),
    ).toEqual(['ZK0801', 'ZK1616']);
    expect(collection.features[0].geometry.type).toBe('Point');
    const bad = await app.inject({ url: `/api/search/export?q=${encodeURIComponent('(铜')}` });
    expect(bad.statusCode).toBe(400);
  });

  it('sorts by depth, date and distance, paging through every match once', async () => {
    const walk = async (params: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await app.inject({
          url: `/api/search?limit=1&${params}${cursor ? `&cursor=${cursor}` : ''}`,
        });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { items: Array<{ hole_id: string }>; next_cursor: string | null };
        seen.push(...body.items.map((i) => i.hole_id));
        cursor = body.next_cursor;
      } while (cursor);
      return seen;
    };
    expect(await walk('sort=depth')).toEqual(['DJ-7', 'ZK0801', 'PL-001', 'ZK1616']);
    expect(await walk('sort=-depth')).toEqual(['ZK1616', 'PL-001', 'ZK0801', 'DJ-7']);
    expect(await walk('sort=date')).toEqual(['DJ-7', 'ZK0801', 'PL-001', 'ZK1616']);
    expect(await walk('sort=-date&q=copper')).toEqual(['ZK1616', 'PL-001', 'ZK0801']);
    // Distance to the published position: PL-001 is measured from its cell centre.
    expect(await walk(`sort=distance&near=${encodeURIComponent('99.95,28.05,2000')}`)).toEqual([
      'PL-001',
      'DJ-7',
      'ZK0801',
      'ZK1616',
    ]);
    const depthCursor = (await app.inject({ url: '/api/search?limit=1&sort=depth' })).json().next_cursor;
    const mixed = await app.inject({ url: `/api/search?limit=1&sort=date&cursor=${depthCursor}` });
    expect(mixed.statusCode).toBe(400);
    expect((await app.inject({ url: '/api/search?sort=distance' })).json().errors[0].field).toBe('sort');
    expect((await app.inject({ url: '/api/search?sort=colour' })).statusCode).toBe(400);
  });

  it('finds catalog records with the same search, by their own fields and through their hole', async () => {
    const records = async (params: string) => {
      const res = await app.inject({ url: `/api/search/catalog?${params}` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        total: number;
        items: Array<{ record_no: string; borehole_id: string | null }>;
      };
      expect(body.total).toBe(body.items.length);
      return body.items.map((i) => i.record_no).sort();
    };
    const q = (text: string) => `q=${encodeURIComponent(text)}`;
    expect(await records(q('甲玛'))).toEqual(['DZ-54-001', 'DZ-54-002']);
    expect(await records(q('普朗 material:thin_section'))).toEqual(['DZ-53-002']);
    expect(await records(q('材料:岩芯 省:云南'))).toEqual(['DZ-53-001']);
    expect(await records(q('copper 类别:I'))).toEqual(['DZ-53-001', 'DZ-54-001']);
    expect(await records(q('年份:2000..2010 深度>700'))).toEqual(['DZ-53-001', 'DZ-54-001']);
    expect(await records(`bbox=91,29,92,30`)).toEqual(['DZ-54-001', 'DZ-54-002']);
    expect(await records(q('cuttings'))).toEqual(['DZ-54-002']);
    const both = (await app.inject({ url: `/api/search?${q('甲玛')}` })).json();
    expect(both).toMatchObject({ total: 2, catalog_total: 2 });
    const item = (await app.inject({ url: `/api/search/catalog?${q('DZ-53-001')}` })).json().items[0];
    expect(item.borehole_id).toMatch(/^CSB/);
  });

  it('clusters what a search finds for the map, classified holes at their published cell', async () => {
    const clusters = async (params: string) => {
      const res = await app.inject({ url: `/api/search/clusters?${params}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().features as Array<{
        geometry: { coordinates: number[] };
        properties: Record<string, unknown>;
      }>;
    };
    const china = await clusters(`bbox=73,18,135,54&zoom=4&q=copper`);
    const tibet = china.find((f) => f.properties.cluster === true)!;
    expect(tibet.properties.point_count).toBe(2);
    const pulang = china.find((f) => f.properties.cluster !== true)!;
    expect(pulang.geometry.coordinates).toEqual([99.95, 28.05]);
    expect(pulang.properties.name).toBe('云南普朗铜矿 PL-001');
    expect(china).toHaveLength(2);
    const close = await clusters(`bbox=91,29,92,30&zoom=14`);
    expect(close.map((f) => f.properties.cluster ?? false)).toEqual([false, false]);
    expect((await app.inject({ url: '/api/search/clusters?zoom=4' })).statusCode).toBe(400);
  });

  it('marks where each name matched the query words', async () => {
    const res = await app.inject({ url: `/api/search?q=${encodeURIComponent('甲玛 copper zk1616')}` });
    const hit = res.json().items[0];
    expect(hit.name).toBe('西藏甲玛铜多金属矿 ZK1616');
    const marked = (hit.highlight.name as Array<[number, number]>).map(([a, b]) => hit.name.slice(a, b));
    expect(marked).toEqual(['甲玛铜', 'ZK1616']);
    const none = await app.inject({ url: '/api/search?q=province:540000' });
    expect(none.json().items[0].highlight).toBeUndefined();
  });

  it('answers bad queries with a 400 pointing at the token, never a 500', async () => {
    const cases = ['铜 AND', '(铜', 'foo:bar', '深度:1500..500', '省:火星', 'x'.repeat(1500), '" OR 1=1 --'];
    for (const q of cases) {
      const res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(400);
      const problem = res.json();
      expect(problem.type).toBe('urn:coreshare:problem:invalid_input');
      expect(problem.errors[0]).toMatchObject({ field: 'q', position: expect.any(Number) });
      expect(problem.errors[0].message_zh).toBeTruthy();
    }
    for (const q of ["'; DROP TABLE borehole; --", '𝕏 ‮ 🤖', '\u0000']) {
      const res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}` });
      expect([200, 400], q).toContain(res.statusCode);
    }
    expect((await app.inject({ url: '/api/search?q=' + 'x'.repeat(10_000) })).statusCode).toBe(400);
    expect(await holes('')).toHaveLength(4);
  });
});

eachEngine('search fields API', ({ fresh }) => {
  it('lists the language fields in both languages for the help page', async () => {
    const app = await buildApp({
      store: await fresh(),
      config: { webDir: '/nonexistent', logLevel: 'silent' },
      logger: false,
    });
    const body = (await app.inject({ url: '/api/search/fields' })).json();
    expect(body.limits.maxLength).toBe(1000);
    const depth = body.fields.find((f: { name: string }) => f.name === 'depth');
    expect(depth.aliases.zh).toContain('深度');
    const province = body.fields.find((f: { name: string }) => f.name === 'province');
    expect(province.values).toHaveLength(31);
  });
});
