// The map search keeps its whole state in the URL of the map page, so a map search can be
// bookmarked and shared and back/forward step through it:
//
//   /?q=铜&polygon=POLYGON((…))&center=91.2,29.6&zoom=7.5
//
// `q`, `bbox`, `polygon` and `near` are the search page's (and the API's) own parameters, so "open as
// list" and "show on map" only change the path. `area` names the mode where the shape does not
// already say it (`anywhere`, or a mode whose shape is still to be drawn). Parameters the map does not
// own (`lang`) are kept as they are.
import {
  formatBbox,
  parseBbox,
  parseNear,
  polygonVertices,
  readAreaParams,
  roundDegrees,
  writeAreaParams,
  type AreaParam,
  type AreaParams,
  type Bbox,
} from '../../search/utils/search-area.js';
import { MAP_PATH, searchHref } from '../../search/utils/search-location.js';
import { boundsOf, circleRing } from './area-geometry.js';

export const AREA_MODES = ['view', 'polygon', 'radius', 'anywhere'] as const;
/** Search the map's view, a drawn polygon, a radius around a point, or everywhere. */
export type AreaMode = (typeof AREA_MODES)[number];

/** The area parameter each mode searches with; `anywhere` sends none. */
const MODE_SHAPE: Record<AreaMode, AreaParam | null> = {
  view: 'bbox',
  polygon: 'polygon',
  radius: 'near',
  anywhere: null,
};

export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapSearchState extends AreaParams {
  q: string;
  mode: AreaMode;
  /** Where the map looks; null until the map has reported a view (or the URL gave one). */
  camera: MapCamera | null;
}

const OWN_PARAMS = ['q', 'area', 'bbox', 'polygon', 'near', 'center', 'zoom'] as const;
const MAX_LATITUDE = 85.06;
const MAX_ZOOM = 24;

function isAreaMode(value: unknown): value is AreaMode {
  return (AREA_MODES as readonly unknown[]).includes(value);
}

/** The mode a link without `area` means: the shape it carries, else the view. */
function impliedMode(area: AreaParams): AreaMode {
  if (area.polygon) return 'polygon';
  if (area.near) return 'radius';
  return 'view';
}

/** The one shape the mode searches with, taken from `source`. */
function shapeOf(mode: AreaMode, source: AreaParams): AreaParams {
  const param = MODE_SHAPE[mode];
  const shape = param ? source[param] : undefined;
  return param && shape ? { [param]: shape } : {};
}

function parseCamera(center: string | null, zoom: string | null): MapCamera | null {
  const [lon, lat, extra] = (center ?? '').split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  const z = zoom === null || zoom.trim() === '' ? NaN : Number(zoom);
  if (extra !== undefined || lon === undefined || lat === undefined) return null;
  if (![lon, lat, z].every(Number.isFinite)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > MAX_LATITUDE || z < 0 || z > MAX_ZOOM) return null;
  return { lon, lat, zoom: z };
}

export function parseMapSearch(search: string): MapSearchState {
  const params = new URLSearchParams(search);
  const area = readAreaParams(params);
  const named = params.get('area');
  const mode = isAreaMode(named) ? named : impliedMode(area);
  return {
    q: params.get('q') ?? '',
    mode,
    ...shapeOf(mode, area),
    camera: parseCamera(params.get('center'), params.get('zoom')),
  };
}

/** The camera as the URL writes it: to about a metre, and a hundredth of a zoom level. */
export function cameraParams({ lon, lat, zoom }: MapCamera): { center: string; zoom: string } {
  return { center: `${roundDegrees(lon)},${roundDegrees(lat)}`, zoom: String(Math.round(zoom * 100) / 100) };
}

/** The map page's URL for `state`, keeping the parameters of `current` that the map does not own. */
export function mapSearchHref(state: MapSearchState, current = ''): string {
  const params = new URLSearchParams(current);
  for (const name of OWN_PARAMS) params.delete(name);
  if (state.q !== '') params.set('q', state.q);
  const shape = shapeOf(state.mode, state);
  if (impliedMode(shape) !== state.mode) params.set('area', state.mode);
  writeAreaParams(params, shape);
  if (state.camera) {
    const { center, zoom } = cameraParams(state.camera);
    params.set('center', center);
    params.set('zoom', zoom);
  }
  const query = params.toString();
  return query ? `${MAP_PATH}?${query}` : MAP_PATH;
}

/**
 * The area to search, or null while there is none yet: the view before the map has reported it,
 * a polygon not yet drawn, a centre not yet picked. `anywhere` searches with no area at all.
 */
export function searchedArea(state: MapSearchState): AreaParams | null {
  const param = MODE_SHAPE[state.mode];
  if (param === null) return {};
  const shape = shapeOf(state.mode, state);
  return shape[param] ? shape : null;
}

/** The same search as a list on the search page; null while there is nothing to search. */
export function listHref(state: MapSearchState): string | null {
  const area = searchedArea(state);
  return area ? searchHref({ q: state.q, cursors: [], ...area }) : null;
}

export function withQuery(state: MapSearchState, q: string): MapSearchState {
  return { ...state, q: q.trim() };
}

/** Another mode, or a new shape for one: the shapes of other modes are dropped. */
export function withArea(state: MapSearchState, mode: AreaMode, shape: AreaParams = {}): MapSearchState {
  return { q: state.q, mode, camera: state.camera, ...shapeOf(mode, shape) };
}

/** The map moved: the camera follows, and in the view mode so does the box searched. */
export function withView(state: MapSearchState, camera: MapCamera, bbox: Bbox): MapSearchState {
  const moved = { ...state, camera };
  return state.mode === 'view' ? { ...moved, bbox: formatBbox(bbox) } : moved;
}

/** All of China, for a map opened without a place in its URL. */
const CHINA_VIEW: MapCamera = { lon: 104.5, lat: 35.5, zoom: 3.3 };

/**
 * Where the map opens: the URL's camera; else around its shape (a list's "show on map" link has a
 * shape but no camera); else all of China.
 */
export function initialView(state: MapSearchState): { camera: MapCamera } | { bounds: Bbox } {
  if (state.camera) return { camera: state.camera };
  const bounds = shapeBounds(state);
  return bounds ? { bounds } : { camera: CHINA_VIEW };
}

function shapeBounds(state: MapSearchState): Bbox | null {
  if (state.mode === 'view' && state.bbox) return parseBbox(state.bbox);
  if (state.mode === 'polygon' && state.polygon) return boundsOf(polygonVertices(state.polygon) ?? []);
  const circle = state.mode === 'radius' && state.near ? parseNear(state.near) : null;
  return circle && circle.km > 0 ? boundsOf(circleRing(circle, 16)) : null;
}
