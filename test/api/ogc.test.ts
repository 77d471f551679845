// OGC API – Features at /ogc end to end: collars and catalog records imported through the real import
// service, then read over HTTP on both engines, and finally by GDAL's OAPIF driver over a socket.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../support/engines.js';
import { requirement } from '../support/requirements.js';
import { addCustodian, tempDir } from '../services/import/import-helpers.js';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { importFile } from '../../src/services/import/import.service.js';
import { updateSearchIndex } from '../../src/services/search/search-indexer.service.js';
import { CHINA_BOUNDS } from '../../src/domain/china.js';

const COLLARS = `hole_id,name,lon,lat,total_depth,deposit,province,commodity,class,custodian,funding,deposit_type,confidentiality,drill_start
ZK1616,西藏甲玛铜多金属矿 ZK1616,91.75,29.72,1205,西藏甲玛铜多金属矿,西藏,铜;钼,I,XZ,central_fiscal,斑岩型,public,2009-05-01
ZK0801,西藏甲玛铜多金属矿 ZK0801,91.76,29.71,640,西藏甲玛铜多金属矿,西藏,铜,II,XZ,local_fiscal,斑岩型,public,1998-07-12
QL-3,西藏驱龙铜矿 QL-3,91.60,29.62,980,西藏驱龙铜矿,西藏,铜,II,XZ,central_fiscal,斑岩型,public,2005
PL-001,云南普朗铜矿 PL-001,99.98,28.01,900,云南普朗铜矿,云南,copper,I,YN,enterprise,porphyry,classified,2004-03-03
PL-002,云南普朗铜矿 PL-002,99.97,28.02,760,云南普朗铜矿,云南,copper,II,YN,enterprise,porphyry,public,2004-03
DJ-7,贵州务正道铝土矿 DJ-7,107.74,28.59,420,贵州务正道铝土矿,贵州,bauxite,III,XZ,self_funded,沉积型,internal,1987-11-30
`;

const CATALOG = `档案号,题名,资料类型,钻孔编号,保管单位,省份,数量,单位,年份,描述
XZ-2009-0001,甲玛 ZK1616 岩芯,岩芯,ZK1616,XZ,西藏,1205,m,2009,全孔岩芯
XZ-2010-0002,甲玛 ZK1616 光薄片,薄片,ZK1616,XZ,西藏,40,片,2010,
YN-2004-0001,普朗 PL-001 岩芯,岩芯,PL-001,YN,云南,900,m,2004,
XZ-2012-0003,甲玛区域标本,标本,,XZ,西藏,35,件,2012,无钻孔
`;

const ALL_HOLES = ['DJ-7', 'PL-001', 'PL-002', 'QL-3', 'ZK0801', 'ZK1616'];
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

interface Link {
  href: string;
  rel: string;
  type?: string;
}
interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
  links?: Link[];
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
  links: Link[];
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
}

const run = promisify(execFile);
const OGRINFO = '/usr/bin/ogrinfo';
const hasGdal = existsSync(OGRINFO);
if (!hasGdal) requirement('gdal', 'OGC API read by GDAL (OAPIF driver)', 'apt-get install gdal-bin');

/** The path and query of an absolute link, for app.inject. */
const local = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

