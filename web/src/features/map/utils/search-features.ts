// What the map search draws, as GeoJSON for the sources in map-style.ts: the area searched, a shape
// being drawn, and the boreholes of the current result page.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { BoreholeSummary } from '../../search/api/search-boreholes.js';
import { parseNear, polygonVertices, type Circle, type LonLat } from '../../search/utils/search-area.js';
import { circleRing, distanceKm } from './area-geometry.js';
import type { MapSearchState } from './map-search-location.js';

type Collection = FeatureCollection<Geometry, Record<string, unknown>>;

const collection = (features: Array<Feature<Geometry, Record<string, unknown>>>): Collection => ({
  type: 'FeatureCollection',
  features,
});

const point = (
  at: LonLat,
  properties: Record<string, unknown> = {},
): Feature<Geometry, Record<string, unknown>> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: at },
  properties,
});

const line = (coordinates: LonLat[]): Feature<Geometry, Record<string, unknown>> => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties: {},
});

const polygon = (ring: LonLat[]): Feature<Geometry, Record<string, unknown>> => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: {},
});

export function noFeatures(): Collection {
  return collection([]);
}

function circleFeatures(circle: Circle): Array<Feature<Geometry, Record<string, unknown>>> {
  return [polygon(circleRing(circle)), point([circle.lon, circle.lat])];
}

/** The committed shape of the mode in use; nothing for the view (it is the map) or anywhere. */
export function areaFeatures(state: Pick<MapSearchState, 'mode' | 'polygon' | 'near'>): Collection {
  if (state.mode === 'polygon' && state.polygon) {
    const vertices = polygonVertices(state.polygon);
    return collection(vertices && vertices.length >= 3 ? [polygon([...vertices, vertices[0]!])] : []);
  }
  if (state.mode === 'radius' && state.near) {
    const circle = parseNear(state.near);
    return collection(circle && circle.km > 0 ? circleFeatures(circle) : []);
  }
  return collection([]);
}

/** A polygon being drawn: its edges, a rubber band to the pointer, and its vertices. */
export function polygonDraftFeatures(vertices: readonly LonLat[], pointer: LonLat | null): Collection {
  if (vertices.length === 0) return collection([]);
  const path = pointer ? [...vertices, pointer] : [...vertices];
  // Closing the preview back to the first vertex shows the area that a double-click would search.
  if (pointer && vertices.length >= 2) path.push(vertices[0]!);
  return collection([
    ...(path.length >= 2 ? [line(path)] : []),
    ...vertices.map((v, i) => point(v, { first: i === 0 && vertices.length >= 3 })),
  ]);
}

/** A radius being set: its centre, and the circle through the pointer. */
export function radiusDraftFeatures(centre: LonLat, pointer: LonLat | null): Collection {
  const km = pointer ? distanceKm(centre, pointer) : 0;
  if (!pointer || km <= 0) return collection([point(centre)]);
  return collection([
    line(circleRing({ lon: centre[0], lat: centre[1], km })),
    line([centre, pointer]),
    point(centre),
  ]);
}

/** The result page's boreholes that have a published position; the one picked in the list is marked. */
export function resultFeatures(items: readonly BoreholeSummary[], selectedId: string | null): Collection {
  return collection(
    items.flatMap((item) =>
      item.lon == null || item.lat == null
        ? []
        : [
            point([item.lon, item.lat], {
              id: item.id,
              name: item.name,
              core_class: item.core_class,
              selected: item.id === selectedId,
            }),
          ],
    ),
  );
}

/**
 * Replaces a source's data once the style has it. The style is parsed shortly after the map is
 * created, so a draw asked for before then waits for the first 'load'. Returns a cancel function.
 */
export function drawInSource(map: MapLibreMap, sourceId: string, data: Collection): () => void {
  const draw = (): void => {
    void map.getSource<GeoJSONSource>(sourceId)?.setData(data);
  };
  if (map.getSource(sourceId)) {
    draw();
    return () => {};
  }
  map.once('load', draw);
  return () => map.off('load', draw);
}
