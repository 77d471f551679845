import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../support/engines.js';
import { seedBoreholes, custodianRow } from '../support/factories.js';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import { publicId } from '../../src/domain/public-id.js';

eachEngine('custodians, catalog and map API', ({ fresh }) => {
  let app: CoreShareApp;
  beforeAll(async () => {
    const store = await fresh();
    await seedBoreholes(store, 30);
    await store.bulk.transaction(async (s) => {
      await s.upsert('custodian', [
        custodianRow('NGAC', {
          level: 'national',
          name_zh: '自然资源部实物地质资料中心',
          province_code: '110000',
        }),
      ]);
      const [ngac, hole] = [
        (await s.findCodes('custodian', ['NGAC'])).get('NGAC')!,
        (await s.findBoreholes('jiama', ['ZK0002'])).get('ZK0002')!,
      ];
      await s.upsert(
        'catalog_record',
        Array.from({ length: 7 }, (_, i) => ({
          public_id: publicId('catalog', `DZ-540000-2013-${i}`),
          record_no: `DZ-540000-2013-${i}`,
          title_zh: `甲玛钻孔岩芯 ${i}`,
          title_en: null,
          material_type: i % 2 ? 'core' : 'thin_section',
          borehole_id: i < 3 ? hole.id : null,
          custodian_id: ngac,
          province_code: '540000',
          quantity: 12,
          unit: '箱',
          year: 2013,
          description: null,
          created_at: '2026-01-01',
          updated_at: '2026-01-01',
        })),
      );
    });
    app = await buildApp({ store, config: { webDir: '/nonexistent', logLevel: 'silent' }, logger: false });
  });

  it('lists custodians with their holdings and shows one', async () => {
    const items = (await app.inject({ url: '/api/custodians' })).json().items as Array<{
      code: string;
      borehole_count: number;
      catalog_count: number;
    }>;
    expect(items.map((c) => [c.code, c.borehole_count, c.catalog_count])).toEqual([
      ['NGAC', 0, 7],
      ['XZ', 30, 0],
    ]);
    expect((await app.inject({ url: '/api/custodians/XZ' })).json()).toMatchObject({
      level: 'provincial',
      borehole_count: 30,
    });
    expect((await app.inject({ url: '/api/custodians/NOPE' })).statusCode).toBe(404);
  });

  it('pages the catalog and filters by material type', async () => {
    const page1 = (await app.inject({ url: '/api/catalog?limit=4' })).json();
    expect(page1.items).toHaveLength(4);
    expect(page1.items[0]).toMatchObject({ record_no: 'DZ-540000-2013-0', custodian_code: 'NGAC' });
    expect(page1.items[0].borehole_id).toMatch(/^CSB/);
    const page2 = (await app.inject({ url: `/api/catalog?limit=4&cursor=${page1.next_cursor}` })).json();
    expect(page2.items).toHaveLength(3);
    expect(page2.next_cursor).toBeNull();
    const sections = (await app.inject({ url: '/api/catalog?material_type=thin_section' })).json();
    expect(sections.items).toHaveLength(4);
    expect((await app.inject({ url: '/api/catalog?material_type=rocks' })).statusCode).toBe(400);
  });

  it('clusters boreholes for the map and splits them when zoomed in', async () => {
    const china = (await app.inject({ url: '/api/map/clusters?bbox=73,18,135,54&zoom=3' })).json();
    const total = china.features.reduce(
      (n: number, f: { properties: { point_count?: number } }) => n + (f.properties.point_count ?? 1),
      0,
    );
    expect(total).toBe(30);
    expect(china.features.some((f: { properties: { cluster?: boolean } }) => f.properties.cluster)).toBe(
      true,
    );
    const close = (await app.inject({ url: '/api/map/clusters?bbox=91.7,29.6,91.9,29.8&zoom=16' })).json();
    expect(close.features[0].properties).toMatchObject({ core_class: 'I' });
    expect(close.features[0].properties.id).toMatch(/^CSB/);
    for (const bad of [
      'bbox=1,2,3&zoom=3',
      'bbox=0,50,10,40&zoom=3',
      'bbox=0,0,200,10&zoom=3',
      'bbox=0,0,1,1&zoom=99',
    ]) {
      const res = await app.inject({ url: `/api/map/clusters?${bad}` });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('says how long the server took in a Server-Timing header, on answers and on problems', async () => {
    for (const url of ['/healthz', '/api/boreholes?limit=2', '/api/boreholes/nope']) {
      const res = await app.inject({ url });
      expect(res.headers['server-timing'], url).toMatch(/^app;dur=\d+\.\d$/);
    }
    // Measured, not a constant: a handler that takes 30 ms is reported as taking about that.
    const timed = await buildApp({
      store: await fresh(),
      config: { webDir: '/nonexistent', logLevel: 'silent' },
      logger: false,
    });
    timed.get('/slow', async () => new Promise((resolve) => setTimeout(() => resolve({}), 30)));
    const res = await timed.inject({ url: '/slow' });
    const ms = Number(/^app;dur=([\d.]+)$/.exec(String(res.headers['server-timing']))?.[1]);
    expect(ms).toBeGreaterThanOrEqual(25);
    expect(ms).toBeLessThan(5_000);
    await timed.close();
  });

  it('serves health, the OpenAPI document and its UI', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'ok' });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/boreholes',
        '/api/boreholes/{id}',
        '/api/custodians',
        '/api/catalog',
        '/api/map/clusters',
        '/healthz',
      ]),
    );
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect((await app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
