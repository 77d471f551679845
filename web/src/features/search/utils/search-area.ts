// The map part of a search as the API takes it: a box, a drawn polygon or a radius, each kept as the
// text the server parses. The URL carries that same text, so when the server finds something wrong
// with a shape, its message is about exactly what the reader bookmarked or was sent. Below, the
// shapes written as that text and read back.
export const AREA_PARAMS = ['bbox', 'polygon', 'near'] as const;
export type AreaParam = (typeof AREA_PARAMS)[number];

/** The server's limits on drawn shapes (see docs/search.md); used here only to explain a refusal. */
export const MAX_POLYGON_VERTICES = 1000;
export const MAX_RADIUS_KM = 2000;

/** `bbox=minLon,minLat,maxLon,maxLat`, `polygon=` WKT or GeoJSON, `near=lon,lat,km`. */
export type AreaParams = Partial<Record<AreaParam, string>>;

export function isAreaParam(value: unknown): value is AreaParam {
  return (AREA_PARAMS as readonly unknown[]).includes(value);
}

/** The area parameters present (and not empty) in a query string; absent ones are left out. */
export function readAreaParams(params: URLSearchParams): AreaParams {
  const area: AreaParams = {};
  for (const name of AREA_PARAMS) {
    const value = params.get(name);
    if (value) area[name] = value;
  }
  return area;
}

export function writeAreaParams(params: URLSearchParams, area: AreaParams): void {
  for (const name of AREA_PARAMS) {
    const value = area[name];
    if (value) params.set(name, value);
  }
}

/** Only the area of something that carries more (a search location, a map state). */
export function areaOf(source: AreaParams): AreaParams {
  const area: AreaParams = {};
  for (const name of AREA_PARAMS) if (source[name]) area[name] = source[name];
  return area;
}

// --- The shapes as text. The server decides what is valid: these parsers only need to read back
// what the app wrote, and give up (null) on anything else, which is then sent as typed for the
// server to explain.

export type LonLat = [number, number];
/** minLon, minLat, maxLon, maxLat */
export type Bbox = [number, number, number, number];

export interface Circle {
  lon: number;
  lat: number;
  km: number;
}

/** Five decimals: about a metre, finer than anyone clicks, and short enough for a URL. */
export function roundDegrees(value: number): number {
  return Math.round(value * 1e5) / 1e5 || 0;
}

/** Kilometres to two decimals: ten metres is finer than any radius typed or dragged. */
export function roundKm(km: number): number {
  return Math.round(km * 100) / 100 || 0;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function numbers(text: string, separator: RegExp, count: number): number[] | null {
  const parts = text.trim().split(separator);
  if (parts.length !== count || !parts.every((p) => NUMBER.test(p.trim()))) return null;
  return parts.map(Number);
}

export function formatBbox(bbox: Bbox): string {
  return bbox.map(roundDegrees).join(',');
}

export function parseBbox(text: string): Bbox | null {
  const values = numbers(text, /,/, 4);
  return values ? (values as Bbox) : null;
}

export function formatNear({ lon, lat, km }: Circle): string {
  return `${roundDegrees(lon)},${roundDegrees(lat)},${roundKm(km)}`;
}

export function parseNear(text: string): Circle | null {
  const values = numbers(text, /,/, 3);
  if (!values) return null;
  const [lon, lat, km] = values as [number, number, number];
  return { lon, lat, km };
}

function sameVertex(a: LonLat, b: LonLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** The ring without its closing vertex, the way a person draws it. */
function openRing(ring: LonLat[]): LonLat[] {
  const first = ring[0];
  const last = ring.at(-1);
  return first && last && ring.length > 1 && sameVertex(first, last) ? ring.slice(0, -1) : ring;
}

/** `POLYGON((lon lat, …))`, closed as WKT requires, coordinates rounded. */
export function polygonToWkt(vertices: readonly LonLat[]): string {
  const rounded = openRing(vertices.map(([lon, lat]): LonLat => [roundDegrees(lon), roundDegrees(lat)]));
  const closed = rounded.length > 0 ? [...rounded, rounded[0]!] : rounded;
  return `POLYGON((${closed.map(([lon, lat]) => `${lon} ${lat}`).join(', ')}))`;
}

/** The vertices (unclosed) of a WKT POLYGON or of a GeoJSON Polygon's outer ring; null otherwise. */
export function polygonVertices(text: string): LonLat[] | null {
  const trimmed = text.trim();
  const ring = trimmed.startsWith('{') ? geoJsonRing(trimmed) : wktRing(trimmed);
  return ring && ring.length > 0 ? openRing(ring) : null;
}

function wktRing(text: string): LonLat[] | null {
  const match = /^POLYGON\s*\(\s*\(([^()]*)\)\s*\)$/i.exec(text);
  if (!match) return null;
  const ring: LonLat[] = [];
  for (const pair of match[1]!.split(',')) {
    const values = numbers(pair, /\s+/, 2);
    if (!values) return null;
    ring.push([values[0]!, values[1]!]);
  }
  return ring;
}

function geoJsonRing(text: string): LonLat[] | null {
  try {
    const value = JSON.parse(text) as { type?: unknown; coordinates?: unknown; geometry?: unknown };
    const geometry = (value.type === 'Feature' ? value.geometry : value) as typeof value | undefined;
    if (geometry?.type !== 'Polygon' || !Array.isArray(geometry.coordinates)) return null;
    const [outer] = geometry.coordinates as unknown[];
    if (!Array.isArray(outer)) return null;
    const ring: LonLat[] = [];
    for (const p of outer as unknown[]) {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return null;
      ring.push([p[0], p[1]]);
    }
    return ring;
  } catch {
    return null;
  }
}
