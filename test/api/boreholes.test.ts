import { beforeAll, describe, expect, it } from 'vitest';
import { eachEngine } from '../support/engines.js';
import { seedBoreholes, boreholeRow } from '../support/factories.js';
import { buildApp, type CoreShareApp } from '../../src/api/app.js';
import type { Store } from '../../src/store/store.js';

const config = { webDir: '/nonexistent', logLevel: 'silent' as const };

eachEngine('boreholes API', ({ fresh }) => {
  let app: CoreShareApp;
  let store: Store;
  beforeAll(async () => {
    store = await fresh();
    await seedBoreholes(store, 120);
    app = await buildApp({ store, config, logger: false });
  });

  it('pages through every borehole with keyset cursors and no duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): unknown } = await app.inject({
        url: `/api/boreholes?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        items: Array<{ id: string; commodities: string[] }>;
        next_cursor: string | null;
      };
      seen.push(...body.items.map((i) => i.id));
      expect(body.items[0]?.commodities).toEqual(['Cu', 'Mo']);
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it('filters by custodian and answers 404 for an unknown one', async () => {
    const res = await app.inject({ url: '/api/boreholes?custodian=XZ&limit=5' });
    expect(res.json().items).toHaveLength(5);
    const missing = await app.inject({ url: '/api/boreholes?custodian=NOPE' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('returns one borehole with its column, trace and boxes', async () => {
    const list = await app.inject({ url: '/api/boreholes?limit=1' });
    const id = list.json().items[0].id as string;
    const res = await app.inject({ url: `/api/boreholes/${id}` });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({
      hole_id: 'ZK0001',
      core_class: 'I',
      custodian: { code: 'XZ', level: 'provincial' },
    });
    expect(b.lithology.map((l: { name_zh: string }) => l.name_zh)).toEqual([
      '第四系覆盖层',
      '花岗闪长斑岩',
      '矽卡岩',
    ]);
    expect(b.trace.at(-1).depth).toBe(500);
    expect(b.trace.at(-1).elevation).toBeLessThan(-450);
    expect(b.boxes[0]).toMatchObject({ box_no: '1', shelf_location: 'A-01-01-1' });
  });

  it('answers problem details for bad input, never a 500', async () => {
    for (const url of [
      '/api/boreholes?limit=0',
      '/api/boreholes?limit=abc',
      '/api/boreholes?cursor=%%%',
      '/api/boreholes?province=xx',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ status: 400, title: 'Bad Request' });
    }
    const notFound = await app.inject({ url: '/api/boreholes/CSB000000000000' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().detail).toContain('CSB000000000000');
  });

  it('coarsens the position of a classified borehole everywhere it is published', async () => {
    await store.bulk.transaction((s) =>
      s.upsert('borehole', [
        boreholeRow('SECRET1', { lon: 91.7512345, lat: 29.7254321, confidentiality: 'classified' }),
      ]),
    );
    const list = await app.inject({ url: '/api/boreholes?limit=1000' });
    const item = list.json().items.find((i: { hole_id: string }) => i.hole_id === 'SECRET1');
    expect(item).toMatchObject({ lon: 91.75, lat: 29.75, coordinates_coarsened: true });
    const detail = (await app.inject({ url: `/api/boreholes/${item.id}` })).json();
    expect(detail).toMatchObject({ lon: 91.75, lat: 29.75, src_x: null, src_y: null });
  });
});

describe('unexpected errors', () => {
  it('hide internals behind a plain 500 problem', async () => {
    const broken = {
      engine: 'sqlite',
      db: {
        selectFrom: () => {
          throw new Error('SQLITE secret path /var/x');
        },
      },
    } as unknown as Store;
    const app = await buildApp({ store: broken, config, logger: false });
    const res = await app.inject({ url: '/api/boreholes' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json()).toMatchObject({ status: 500, title: 'Internal Server Error' });
  });
});