eachEngine('OGC API – Features', ({ fresh }) => {
  let app: CoreShareApp;
  beforeAll(async () => {
    const store = await fresh();
    await addCustodian(store, 'XZ');
    await addCustodian(store, 'YN');
    const dir = tempDir();
    writeFileSync(join(dir, 'collars.csv'), COLLARS);
    writeFileSync(join(dir, 'catalog.csv'), CATALOG);
    await importFile(store, { kind: 'collars', path: join(dir, 'collars.csv'), dataset: 'demo' });
    await importFile(store, { kind: 'catalog', path: join(dir, 'catalog.csv'), dataset: 'demo' });
    await updateSearchIndex(store);
    app = await buildApp({ store, config: { webDir: '/nonexistent', logLevel: 'silent' }, logger: false });
  });
  afterAll(() => app.close());

  const get = async (url: string, status = 200) => {
    const res = await app.inject({ url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
    return res;
  };
  const page = async (url: string) => (await get(url)).json<FeatureCollection>();
  const holes = async (query: string) => {
    const body = await page(`/ogc/collections/boreholes/items?limit=100&${query}`);
    expect(body.numberMatched).toBe(body.numberReturned);
    return body.features.map((f) => f.properties.hole_id as string).sort();
  };
  const records = async (query: string) => {
    const body = await page(`/ogc/collections/catalog/items?${query}`);
    return body.features.map((f) => f.properties.record_no as string).sort();
  };
  const problem = async (url: string, status = 400) => {
    const res = await get(url, status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.json<{ status: number; detail: string; errors?: Array<{ field: string }> }>();
  };

  it('serves a landing page linking the API definition, docs, conformance and data', async () => {
    const res = await get('/ogc');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const links = res.json<{ title: string; links: Link[] }>().links;
    const rel = (name: string) => links.find((l) => l.rel === name);
    expect(rel('self')?.href).toMatch(/^http:\/\/localhost(:\d+)?\/ogc$/);
    expect(rel('service-desc')).toMatchObject({ type: 'application/vnd.oai.openapi+json;version=3.0' });
    expect(local(rel('service-desc')!.href)).toBe('/api/openapi.json');
    expect(local(rel('service-doc')!.href)).toBe('/api/docs');
    expect(local(rel('conformance')!.href)).toBe('/ogc/conformance');
    expect(local(rel('data')!.href)).toBe('/ogc/collections');
    await get('/ogc?f=json');
  });

  it('declares Core, GeoJSON and OpenAPI 3.0 conformance', async () => {
    const { conformsTo } = (await get('/ogc/conformance')).json<{ conformsTo: string[] }>();
    expect(conformsTo.sort()).toEqual([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
    ]);
  });

  it('describes the boreholes and catalog collections with China as extent, in CRS84', async () => {
    const body = (await get('/ogc/collections')).json<{
      collections: Array<{
        id: string;
        extent: { spatial: { bbox: number[][]; crs: string } };
        crs: string[];
        links: Link[];
      }>;
      links: Link[];
    }>();
    expect(body.collections.map((c) => c.id)).toEqual(['boreholes', 'catalog']);
    expect(body.links.find((l) => l.rel === 'self')).toBeTruthy();
    for (const c of body.collections) {
      expect(c.extent.spatial).toEqual({
        bbox: [[CHINA_BOUNDS.minLon, CHINA_BOUNDS.minLat, CHINA_BOUNDS.maxLon, CHINA_BOUNDS.maxLat]],
        crs: CRS84,
      });
      expect(c.crs).toEqual([CRS84]);
      const itemsLink = c.links.find((l) => l.rel === 'items');
      expect(itemsLink).toMatchObject({ type: 'application/geo+json' });
      expect(local(itemsLink!.href)).toBe(`/ogc/collections/${c.id}/items`);
    }
    const one = (await get('/ogc/collections/boreholes')).json<{ id: string; itemType: string }>();
    expect(one).toMatchObject({ id: 'boreholes', itemType: 'feature' });
  });

  it('pages through next links, every feature exactly once, counts on every page', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/ogc/collections/boreholes/items?limit=4';
    let pages = 0;
    while (url) {
      const res = await get(url);
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
      const body = res.json<FeatureCollection>();
      expect(body).toMatchObject({ type: 'FeatureCollection', numberMatched: 6 });
      expect(body.numberReturned).toBe(body.features.length);
      expect(Date.parse(body.timeStamp)).not.toBeNaN();
      expect(body.links.find((l) => l.rel === 'self')).toMatchObject({ type: 'application/geo+json' });
      seen.push(...body.features.map((f) => f.properties.hole_id as string));
      const next = body.links.find((l) => l.rel === 'next');
      url = next && local(next.href);
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual(ALL_HOLES);

    // A filter and the page size survive in the next link.
    const first = await page('/ogc/collections/boreholes/items?limit=1&province_code=540000');
    const next = first.links.find((l) => l.rel === 'next')!;
    expect(new URL(next.href).searchParams.get('province_code')).toBe('540000');
    expect(new URL(next.href).searchParams.get('limit')).toBe('1');
    expect(first.numberMatched).toBe(3);
  });

  it('serves features with public ids, summary properties and GeoJSON points', async () => {
    const body = await page('/ogc/collections/boreholes/items?hole_id=ZK1616');
    expect(body.features).toHaveLength(1);
    const zk = body.features[0]!;
    expect(zk).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [91.75, 29.72] },
      properties: {
        hole_id: 'ZK1616',
        dataset: 'demo',
        province_code: '540000',
        total_depth: 1205,
        core_class: 'I',
        commodities: ['Cu', 'Mo'],
        drill_start: '2009-05-01',
        custodian_code: 'XZ',
        coordinates_coarsened: false,
      },
    });
    const one = await get(`/ogc/collections/boreholes/items/${zk.id}`);
    expect(one.headers['content-type']).toMatch(/^application\/geo\+json/);
    const feature = one.json<Feature>();
    expect(feature).toMatchObject({ id: zk.id, geometry: zk.geometry, properties: zk.properties });
    expect(feature.links?.map((l) => l.rel).sort()).toEqual(['collection', 'self']);
  });

  it('filters by box, date and property values', async () => {
    expect(await holes('bbox=91,29,92,30')).toEqual(['QL-3', 'ZK0801', 'ZK1616']);
    expect(await holes('bbox=91.7,29.7,91.8,29.8&core_class=I')).toEqual(['ZK1616']);
    expect(await holes('province_code=530000')).toEqual(['PL-001', 'PL-002']);
    expect(await holes('custodian_code=YN')).toEqual(['PL-001', 'PL-002']);
    expect(await holes('commodity=Mo')).toEqual(['ZK1616']);
    expect(await holes('commodity=Cu&core_class=II')).toEqual(['PL-002', 'QL-3', 'ZK0801']);
    expect(await holes('dataset=demo')).toEqual(ALL_HOLES);
    expect(await holes('dataset=other')).toEqual([]);

    expect(await holes('datetime=2009-05-01')).toEqual(['ZK1616']);
    expect(await holes('datetime=2009-05-01T23:30:00Z')).toEqual(['ZK1616']);
    // 08:00 in Beijing on 1 May is still 30 April in UTC.
    expect(await holes('datetime=2009-05-01T07:00:00%2B08:00')).toEqual([]);
    expect(await holes('datetime=1990-01-01/2004-12-31')).toEqual(['PL-001', 'PL-002', 'ZK0801']);
    expect(await holes('datetime=../1990-01-01T00:00:00Z')).toEqual(['DJ-7']);
    expect(await holes('datetime=2005-06-01/..')).toEqual(['QL-3', 'ZK1616']);
    // Dates known only to the year or month stand for the whole year or month.
    expect(await holes('datetime=2004-03-20')).toEqual(['PL-002']);
    expect(await holes('datetime=2005-12-31T12:00:00Z')).toEqual(['QL-3']);
    expect(await holes('datetime=/2004-02-29')).toEqual(['DJ-7', 'ZK0801']);

    expect(await records('material_type=core')).toEqual(['XZ-2009-0001', 'YN-2004-0001']);
    expect(await records('custodian_code=XZ&province_code=540000')).toEqual([
      'XZ-2009-0001',
      'XZ-2010-0002',
      'XZ-2012-0003',
    ]);
    expect(await records('datetime=2010-01-01/2012-01-01')).toEqual(['XZ-2010-0002', 'XZ-2012-0003']);
    expect(await records('bbox=91,29,92,30')).toEqual(['XZ-2009-0001', 'XZ-2010-0002']);
  });

  it('places catalog records at their borehole, or nowhere', async () => {
    const body = await page('/ogc/collections/catalog/items');
    expect(body.numberMatched).toBe(4);
    const byNo = new Map(body.features.map((f) => [f.properties.record_no, f]));
    expect(byNo.get('XZ-2009-0001')?.geometry).toEqual({ type: 'Point', coordinates: [91.75, 29.72] });
    expect(byNo.get('XZ-2012-0003')?.geometry).toBeNull();
    expect(byNo.get('XZ-2012-0003')?.properties.borehole_id).toBeNull();
    const hole = (await page('/ogc/collections/boreholes/items?hole_id=ZK1616')).features[0]!;
    expect(byNo.get('XZ-2009-0001')?.properties).toMatchObject({
      borehole_id: hole.id,
      material_type: 'core',
      year: 2009,
      custodian_code: 'XZ',
    });
  });

  it('shows a classified borehole at its cell centre; box edges cannot reveal where it is', async () => {
    const pl = (await page('/ogc/collections/boreholes/items?hole_id=PL-001')).features[0]!;
    // PL-001 lies at 99.98, 28.01 and is shown at the cell centre 99.95, 28.05.
    expect(pl.geometry?.coordinates).toEqual([99.95, 28.05]);
    expect(pl.properties.coordinates_coarsened).toBe(true);
    const single = (await get(`/ogc/collections/boreholes/items/${pl.id}`)).json<Feature>();
    expect(single.geometry?.coordinates).toEqual([99.95, 28.05]);
    const record = (await page('/ogc/collections/catalog/items?custodian_code=YN')).features[0]!;
    expect(record.geometry?.coordinates).toEqual([99.95, 28.05]);
    expect(record.properties.coordinates_coarsened).toBe(true);

    expect(await holes('bbox=99.975,28.005,99.985,28.015')).toEqual([]);
    expect(await records('bbox=99.975,28.005,99.985,28.015')).toEqual([]);
    expect(await holes('bbox=99.94,28.04,99.96,28.06')).toEqual(['PL-001']);
    expect(await records('bbox=99.94,28.04,99.96,28.06')).toEqual(['YN-2004-0001']);
    // Moving the west edge east, the hole vanishes where it is shown, not where it is.
    let inside = 99.9;
    let outside = 100.0;
    for (let i = 0; i < 30; i++) {
      const mid = (inside + outside) / 2;
      if ((await holes(`bbox=${mid},27,101,29`)).includes('PL-001')) inside = mid;
      else outside = mid;
    }
    expect(inside).toBeCloseTo(99.95, 6);
  });

  it('answers bad parameters with a 400 problem naming the parameter', async () => {
    const items = '/ogc/collections/boreholes/items';
    for (const bbox of ['1,2,3', '92,29,91,30', '-200,0,0,10', '91,29,92,x']) {
      const p = await problem(`${items}?bbox=${encodeURIComponent(bbox)}`);
      expect(p.errors?.[0]?.field, bbox).toBe('bbox');
    }
    for (const datetime of [
      'yesterday',
      '2009-13-01',
      '2009-02-30',
      '2009-05-01T25:00:00Z',
      '2009-05-01T10:00:00',
      '2010-01-01/2009-01-01',
      '../..',
      '2009-01-01/2010-01-01/2011-01-01',
    ]) {
      const p = await problem(`${items}?datetime=${encodeURIComponent(datetime)}`);
      expect(p.errors?.[0]?.field, datetime).toBe('datetime');
    }
    for (const limit of ['0', '-1', 'abc', '1.5']) {
      const p = await problem(`${items}?limit=${limit}`);
      expect(p.errors?.[0]?.field, limit).toMatch(/limit/);
    }
    const unknown = await problem(`${items}?colour=red&material_type=core`);
    expect(unknown.errors?.map((e) => e.field)).toEqual(['colour', 'material_type']);
    expect(unknown.detail).toMatch(/colour, material_type/);
    expect((await problem('/ogc/collections/catalog/items?hole_id=ZK1616')).errors?.[0]?.field).toBe(
      'hole_id',
    );
    expect((await problem('/ogc?foo=1')).errors?.[0]?.field).toBe('foo');
    await problem(`${items}?f=html`);
    expect((await problem(`${items}?cursor=bm9wZQ`)).errors?.[0]?.field).toBe('cursor');
  });

  it('serves a limit above the maximum as the maximum, as the standard asks', async () => {
    const body = await page('/ogc/collections/boreholes/items?limit=50000');
    expect(body.numberReturned).toBe(6);
    expect(new URL(body.links.find((l) => l.rel === 'self')!.href).searchParams.get('limit')).toBe('10000');
  });

  it('answers an unknown collection or feature with a 404 problem', async () => {
    await problem('/ogc/collections/cores', 404);
    await problem('/ogc/collections/cores/items', 404);
    await problem('/ogc/collections/cores/items/X1', 404);
    const p = await problem('/ogc/collections/boreholes/items/CSBNOSUCHHOLE', 404);
    expect(p.detail).toMatch(/CSBNOSUCHHOLE/);
    await problem('/ogc/collections/catalog/items/CSBNOSUCHHOLE', 404);
  });

  it('lists the OGC resources in the OpenAPI document, each collection with its own filters', async () => {
    const doc = (await get('/api/openapi.json')).json<{
      paths: Record<string, { get?: { tags?: string[]; parameters?: Array<{ name: string; in: string }> } }>;
    }>();
    for (const path of [
      '/ogc',
      '/ogc/conformance',
      '/ogc/collections',
      '/ogc/collections/{collectionId}',
      '/ogc/collections/boreholes/items',
      '/ogc/collections/boreholes/items/{featureId}',
      '/ogc/collections/catalog/items',
      '/ogc/collections/catalog/items/{featureId}',
    ])
      expect(doc.paths[path]?.get?.tags, path).toEqual(['ogc']);
    const parameters = (path: string) =>
      (doc.paths[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(parameters('/ogc/collections/boreholes/items')).toEqual(
      expect.arrayContaining(['limit', 'bbox', 'datetime', 'province_code', 'commodity', 'hole_id']),
    );
    expect(parameters('/ogc/collections/catalog/items')).toEqual(
      expect.arrayContaining(['limit', 'bbox', 'datetime', 'material_type']),
    );
    expect(parameters('/ogc/collections/catalog/items')).not.toContain('hole_id');
  });

  it.skipIf(!hasGdal)(
    'is read by GDAL: layers, fields, feature count, paging and coarsened positions',
    async () => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP address');
      const source = `OAPIF:http://127.0.0.1:${address.port}/ogc`;
      // Never route the loopback through a proxy the environment may name.
      const env = { ...process.env, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1', GDAL_HTTP_TIMEOUT: '30' };
      const gdal = (command: string, args: string[]) =>
        run(command, args, { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });

      const summary = await gdal(OGRINFO, ['-ro', '-al', '-so', source, 'boreholes']);
      expect(summary.stdout).toMatch(/Layer name: boreholes/);
      expect(summary.stdout).toMatch(/Geometry: Point/);
      expect(summary.stdout).toMatch(/Feature Count: 6/);
      // GDAL infers field types from the first page: whole depths read as Integer, others as Real.
      for (const field of [/hole_id: String/, /total_depth: (Integer|Real)/, /commodities: StringList/])
        expect(summary.stdout).toMatch(field);
      expect(summary.stdout).toMatch(/coordinates_coarsened: Integer\(Boolean\)/);

      const layers = await gdal(OGRINFO, ['-ro', '-q', source]);
      expect(layers.stdout).toMatch(/boreholes/);
      expect(layers.stdout).toMatch(/catalog/);

      // A page size of 2 makes GDAL follow our next links through three pages.
      const exported = await gdal('/usr/bin/ogr2ogr', [
        '-f',
        'GeoJSON',
        '/vsistdout/',
        '-oo',
        'PAGE_SIZE=2',
        source,
        'boreholes',
      ]);
      const geojson = JSON.parse(exported.stdout) as { features: Feature[] };
      expect(geojson.features.map((f) => f.properties.hole_id).sort()).toEqual(ALL_HOLES);
      const pl = geojson.features.find((f) => f.properties.hole_id === 'PL-001')!;
      expect(pl.geometry?.coordinates).toEqual([99.95, 28.05]);
    },
  );
});
