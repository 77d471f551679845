// The MapLibre style: the offline base map (GeoJSON generated at build time from Natural Earth and
// the province outlines) or configured raster tiles, plus the borehole layers. No glyphs or sprite
// URLs: nothing is fetched from outside, and cluster counts are drawn as generated icons instead.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { RasterBasemap } from '../../../config/basemap.config.js';

export const BOREHOLE_SOURCE = 'boreholes';
export const CLUSTER_LAYER = 'borehole-clusters';
export const POINT_LAYER = 'borehole-points';
/** The area searched (a drawn polygon, a radius and its centre). */
export const SEARCH_AREA_SOURCE = 'search-area';
/** A shape being drawn: its edges so far, its vertices, the line or circle following the pointer. */
export const SEARCH_DRAFT_SOURCE = 'search-draft';
/** The boreholes of the search panel's current page, ringed over the clusters. */
export const SEARCH_RESULTS_SOURCE = 'search-results';
export const SEARCH_RESULTS_LAYER = 'search-results';

export const SEARCH_AREA_COLOUR = '#8b4a2b';
const SEARCH_RESULT_RING = '#2b2420';

export const CORE_CLASS_COLOURS = {
  I: '#c0392b',
  II: '#e67e22',
  III: '#2e86c1',
  none: '#7f8c8d',
} as const;

const OFFLINE_ATTRIBUTION = 'Natural Earth · Apache ECharts 4.9';

function offlineLayers(base: string): {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
} {
  const geojson = (file: string): SourceSpecification => ({
    type: 'geojson',
    data: new URL(`basemap/${file}`, base).href,
    attribution: OFFLINE_ATTRIBUTION,
  });
  return {
    sources: {
      land: geojson('land.json'),
      borders: geojson('borders.json'),
      provinces: geojson('china-provinces.json'),
      'china-outline': geojson('china-outline.json'),
    },
    layers: [
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1ea' } },
      {
        id: 'coast',
        type: 'line',
        source: 'land',
        paint: { 'line-color': '#9fb6c8', 'line-width': 0.6 },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': '#a79d92', 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: 'provinces',
        type: 'line',
        source: 'provinces',
        paint: {
          'line-color': '#b8aa9a',
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 8, 1.2],
        },
      },
      {
        id: 'china-outline',
        type: 'line',
        source: 'china-outline',
        paint: { 'line-color': '#8a7260', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1, 8, 2] },
      },
    ],
  };
}

function rasterLayers(basemaps: RasterBasemap[]): {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
} {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  basemaps.forEach((b, i) => {
    const id = `raster-${i}`;
    sources[id] = {
      type: 'raster',
      tiles: [b.url],
      tileSize: b.tileSize,
      maxzoom: b.maxzoom,
      attribution: b.attribution,
    };
    layers.push({ id, type: 'raster', source: id });
  });
  return { sources, layers };
}

const empty = (): SourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
});
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const notPoint: FilterSpecification = ['!=', ['geometry-type'], 'Point'];

/** Under the boreholes: the searched area is context, the holes are what people look for. */
const searchAreaLayers: LayerSpecification[] = [
  {
    id: 'search-area-fill',
    type: 'fill',
    source: SEARCH_AREA_SOURCE,
    filter: notPoint,
    paint: { 'fill-color': SEARCH_AREA_COLOUR, 'fill-opacity': 0.08 },
  },
  {
    id: 'search-area-line',
    type: 'line',
    source: SEARCH_AREA_SOURCE,
    filter: notPoint,
    paint: { 'line-color': SEARCH_AREA_COLOUR, 'line-width': 2 },
  },
  {
    id: 'search-area-centre',
    type: 'circle',
    source: SEARCH_AREA_SOURCE,
    filter: isPoint,
    paint: { 'circle-radius': 4, 'circle-color': SEARCH_AREA_COLOUR },
  },
];

const selected: ExpressionSpecification = ['boolean', ['get', 'selected'], false];
const ringRadius: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  4,
  ['case', selected, 11, 8],
  12,
  ['case', selected, 15, 11],
];

/** Over everything: results are ringed (not filled) so the class colour of the hole still shows. */
const searchResultLayers: LayerSpecification[] = [
  {
    id: 'search-results-halo',
    type: 'circle',
    source: SEARCH_RESULTS_SOURCE,
    paint: {
      'circle-radius': ringRadius,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 5,
      'circle-stroke-opacity': 0.85,
    },
  },
  {
    id: SEARCH_RESULTS_LAYER,
    type: 'circle',
    source: SEARCH_RESULTS_SOURCE,
    paint: {
      'circle-radius': ringRadius,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': ['case', selected, SEARCH_AREA_COLOUR, SEARCH_RESULT_RING],
      'circle-stroke-width': ['case', selected, 3.5, 2.5],
    },
  },
];

const searchDraftLayers: LayerSpecification[] = [
  {
    id: 'search-draft-line',
    type: 'line',
    source: SEARCH_DRAFT_SOURCE,
    filter: notPoint,
    paint: { 'line-color': SEARCH_AREA_COLOUR, 'line-width': 2, 'line-dasharray': [2, 1.5] },
  },
  {
    id: 'search-draft-vertices',
    type: 'circle',
    source: SEARCH_DRAFT_SOURCE,
    filter: isPoint,
    paint: {
      // The first vertex is larger: clicking it closes the polygon.
      'circle-radius': ['case', ['boolean', ['get', 'first'], false], 7, 4.5],
      'circle-color': '#ffffff',
      'circle-stroke-color': SEARCH_AREA_COLOUR,
      'circle-stroke-width': 2,
    },
  },
];

/** `base` is the app's own URL, so the GeoJSON URLs are absolute (the worker fetches them). */
export function buildMapStyle(basemaps: RasterBasemap[], base: string): StyleSpecification {
  const basemap = basemaps.length > 0 ? rasterLayers(basemaps) : offlineLayers(base);
  return {
    version: 8,
    sources: {
      ...basemap.sources,
      [BOREHOLE_SOURCE]: empty(),
      [SEARCH_AREA_SOURCE]: empty(),
      [SEARCH_DRAFT_SOURCE]: empty(),
      [SEARCH_RESULTS_SOURCE]: empty(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dce8f0' } },
      ...basemap.layers,
      ...searchAreaLayers,
      {
        id: POINT_LAYER,
        type: 'circle',
        source: BOREHOLE_SOURCE,
        filter: ['!', ['boolean', ['get', 'cluster'], false]],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4, 12, 7],
          'circle-color': [
            'match',
            ['get', 'core_class'],
            'I',
            CORE_CLASS_COLOURS.I,
            'II',
            CORE_CLASS_COLOURS.II,
            'III',
            CORE_CLASS_COLOURS.III,
            CORE_CLASS_COLOURS.none,
          ],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: CLUSTER_LAYER,
        type: 'symbol',
        source: BOREHOLE_SOURCE,
        filter: ['boolean', ['get', 'cluster'], false],
        layout: {
          'icon-image': ['get', 'icon'],
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      },
      ...searchResultLayers,
      ...searchDraftLayers,
    ],
  };
}
