// Map search areas besides the box: a drawn polygon and a radius around a point. Parsed strictly
// (every way one can be wrong is an AreaError saying which), tested on published positions only.
// Spherical distance with PostGIS's sphere radius, so both engines agree on what is "within".
import { orientation } from './orientation.js';

/**
 * PostGIS's ST_DistanceSphere radius, the WGS84 mean radius (2a + b) / 3, so SQLite and PostgreSQL
 * measure alike.
 */
export const SPHERE_RADIUS_KM = 6371.0087714;
export const MAX_POLYGON_VERTICES = 1000;
export const MAX_RADIUS_KM = 2000;

export class AreaError extends Error {
  constructor(
    readonly field: 'polygon' | 'near',
    message: string,
    /** The same in Chinese, for the page's language. */
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'AreaError';
  }
}

export type LonLat = readonly [number, number];

export interface Polygon {
  /** Closed ring (first point repeated last), WGS84. */
  readonly ring: readonly LonLat[];
  readonly bbox: readonly [number, number, number, number];
}

export interface Circle {
  readonly lon: number;
  readonly lat: number;
  readonly km: number;
  readonly bbox: readonly [number, number, number, number];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function coordinate(field: 'polygon' | 'near', lon: number, lat: number, where: string): LonLat {
  if (!Number.isFinite(lon) || !Number.isFinite(lat))
    throw new AreaError(field, `${where}: not a number`, `${where}：不是数字`);
  if (lon < -180 || lon > 180)
    throw new AreaError(
      field,
      `${where}: longitude ${lon} is outside -180…180`,
      `${where}：经度 ${lon} 超出 -180…180`,
    );
  if (lat < -90 || lat > 90)
    throw new AreaError(
      field,
      `${where}: latitude ${lat} is outside -90…90`,
      `${where}：纬度 ${lat} 超出 -90…90`,
    );
  return [lon, lat];
}

function ringFromWkt(text: string): Array<[number, number]> {
  const match = /^\s*POLYGON\s*\(\s*\(([^()]*)\)\s*\)\s*$/i.exec(text);
  if (!match) {
    const holes = /^\s*POLYGON\s*\(\s*\([^()]*\)\s*,/i.test(text);
    throw new AreaError(
      'polygon',
      holes
        ? 'polygons with holes are not supported: give the outer ring only'
        : 'expected WKT POLYGON((lon lat, lon lat, …)) or a GeoJSON Polygon',
      holes ? '不支持带洞的多边形：请只给出外环' : '应为 WKT POLYGON((经度 纬度, …)) 或 GeoJSON 多边形',
    );
  }
  return match[1]!.split(',').map((pair, i) => {
    const parts = pair.trim().split(/\s+/);
    if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p)))
      throw new AreaError(
        'polygon',
        `vertex ${i + 1}: expected "lon lat", got ${JSON.stringify(pair.trim())}`,
        `第 ${i + 1} 个顶点：应为“经度 纬度”，实为 ${JSON.stringify(pair.trim())}`,
      );
    return [Number(parts[0]), Number(parts[1])];
  });
}

function ringFromGeoJson(text: string): Array<[number, number]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AreaError(
      'polygon',
      'not valid JSON (expected a GeoJSON Polygon)',
      '不是有效的 JSON（应为 GeoJSON 多边形）',
    );
  }
  const geometry =
    (value as { type?: string; geometry?: unknown }).type === 'Feature'
      ? (value as { geometry?: unknown }).geometry
      : value;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g?.type !== 'Polygon' || !Array.isArray(g.coordinates))
    throw new AreaError(
      'polygon',
      'expected a GeoJSON Polygon (or a Feature holding one)',
      '应为 GeoJSON 多边形（或包含多边形的要素）',
    );
  if (g.coordinates.length !== 1)
    throw new AreaError(
      'polygon',
      'polygons with holes are not supported: give the outer ring only',
      '不支持带洞的多边形：请只给出外环',
    );
  const ring = g.coordinates[0] as unknown;
  if (!Array.isArray(ring))
    throw new AreaError('polygon', 'the ring is not an array of positions', '多边形的环不是坐标数组');
  return ring.map((p: unknown, i) => {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number')
      throw new AreaError(
        'polygon',
        `vertex ${i + 1}: expected [lon, lat]`,
        `第 ${i + 1} 个顶点：应为 [经度, 纬度]`,
      );
    return [p[0], p[1]];
  });
}

