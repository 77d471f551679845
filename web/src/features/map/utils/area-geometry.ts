// Geometry for drawing map-search shapes: distances and circles on the same sphere the server
// measures on, so the circle drawn is the circle searched.
import type { Bbox, Circle, LonLat } from '../../search/utils/search-area.js';

/** PostGIS's ST_DistanceSphere radius, which the server uses on both engines. */
export const SPHERE_RADIUS_KM = 6370.986;

const RAD = Math.PI / 180;

/** Great-circle distance (haversine). */
export function distanceKm([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * SPHERE_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point `km` away from `from` on the initial bearing `bearing` (degrees clockwise from north). */
export function destination([lon, lat]: LonLat, km: number, bearing: number): LonLat {
  const d = km / SPHERE_RADIUS_KM;
  const b = bearing * RAD;
  const lat1 = lat * RAD;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 =
    lon * RAD +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return [lon2 / RAD, lat2 / RAD];
}

/**
 * A closed ring approximating the circle: `steps` points at equal bearings. Longitudes are left
 * continuous (not wrapped to ±180) so a circle near the antimeridian still draws as one shape.
 */
export function circleRing(circle: Circle, steps = 64): LonLat[] {
  const centre: LonLat = [circle.lon, circle.lat];
  const ring: LonLat[] = [];
  for (let i = 0; i < steps; i++) ring.push(destination(centre, circle.km, (360 * i) / steps));
  ring.push(ring[0]!);
  return ring;
}

export function boundsOf(points: readonly LonLat[]): Bbox | null {
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
