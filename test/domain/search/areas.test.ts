import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AreaError,
  distanceKm,
  inPolygon,
  parseNear,
  parsePolygon,
} from '../../../src/domain/search/areas.js';

describe('search areas', () => {
  it('reads WKT and GeoJSON polygons, closing an open ring', () => {
    const wkt = parsePolygon('POLYGON((91 29, 92 29, 92 30, 91 30))');
    expect(wkt.ring).toHaveLength(5);
    expect(wkt.bbox).toEqual([91, 29, 92, 30]);
    const feature = parsePolygon(
      JSON.stringify({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [2, 0],
              [1, 2],
              [0, 0],
            ],
          ],
        },
      }),
    );
    expect(feature.bbox).toEqual([0, 0, 2, 2]);
  });

  it('rejects polygons it cannot answer for, saying why', () => {
    const bad = [
      ['', /empty/],
      ['POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))', /intersects itself/],
      ['POLYGON((0 0, 1 0, 2 0, 0 0))', /no area|intersects/],
      ['POLYGON((0 0, 1 0, x 1, 0 0))', /vertex 3/],
      ['{"type":"Polygon","coordinates":[]}', /holes|ring/],
    ] as const;
    for (const [text, message] of bad) expect(() => parsePolygon(text), text).toThrow(message);
    expect(() => parsePolygon('POLYGON((0 0))')).toThrow(AreaError);
  });

  it('finds points inside convex polygons exactly when they are inside', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 3, noNaN: true }),
        fc.double({ min: -1, max: 3, noNaN: true }),
        (x, y) => {
          const square = parsePolygon('POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))').ring;
          expect(inPolygon(x, y, square)).toBe(x >= 0 && x <= 2 && y >= 0 && y <= 2);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('measures great circles and bounds circles by a box that holds them', () => {
    expect(distanceKm(116.39, 39.9, 121.47, 31.23)).toBeCloseTo(1066, -1); // Beijing–Shanghai
    fc.assert(
      fc.property(
        fc.double({ min: 73, max: 135, noNaN: true }),
        fc.double({ min: 18, max: 53, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lon, lat, km, bearing) => {
          const c = parseNear(`${lon},${lat},${km}`);
          // A point just inside the circle along any bearing lies inside its box.
          const d = (km * 0.999) / 6370.986;
          const lat2 = Math.asin(
            Math.sin((lat * Math.PI) / 180) * Math.cos(d) +
              Math.cos((lat * Math.PI) / 180) * Math.sin(d) * Math.cos(bearing),
          );
          const lon2 =
            (lon * Math.PI) / 180 +
            Math.atan2(
              Math.sin(bearing) * Math.sin(d) * Math.cos((lat * Math.PI) / 180),
              Math.cos(d) - Math.sin((lat * Math.PI) / 180) * Math.sin(lat2),
            );
          const [pLon, pLat] = [(lon2 * 180) / Math.PI, (lat2 * 180) / Math.PI];
          expect(pLon).toBeGreaterThanOrEqual(c.bbox[0]);
          expect(pLon).toBeLessThanOrEqual(c.bbox[2]);
          expect(pLat).toBeGreaterThanOrEqual(c.bbox[1]);
          expect(pLat).toBeLessThanOrEqual(c.bbox[3]);
        },
      ),
      { numRuns: 2000 },
    );
    expect(() => parseNear('1,2')).toThrow(/three numbers/);
    expect(() => parseNear('1,2,3000')).toThrow(/radius/);
  });
});
