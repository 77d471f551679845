import type { FeatureCollection, MultiLineString, Polygon, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildOfflineBasemap, BASEMAP_FILES } from '../../web/build/offline-basemap.js';
import { parseBasemapSetting, readBasemapSetting } from '../../web/src/config/basemap.config.js';
import { abbreviateCount, clusterIconName } from '../../web/src/features/map/utils/cluster-icon.js';
import {
  buildMapStyle,
  BOREHOLE_SOURCE,
  SEARCH_AREA_SOURCE,
  SEARCH_DRAFT_SOURCE,
  SEARCH_RESULTS_SOURCE,
} from '../../web/src/features/map/utils/map-style.js';

const TIANDITU = {
  url: 'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY',
  attribution: '天地图',
};

describe('offline base map', () => {
  const files = buildOfflineBasemap();

  it('builds every file as GeoJSON', () => {
    expect(Object.keys(files).sort()).toEqual([...BASEMAP_FILES].sort());
    for (const name of BASEMAP_FILES.filter((n) => n.endsWith('.json'))) {
      expect(JSON.parse(files[name]).type).toMatch(/Feature/);
    }
    expect(files['NOTICE.txt']).toContain('The Apache Software Foundation');
  });

  it('decodes the province outlines onto their real positions', () => {
    const provinces = JSON.parse(files['china-provinces.json']) as FeatureCollection<MultiLineString>;
    expect(provinces.features).toHaveLength(34);
    const beijing = provinces.features.find((f) => f.properties?.code === '110000')!;
    const points = beijing.geometry.coordinates.flat();
    const lons = points.map((p) => p[0]!);
    const lats = points.map((p) => p[1]!);
    expect(Math.min(...lons)).toBeGreaterThan(115);
    expect(Math.max(...lons)).toBeLessThan(118);
    expect(Math.min(...lats)).toBeGreaterThan(39);
    expect(Math.max(...lats)).toBeLessThan(41.2);
  });

  it('has land polygons', () => {
    const land = JSON.parse(files['land.json']) as FeatureCollection<Polygon | MultiPolygon>;
    expect(land.features.length).toBeGreaterThan(0);
  });
});

describe('base map setting', () => {
  it('accepts XYZ and WMTS templates, alone or stacked', () => {
    expect(parseBasemapSetting(TIANDITU)).toEqual([{ ...TIANDITU, tileSize: 256, maxzoom: 18 }]);
    expect(parseBasemapSetting([TIANDITU, { url: 'https://x/{z}/{x}/{y}.png', tileSize: 512 }])).toHaveLength(
      2,
    );
  });

  it('falls back to the offline map on anything invalid', () => {
    expect(parseBasemapSetting({ url: 'https://x/tiles.png' })).toEqual([]);
    expect(parseBasemapSetting({ url: 'javascript:alert(1)/{z}/{x}/{y}' })).toEqual([]);
    expect(parseBasemapSetting([TIANDITU, 'nonsense'])).toEqual([]);
    expect(parseBasemapSetting(null)).toEqual([]);
  });

  it('reads the page setting first, then localStorage', () => {
    const storage = (value: string | null) => ({ getItem: () => value }) as unknown as Storage;
    const win = (page: unknown, stored: string | null) =>
      ({ CORESHARE_BASEMAP: page, localStorage: storage(stored) }) as unknown as Window;
    expect(readBasemapSetting(win(TIANDITU, null))).toHaveLength(1);
    expect(readBasemapSetting(win(undefined, JSON.stringify(TIANDITU)))).toHaveLength(1);
    expect(readBasemapSetting(win(undefined, '{not json'))).toEqual([]);
    expect(readBasemapSetting(win(undefined, null))).toEqual([]);
  });
});

describe('map style', () => {
  it('uses only local sources by default and never glyph or sprite URLs', () => {
    const style = buildMapStyle([], 'http://127.0.0.1:8080/');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = JSON.stringify(style.sources).match(/https?:\/\/[^"]+/g) ?? [];
    for (const url of urls) expect(url.startsWith('http://127.0.0.1:8080/basemap/')).toBe(true);
    expect(style.sources[BOREHOLE_SOURCE]).toBeDefined();
  });

  it('swaps the offline layers for configured raster tiles', () => {
    const style = buildMapStyle(parseBasemapSetting(TIANDITU), 'http://h/');
    expect(Object.keys(style.sources)).toEqual([
      'raster-0',
      BOREHOLE_SOURCE,
      SEARCH_AREA_SOURCE,
      SEARCH_DRAFT_SOURCE,
      SEARCH_RESULTS_SOURCE,
    ]);
  });
});

describe('cluster icons', () => {
  it('abbreviates counts so few distinct icons are drawn', () => {
    expect(abbreviateCount(999)).toBe('999');
    expect(abbreviateCount(1234)).toBe('1.2k');
    expect(abbreviateCount(56_789)).toBe('56k');
    expect(abbreviateCount(1_250_000)).toBe('1.2M');
    expect(clusterIconName(25)).toBe('cluster:1:25');
    expect(clusterIconName(2_000_000)).toBe('cluster:4:2M');
  });
});
