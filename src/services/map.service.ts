// Server-side clustering for the map: one supercluster index over every mapped borehole, so the
// browser draws a few hundred features whatever the zoom, even for a million holes.
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Store } from '../store/store.js';
import { searchColumnsRepository } from '../store/repositories/search-columns.repository.js';
import { boreholeRepository } from '../store/repositories/borehole.repository.js';
import { publishedPosition } from '../domain/desensitise.js';
import { InvalidInputError } from './errors.js';
import { parseBox } from './bbox.js';

/** The index keeps only the row id per point; labels are read for the few points a view shows. */
interface Lean {
  i: number;
}
type LeanPoint = Feature<Point, Lean>;

export type BBox = [number, number, number, number];

/** How often the store's search epoch (moved by every change to boreholes) is checked. */
const RECHECK_MS = 5_000;
const PAGE = 50_000;

export class MapClusters {
  private index: Supercluster<Lean> | undefined;
  private building: Promise<Supercluster<Lean>> | undefined;
  private token = '';
  private checkedAt = 0;

  constructor(private readonly store: Store) {}

  private async build(): Promise<Supercluster<Lean>> {
    const token = await searchColumnsRepository(this.store.db).epoch();
    const repo = boreholeRepository(this.store.db);
    const points: LeanPoint[] = [];
    for (let after = 0; ;) {
      const rows = await repo.mapPointsAfter(after, PAGE);
      if (rows.length === 0) break;
      for (const r of rows) {
        const p = publishedPosition({ lon: r.lon, lat: r.lat }, r.confidentiality);
        points.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p.lon!, p.lat!] },
          properties: { i: r.id },
        });
      }
      after = rows[rows.length - 1]!.id;
    }
    const index = new Supercluster<Lean>({ radius: 60, maxZoom: 14, minPoints: 2 }).load(points);
    this.index = index;
    this.token = token;
    this.checkedAt = Date.now();
    return index;
  }

  /** The current index; rebuilt in the background when the store changed, served stale meanwhile. */
  private async current(): Promise<Supercluster<Lean>> {
    if (!this.index) return (this.building ??= this.build().finally(() => (this.building = undefined)));
    if (!this.building && Date.now() - this.checkedAt > RECHECK_MS) {
      this.checkedAt = Date.now();
      if ((await searchColumnsRepository(this.store.db).epoch()) !== this.token) {
        this.building = this.build().finally(() => (this.building = undefined));
      }
    }
    return this.index;
  }

  /** Waits for any rebuild, for tests and the first request after a load. */
  async refresh(): Promise<void> {
    this.checkedAt = 0;
    await this.current();
    if (this.building) await this.building;
  }

  async clusters(bbox: BBox, zoom: number): Promise<FeatureCollection<Point>> {
    const index = await this.current();
    const found = index.getClusters(bbox, Math.floor(zoom));
    const isLeaf = (p: object): p is Lean => 'i' in p;
    const leafIds = found.flatMap((f) => (isLeaf(f.properties) ? [f.properties.i] : []));
    const labels = new Map(
      (await boreholeRepository(this.store.db).labelsByIds(leafIds)).map((l) => [l.id, l]),
    );
    const features: Array<Feature<Point>> = [];
    for (const f of found) {
      if (!isLeaf(f.properties)) {
        const { cluster_id, point_count } = f.properties as ClusterProperties;
        features.push({
          type: 'Feature',
          geometry: f.geometry,
          properties: { cluster: true, cluster_id, point_count },
        });
        continue;
      }
      const label = labels.get(f.properties.i);
      if (!label) continue; // deleted since the index was built
      features.push({
        type: 'Feature',
        geometry: f.geometry,
        properties: { id: label.public_id, name: label.name, core_class: label.core_class },
      });
    }
    return { type: 'FeatureCollection', features };
  }
}

/** Parses `minLon,minLat,maxLon,maxLat`; a view across the antimeridian has minLon > maxLon. */
export function parseBBox(text: string): BBox {
  const box = parseBox(text, { acrossAntimeridian: true });
  if (!box) throw new InvalidInputError('bbox is required', [{ field: 'bbox', message: 'required' }]);
  return [...box] as BBox;
}
