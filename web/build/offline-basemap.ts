// Turns the Natural Earth and province data shipped in npm packages into the GeoJSON files of the
// offline base map, so an install without internet still shows land, borders and provinces.
// See docs/decisions/0002-offline-base-map.md for the sources and their licences.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';

const require = createRequire(import.meta.url);

/** Files served under /basemap/ by the app, by name. */
export const BASEMAP_FILES = [
  'land.json',
  'borders.json',
  'china-provinces.json',
  'china-outline.json',
  'NOTICE.txt',
] as const;
export type BasemapFile = (typeof BASEMAP_FILES)[number];

// Natural Earth draws China, Taiwan, Hong Kong and Macao with de-facto lines; the national outline
// and province lines come from the Chinese data instead, so their Natural Earth borders are dropped.
const CHINA_IDS = new Set(['156', '158', '344', '446']);

interface EchartsGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: string[] | string[][];
  encodeOffsets: number[][] | number[][][];
}
interface EchartsMap {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: Array<{ id?: string; properties: Record<string, unknown>; geometry: EchartsGeometry }>;
}

function readJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

/** ECharts 4 stores rings as zig-zag, delta-encoded character pairs (its parseGeoJson's decode). */
export function decodeEchartsRing(ring: string, offset: number[], scale: number): Position[] {
  const out: Position[] = [];
  let prevX = offset[0] ?? 0;
  let prevY = offset[1] ?? 0;
  for (let i = 0; i + 1 < ring.length; i += 2) {
    let x = ring.charCodeAt(i) - 64;
    let y = ring.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    prevX += x;
    prevY += y;
    out.push([prevX / scale, prevY / scale]);
  }
  return out;
}

export function decodeEchartsMap(map: EchartsMap): FeatureCollection {
  const scale = map.UTF8Scale ?? 1024;
  const features: Feature[] = map.features.map((f) => {
    const g = f.geometry;
    let geometry: Geometry;
    if (!map.UTF8Encoding) {
      geometry = g as unknown as Geometry;
    } else if (g.type === 'Polygon') {
      const offsets = g.encodeOffsets as number[][];
      geometry = {
        type: 'Polygon',
        coordinates: (g.coordinates as string[]).map((r, i) => decodeEchartsRing(r, offsets[i] ?? [], scale)),
      };
    } else {
      const offsets = g.encodeOffsets as number[][][];
      geometry = {
        type: 'MultiPolygon',
        coordinates: (g.coordinates as string[][]).map((poly, i) =>
          poly.map((r, j) => decodeEchartsRing(r, offsets[i]?.[j] ?? [], scale)),
        ),
      };
    }
    const code = String(f.id ?? f.properties.id ?? '');
    return { type: 'Feature', properties: { code, name: f.properties.name ?? null }, geometry };
  });
  return { type: 'FeatureCollection', features };
}

// Rounding keeps the files small; the data's own accuracy (1:50 million) is far coarser.
function compact(value: unknown, decimals: number): string {
  const f = 10 ** decimals;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Math.round(v * f) / f : v));
}

/** Province polygons become lines: a fill would hide the land colour and be mistaken for data. */
function outlines(fc: FeatureCollection): FeatureCollection<MultiLineString> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const g = f.geometry;
      const rings =
        g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
      return {
        type: 'Feature',
        properties: f.properties,
        geometry: { type: 'MultiLineString', coordinates: rings },
      };
    }),
  };
}

// Apache-2.0 asks redistributors to pass on the NOTICE; the others ask for nothing but credit.
const NOTICE = `CoreShare offline base map — sources and licences

land.json, borders.json: Natural Earth 1:50m (public domain), via the npm package world-atlas 2.0.2
(ISC licence, Copyright 2013-2019 Michael Bostock).

china-provinces.json, china-outline.json: decoded from map/json/china.json and china-contour.json of
the npm package echarts 4.9.0 (Apache License 2.0):
  Apache ECharts (incubating)
  Copyright 2017-2020 The Apache Software Foundation
  This product includes software developed at The Apache Software Foundation (http://www.apache.org/).

This is a schematic base map for installations without internet. It is not a standard map (标准地图)
approved by the map review authority; public deployments in China should configure 天地图 instead.
`;

/** Builds every base-map file from the installed packages; pure apart from reading them. */
export function buildOfflineBasemap(): Record<BasemapFile, string> {
  const land = readJson<Topology>('world-atlas/land-50m.json');
  const countries = readJson<Topology>('world-atlas/countries-50m.json');
  const provinces = readJson<EchartsMap>('echarts-china-map/map/json/china.json');
  const contour = readJson<EchartsMap>('echarts-china-map/map/json/china-contour.json');
  const countryObject = countries.objects.countries as GeometryCollection;
  const borders = mesh(
    countries,
    countryObject,
    (a, b) => a !== b && !CHINA_IDS.has(String(a.id)) && !CHINA_IDS.has(String(b.id)),
  );
  return {
    'land.json': compact(feature(land, land.objects.land as GeometryCollection), 2),
    'borders.json': compact({ type: 'Feature', properties: {}, geometry: borders }, 2),
    'china-provinces.json': compact(outlines(decodeEchartsMap(provinces)), 3),
    'china-outline.json': compact(outlines(decodeEchartsMap(contour)), 3),
    'NOTICE.txt': NOTICE,
  };
}