/** Segments ab and cd cross (touching at a shared vertex of neighbours is not crossing). */
function crosses(a: LonLat, b: LonLat, c: LonLat, d: LonLat): boolean {
  const orient = (p: LonLat, q: LonLat, r: LonLat) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  const onSegment = (p: LonLat, q: LonLat, r: LonLat) =>
    Math.min(p[0], r[0]) <= q[0] &&
    q[0] <= Math.max(p[0], r[0]) &&
    Math.min(p[1], r[1]) <= q[1] &&
    q[1] <= Math.max(p[1], r[1]);
  return (
    (o1 === 0 && onSegment(a, c, b)) ||
    (o2 === 0 && onSegment(a, d, b)) ||
    (o3 === 0 && onSegment(c, a, d)) ||
    (o4 === 0 && onSegment(c, b, d))
  );
}

function checkSimple(ring: readonly LonLat[]): void {
  const n = ring.length - 1; // edges
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const neighbours = j === i + 1 || (i === 0 && j === n - 1);
      if (neighbours) continue;
      if (crosses(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!))
        throw new AreaError(
          'polygon',
          `the polygon intersects itself (edges ${i + 1} and ${j + 1} cross)`,
          `多边形自相交（第 ${i + 1} 条边与第 ${j + 1} 条边相交）`,
        );
    }
  }
}

/** A polygon from WKT or GeoJSON; closed if the last vertex is missing. */
export function parsePolygon(text: string): Polygon {
  const trimmed = text.trim();
  if (!trimmed) throw new AreaError('polygon', 'empty polygon', '多边形为空');
  const raw = trimmed.startsWith('{') ? ringFromGeoJson(trimmed) : ringFromWkt(trimmed);
  const ring = raw.map(([lon, lat], i) => coordinate('polygon', lon, lat, `vertex ${i + 1}`));
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
  if (ring.length < 4)
    throw new AreaError(
      'polygon',
      'a polygon needs at least 3 distinct vertices',
      '多边形至少需要 3 个不同的顶点',
    );
  if (ring.length - 1 > MAX_POLYGON_VERTICES)
    throw new AreaError(
      'polygon',
      `${ring.length - 1} vertices; at most ${MAX_POLYGON_VERTICES}`,
      `${ring.length - 1} 个顶点，最多 ${MAX_POLYGON_VERTICES} 个`,
    );
  for (let i = 0; i + 1 < ring.length; i++) {
    if (Math.abs(ring[i + 1]![0] - ring[i]![0]) > 180)
      throw new AreaError(
        'polygon',
        `edge ${i + 1} crosses the antimeridian, which is not supported`,
        `第 ${i + 1} 条边跨越 180° 经线，不支持`,
      );
  }
  checkSimple(ring);
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const bbox = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as const;
  if (bbox[0] === bbox[2] || bbox[1] === bbox[3])
    throw new AreaError('polygon', 'the polygon has no area', '多边形面积为零');
  return { ring, bbox };
}

/** `lon,lat,km`: a radius around a point. */
export function parseNear(text: string): Circle {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p)))
    throw new AreaError('near', 'expected lon,lat,km (three numbers)', '应为 经度,纬度,公里（三个数字）');
  const [lon, lat] = coordinate('near', Number(parts[0]), Number(parts[1]), 'centre');
  const km = Number(parts[2]);
  if (!(km > 0) || km > MAX_RADIUS_KM)
    throw new AreaError(
      'near',
      `radius ${km} km is outside 0…${MAX_RADIUS_KM}`,
      `半径 ${km} 公里超出 0…${MAX_RADIUS_KM}`,
    );
  const dLat = (km / SPHERE_RADIUS_KM) * (180 / Math.PI);
  const cos = Math.cos((lat * Math.PI) / 180);
  const dLon = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
  const bbox = [
    Math.max(-180, lon - dLon),
    Math.max(-90, lat - dLat),
    Math.min(180, lon + dLon),
    Math.min(90, lat + dLat),
  ] as const;
  return { lon, lat, km, bbox };
}

/**
 * Winding number with exact side-of-edge tests (as PostGIS's ST_Covers decides): points on an edge
 * count as inside. Rings are simple (parsePolygon refuses self-intersections), so non-zero is inside.
 */
export function inPolygon(lon: number, lat: number, ring: readonly LonLat[]): boolean {
  let winding = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    // An edge the point's latitude does not reach can neither be crossed nor hold the point.
    if (lat < (ay < by ? ay : by) || lat > (ay < by ? by : ay)) continue;
    const side = orientation(ax, ay, bx, by, lon, lat);
    if (side === 0 && lon >= (ax < bx ? ax : bx) && lon <= (ax < bx ? bx : ax)) return true;
    if (ay <= lat) {
      if (by > lat && side > 0) winding++;
    } else if (by <= lat && side < 0) winding--;
  }
  return winding !== 0;
}

/** A distance as a sort key: to the millimetre, so keys (and cursors) agree across engines. */
export function distanceKey(km: number): number {
  return Math.round(km * 1e6) / 1e6;
}

/** Great-circle distance in km (haversine) on PostGIS's sphere. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * SPHERE_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
