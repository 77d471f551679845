// Server-side clustering for the map: one supercluster index over every mapped borehole, so the
// browser draws a few hundred features whatever the zoom, even for a million holes.
import Supercluster from 'supercluster';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Store } from '../store/store.js';
import { changeToken } from '../store/change-token.js';
import { boreholeRepository } from '../store/repositories/borehole.repository.js';
import { publishedPosition } from '../domain/desensitise.js';
import { InvalidInputError } from './errors.js';

interface PointProps {
  id: string;
  name: string;
  core_class: string | null;
}

export type BBox = [number, number, number, number];

/** How often the store is asked whether boreholes changed. */
const RECHECK_MS = 5_000;

export class MapClusters {
  private index: Supercluster<PointProps> | undefined;
  private building: Promise<Supercluster<PointProps>> | undefined;
  private token = '';
  private checkedAt = 0;

  constructor(private readonly store: Store) {}

  private async build(): Promise<Supercluster<PointProps>> {
    const token = await changeToken(this.store);
    const rows = await boreholeRepository(this.store.db).mapPoints();
    const features: Array<Feature<Point, PointProps>> = rows.map((r) => {
      const p = publishedPosition({ lon: r.lon, lat: r.lat }, r.confidentiality);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon!, p.lat!] },
        properties: { id: r.public_id, name: r.name, core_class: r.core_class },
      };
    });
    const index = new Supercluster<PointProps>({ radius: 60, maxZoom: 16, minPoints: 2 }).load(features);
    this.index = index;
    this.token = token;
    this.checkedAt = Date.now();
    return index;
  }

  /** The current index; rebuilt in the background when the store changed, served stale meanwhile. */
  private async current(): Promise<Supercluster<PointProps>> {
    if (!this.index) return (this.building ??= this.build().finally(() => (this.building = undefined)));
    if (!this.building && Date.now() - this.checkedAt > RECHECK_MS) {
      this.checkedAt = Date.now();
      if ((await changeToken(this.store)) !== this.token) {
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
    return { type: 'FeatureCollection', features: index.getClusters(bbox, Math.floor(zoom)) };
  }
}

/** Parses `minLon,minLat,maxLon,maxLat`; a bbox crossing the antimeridian has minLon > maxLon. */
export function parseBBox(text: string): BBox {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    throw new InvalidInputError('bbox must be four numbers: minLon,minLat,maxLon,maxLat', [
      { field: 'bbox', message: text.slice(0, 100) },
    ]);
  }
  const [minLon, minLat, maxLon, maxLat] = parts as BBox;
  if (minLat > maxLat)
    throw new InvalidInputError('bbox minLat is greater than maxLat', [{ field: 'bbox', message: text }]);
  if ([minLon, maxLon].some((v) => v < -180 || v > 180) || [minLat, maxLat].some((v) => v < -90 || v > 90)) {
    throw new InvalidInputError('bbox is outside −180..180, −90..90', [{ field: 'bbox', message: text }]);
  }
  return [minLon, minLat, maxLon, maxLat];
}
