import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { importFile } from '../../../src/services/import/import.service.js';
import type { ImportError } from '../../../src/services/import/import.types.js';
import { eachEngine } from '../../support/engines.js';
import { addCustodian, count, tempDir } from './import-helpers.js';

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表为钻孔一览表']);
  const ws = wb.addWorksheet('钻孔一览');
  ws.addRow(['钻孔编号', 'X坐标', 'Y坐标', '孔口标高', '孔深', '开孔日期', '矿种', '备注']);
  ws.addRow([
    'ZK101',
    38512345.5,
    3312345.25,
    1200,
    350.5,
    new Date(Date.UTC(2015, 3, 2)),
    '铜、金',
    { richText: [{ text: '富' }, { text: '矿' }] },
  ]);
  ws.addRow(['ZK102', 38512400, 3312400, { formula: '1000+250', result: 1250 }, 'N/A', '2015/5/1', '金']);
  ws.addRow([]);
  ws.addRow(['ZK103', 38512500, 3312500, 1300]);
  const file = join(tempDir(), 'holes.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The same workbook with its sheet list (xl/workbook.xml) stored after the sheets, as some writers do. */
async function lateSheetList(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const late = new JSZip();
  for (const name of [...names.filter((n) => n !== 'xl/workbook.xml'), 'xl/workbook.xml'])
    late.file(name, await zip.file(name)!.async('nodebuffer'));
  const out = join(tempDir(), 'late.xlsx');
  writeFileSync(out, await late.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

function geojson(features: unknown[], extra: Record<string, unknown> = {}): string {
  const file = join(tempDir(), 'holes.geojson');
  // One feature per line, as exports usually write them, so line numbers point at features.
  writeFileSync(
    file,
    `{"type":"FeatureCollection",${Object.entries(extra)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`)
      .join('')}"features":[\n` +
      features.map((f) => JSON.stringify(f)).join(',\n') +
      '\n]}\n',
  );
  return file;
}

eachEngine('import .xlsx and GeoJSON', ({ fresh }) => {
  it('reads the named worksheet of a workbook: dates, formulas, rich text and short rows', async () => {
    const store = await fresh();
    const file = await workbook();
    const first = await importFile(store, { kind: 'collars', path: file, crs: 'EPSG:4526' }).catch(
      (e: ImportError) => e,
    );
    expect((first as ImportError).message).toMatch(/missing required fields hole_id, easting, northing/);
    const report = await importFile(store, {
      kind: 'collars',
      path: file,
      crs: 'EPSG:4526',
      sheet: '钻孔一览',
    });
    expect(report).toMatchObject({ rowsRead: 3, inserted: 3, rejected: 0 });
    const rows = await store.db
      .selectFrom('borehole')
      .select(['hole_id', 'src_x', 'collar_elev', 'total_depth', 'drill_start', 'commodities', 'lon'])
      .orderBy('hole_id')
      .execute();
    expect(rows.map(({ lon: _lon, ...r }) => r)).toEqual([
      {
        hole_id: 'ZK101',
        src_x: 38512345.5,
        collar_elev: 1200,
        total_depth: 350.5,
        drill_start: '2015-04-02',
        commodities: '["Cu","Au"]',
      },
      {
        hole_id: 'ZK102',
        src_x: 38512400,
        collar_elev: 1250,
        total_depth: null,
        drill_start: '2015-05-01',
        commodities: '["Au"]',
      },
      {
        hole_id: 'ZK103',
        src_x: 38512500,
        collar_elev: 1300,
        total_depth: null,
        drill_start: null,
        commodities: '[]',
      },
    ]);
    expect(rows[0]!.lon).toBeCloseTo(114.13, 2);
    await expect(importFile(store, { kind: 'collars', path: file, sheet: 'Sheet9' })).rejects.toThrow(
      /no worksheet named "Sheet9"; the workbook has: 说明, 钻孔一览/,
    );
  });

  it('imports a FeatureCollection of Points with properties by the same aliases', async () => {
    const store = await fresh();
    await addCustodian(store, 'XZ');
    const file = geojson([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [91.55, 29.6, 5100] },
        properties: { 孔号: 'G1', 矿种: ['Cu', 'Mo'], 保管单位: 'XZ' },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [91.56, 29.61] },
        properties: { 孔号: 'G2', 孔深: 300, 高程: 5000 },
      },
    ]);
    const report = await importFile(store, { kind: 'geojson', path: file });
    expect(report).toMatchObject({ rowsRead: 2, inserted: 2 });
    const rows = await store.db
      .selectFrom('borehole')
      .select(['hole_id', 'lon', 'lat', 'collar_elev', 'total_depth', 'commodities', 'src_crs'])
      .orderBy('hole_id')
      .execute();
    expect(rows).toEqual([
      {
        hole_id: 'G1',
        lon: 91.55,
        lat: 29.6,
        collar_elev: 5100,
        total_depth: null,
        commodities: '["Cu","Mo"]',
        src_crs: 'EPSG:4326',
      },
      {
        hole_id: 'G2',
        lon: 91.56,
        lat: 29.61,
        collar_elev: 5000,
        total_depth: 300,
        commodities: '[]',
        src_crs: 'EPSG:4326',
      },
    ]);
  });

  it('honours a legacy crs member, and names features without a Point by line', async () => {
    const store = await fresh();
    const projected = geojson(
      [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [38500000, 3300000] },
          properties: { hole_id: 'P1' },
        },
      ],
      { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4526' } } },
    );
    await importFile(store, { kind: 'geojson', path: projected });
    expect(await store.db.selectFrom('borehole').select(['src_crs', 'src_x']).executeTakeFirst()).toEqual({
      src_crs: 'EPSG:4526',
      src_x: 38500000,
    });
    const bad = geojson([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [91, 29] }, properties: { hole_id: 'B1' } },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [91, 29],
            [92, 30],
          ],
        },
        properties: { hole_id: 'B2' },
      },
      { type: 'Feature', geometry: null, properties: { hole_id: 'B3' } },
    ]);
    const error = (await importFile(store, { kind: 'geojson', path: bad }).catch(
      (e: unknown) => e,
    )) as ImportError;
    expect(error.problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      '3 geometry: feature has a LineString geometry; a borehole needs a Point',
      '4 geometry: feature has no geometry; a borehole needs a Point',
    ]);
    const notCollection = join(tempDir(), 'one.geojson');
    writeFileSync(notCollection, '{"type":"Feature","geometry":null,"properties":{}}');
    await expect(importFile(store, { kind: 'geojson', path: notCollection })).rejects.toThrow(
      /expected a GeoJSON FeatureCollection/,
    );
    expect(await count(store, 'borehole')).toBe(1);
  });

  it('reads a workbook whose sheet list is stored after its sheets', async () => {
    const store = await fresh();
    const file = await lateSheetList(await workbook());
    const report = await importFile(store, {
      kind: 'collars',
      path: file,
      sheet: '钻孔一览',
      dataset: 'late',
      crs: 'EPSG:4526',
    });
    expect(report.written).toBe(3);
    await expect(importFile(store, { kind: 'collars', path: file, sheet: 'Sheet9' })).rejects.toThrow(
      /no worksheet named "Sheet9"; the workbook has: 说明, 钻孔一览/,
    );
  });
});
