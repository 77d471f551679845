import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { exportRows, type ExportOptions } from '../../../src/services/import/export.service.js';
import { importFile } from '../../../src/services/import/import.service.js';
import type { Store } from '../../../src/store/store.js';
import { eachEngine } from '../../support/engines.js';
import { addCustodian, fixture, tempDir } from './import-helpers.js';

async function exportTo(store: Store, options: ExportOptions): Promise<string> {
  const file = join(tempDir(), `export.${options.format}`);
  const parts: string[] = [];
  await exportRows(store.db, { pageSize: 2, ...options }, async (chunk) => {
    parts.push(chunk);
  });
  writeFileSync(file, parts.join(''));
  return file;
}

const boreholes = (store: Store) =>
  store.db
    .selectFrom('borehole as b')
    .leftJoin('custodian as c', 'c.id', 'b.custodian_id')
    .selectAll('b')
    .select('c.code')
    .orderBy('b.dataset')
    .orderBy('b.hole_id')
    .execute()
    .then((rows) => rows.map(({ id: _i, custodian_id: _c, created_at: _a, updated_at: _u, ...r }) => r));

eachEngine('export', ({ fresh }) => {
  it('writes boreholes as CSV that imports back to the same rows (geographic, GK and local grids)', async () => {
    const source = await fresh();
    await addCustodian(source, 'XZ');
    await importFile(source, {
      kind: 'collars',
      path: fixture('collars-zh-utf8-bom.csv'),
      dataset: 'qulong',
    });
    await importFile(source, {
      kind: 'collars',
      path: fixture('collars-gk-zone38.csv'),
      dataset: 'gk',
      crs: 'EPSG:4526',
    });
    const local = join(tempDir(), 'local.csv');
    writeFileSync(local, 'bhid,x,y,z\nL1,1000.5,2000.25,100\n');
    await importFile(source, { kind: 'collars', path: local, dataset: 'mine', crs: 'LOCAL', units: 'ft' });

    const target = await fresh();
    await addCustodian(target, 'XZ');
    for (const dataset of ['qulong', 'gk', 'mine']) {
      const csv = await exportTo(source, { kind: 'boreholes', format: 'csv', dataset });
      const report = await importFile(target, { kind: 'collars', path: csv, dataset });
      expect(report.rejected).toBe(0);
      expect(report.ignoredColumns).toEqual(['dataset', 'public_id', 'wgs84_lon', 'wgs84_lat']);
    }
    expect(await boreholes(target)).toEqual(await boreholes(source));
    const all = readFileSync(await exportTo(source, { kind: 'boreholes', format: 'csv' }), 'utf8')
      .trim()
      .split('\n');
    expect(all).toHaveLength(1 + 3 + 2 + 1);
    expect(all[0]).toMatch(/^dataset,hole_id,name,x,y,crs,elevation,total_depth,/);
  });

  it('writes catalog records as CSV that imports back, links and custodians included', async () => {
    const source = await fresh();
    await addCustodian(source, 'XZ');
    await importFile(source, { kind: 'collars', path: fixture('collars-zh.tsv') });
    await importFile(source, { kind: 'catalog', path: fixture('catalog-zh.csv') });
    const csv = await exportTo(source, { kind: 'catalog', format: 'csv' });
    const target = await fresh();
    await addCustodian(target, 'XZ');
    await importFile(target, { kind: 'collars', path: fixture('collars-zh.tsv') });
    expect(await importFile(target, { kind: 'catalog', path: csv })).toMatchObject({
      written: 3,
      rejected: 0,
    });
    const records = (store: Store) =>
      store.db
        .selectFrom('catalog_record as r')
        .leftJoin('borehole as b', 'b.id', 'r.borehole_id')
        .select([
          'r.public_id',
          'r.record_no',
          'r.title_zh',
          'r.material_type',
          'r.quantity',
          'r.unit',
          'r.year',
          'r.description',
        ])
        .select(['r.province_code', 'b.hole_id'])
        .orderBy('r.record_no')
        .execute();
    expect(await records(target)).toEqual(await records(source));
  });

  it('writes GeoJSON with a Point per located borehole', async () => {
    const store = await fresh();
    await addCustodian(store, 'XZ');
    await importFile(store, { kind: 'collars', path: fixture('collars-zh.tsv') });
    const file = await exportTo(store, { kind: 'boreholes', format: 'geojson' });
    const collection = JSON.parse(readFileSync(file, 'utf8')) as {
      features: Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }>;
    };
    expect(collection.features).toHaveLength(3);
    expect(collection.features[0]).toMatchObject({
      geometry: { type: 'Point', coordinates: [91.5523, 29.6012] },
      properties: { hole_id: 'ZK0001', commodities: 'Cu;Mo', custodian: 'XZ', class: 'I' },
    });
    const again = await fresh();
    await addCustodian(again, 'XZ');
    expect(await importFile(again, { kind: 'geojson', path: file })).toMatchObject({
      inserted: 3,
      rejected: 0,
    });
    const pick = (s: Store) =>
      s.db
        .selectFrom('borehole')
        .select(['hole_id', 'lon', 'lat', 'commodities', 'core_class'])
        .orderBy('hole_id')
        .execute();
    expect(await pick(again)).toEqual(await pick(store));
  });
});
