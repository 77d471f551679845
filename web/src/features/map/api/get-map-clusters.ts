// GET /api/map/clusters: the server clusters all boreholes, so the client draws only a few hundred.
import type { FeatureCollection, Point } from 'geojson';
import { getJson } from '../../../lib/api-client.js';

export type CoreClass = 'I' | 'II' | 'III';

export interface ClusterProperties {
  cluster: true;
  cluster_id: number;
  point_count: number;
}

export interface BoreholePointProperties {
  cluster?: false;
  id: string;
  name: string;
  core_class: CoreClass | null;
}

export type MapFeatureProperties = ClusterProperties | BoreholePointProperties;
export type MapClusters = FeatureCollection<Point, MapFeatureProperties>;

export interface ClusterQuery {
  bbox: [number, number, number, number];
  zoom: number;
}

export function getMapClusters({ bbox, zoom }: ClusterQuery, signal?: AbortSignal): Promise<MapClusters> {
  const box = bbox.map((n) => n.toFixed(5)).join(',');
  return getJson<MapClusters>('/map/clusters', { bbox: box, zoom }, signal);
}

export function isCluster(p: MapFeatureProperties | null | undefined): p is ClusterProperties {
  return p?.cluster === true;
}
