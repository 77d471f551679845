// Which base map to draw. Default: the offline one shipped in the app. An install with internet
// (and, in China, a licence such as a 天地图 key) sets raster XYZ/WMTS layers instead, either in
// the page (`window.CORESHARE_BASEMAP = {...}` in a script the operator adds) or per browser
// (localStorage `coreshare.basemap`), without rebuilding the app.

export interface RasterBasemap {
  /** Tile URL with {z}/{x}/{y} placeholders (WMTS KVP: TILEMATRIX={z}&TILEROW={y}&TILECOL={x}). */
  url: string;
  attribution: string;
  tileSize: number;
  maxzoom: number;
}

export const BASEMAP_STORAGE_KEY = 'coreshare.basemap';

declare global {
  interface Window {
    CORESHARE_BASEMAP?: unknown;
  }
}

function parseLayer(value: unknown): RasterBasemap | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const url = typeof v.url === 'string' ? v.url.trim() : '';
  // Only http(s) tile templates with all three placeholders can be drawn.
  if (!/^https?:\/\//.test(url) || !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) return null;
  const tileSize = v.tileSize === 512 ? 512 : 256;
  const maxzoom = typeof v.maxzoom === 'number' && v.maxzoom > 0 && v.maxzoom <= 24 ? v.maxzoom : 18;
  return { url, attribution: typeof v.attribution === 'string' ? v.attribution : '', tileSize, maxzoom };
}

/** One layer or a stack (e.g. 天地图 vec_w base plus cva_w annotations); invalid input gives []. */
export function parseBasemapSetting(value: unknown): RasterBasemap[] {
  const items = Array.isArray(value) ? value : value == null ? [] : [value];
  const layers = items.map(parseLayer);
  return layers.every((l): l is RasterBasemap => l !== null) ? layers : [];
}

export function readBasemapSetting(win: Window = window): RasterBasemap[] {
  if (win.CORESHARE_BASEMAP != null) return parseBasemapSetting(win.CORESHARE_BASEMAP);
  try {
    const stored = win.localStorage.getItem(BASEMAP_STORAGE_KEY);
    return stored ? parseBasemapSetting(JSON.parse(stored)) : [];
  } catch {
    // Unreadable storage or bad JSON: fall back to the offline map rather than no map.
    return [];
  }
}
