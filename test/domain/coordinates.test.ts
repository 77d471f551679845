import { describe, expect, it } from 'vitest';
import { CrsError, locate, parseCrs } from '../../src/domain/coordinates.js';

/**
 * Gauss–Krüger / transverse Mercator forward by Krüger's series in n to sixth order (Karney 2011,
 * "Transverse Mercator with an accuracy of a few nanometers", eqs. 7–9 and 35): written here
 * independently of proj4, to check the importer's conversion.
 */
function kruger(
  lon: number,
  lat: number,
  lon0: number,
  falseEasting: number,
  a = 6378137,
  f = 1 / 298.257222101,
) {
  const n = f / (2 - f);
  const [n2, n3, n4, n5, n6] = [n ** 2, n ** 3, n ** 4, n ** 5, n ** 6];
  const A = (a / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
  const alpha = [
    n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180 - (127 * n5) / 288 + (7891 * n6) / 37800,
    (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440 + (281 * n5) / 630 - (1983433 * n6) / 1935360,
    (61 * n3) / 240 - (103 * n4) / 140 + (15061 * n5) / 26880 + (167603 * n6) / 181440,
    (49561 * n4) / 161280 - (179 * n5) / 168 + (6601661 * n6) / 7257600,
    (34729 * n5) / 80640 - (3418889 * n6) / 1995840,
    (212378941 * n6) / 319334400,
  ];
  const e = (2 * Math.sqrt(n)) / (1 + n);
  const phi = (lat * Math.PI) / 180;
  const lambda = ((lon - lon0) * Math.PI) / 180;
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)));
  const xi1 = Math.atan2(t, Math.cos(lambda));
  const eta1 = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
  let xi = xi1;
  let eta = eta1;
  alpha.forEach((aj, j) => {
    xi += aj * Math.sin(2 * (j + 1) * xi1) * Math.cosh(2 * (j + 1) * eta1);
    eta += aj * Math.cos(2 * (j + 1) * xi1) * Math.sinh(2 * (j + 1) * eta1);
  });
  return { x: falseEasting + A * eta, y: A * xi };
}

describe('coordinates', () => {
  it('builds every family from its parameters', () => {
    expect(parseCrs('EPSG:4526')).toMatchObject({
      kind: 'projected',
      name: 'CGCS2000 / 3-degree Gauss-Kruger zone 38',
      zonePrefix: 38,
    });
    expect(parseCrs('4547').name).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 114E');
    expect(parseCrs('EPSG:4491').name).toBe('CGCS2000 / Gauss-Kruger zone 13');
    expect(parseCrs('EPSG:4512').name).toBe('CGCS2000 / Gauss-Kruger CM 135E');
    expect(parseCrs('EPSG:32650').proj4).toBe('+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs');
    expect(parseCrs('EPSG:28355').name).toBe('GDA94 / MGA zone 55');
    expect(parseCrs('EPSG:2414')).toMatchObject({
      name: 'Beijing 1954 / 3-degree Gauss-Kruger zone 38',
      approximate: true,
    });
    expect(parseCrs('EPSG:2390')).toMatchObject({
      name: "Xi'an 1980 / 3-degree Gauss-Kruger CM 135E",
      approximate: true,
    });
    expect(parseCrs('urn:ogc:def:crs:EPSG::4490').name).toBe('CGCS2000');
    expect(parseCrs('urn:ogc:def:crs:OGC:1.3:CRS84').code).toBe('EPSG:4326');
    expect(parseCrs('local')).toMatchObject({ code: 'LOCAL', kind: 'local' });
  });

  it('refuses an unknown CRS listing the supported families', () => {
    expect(() => parseCrs('EPSG:99999')).toThrow(CrsError);
    expect(() => parseCrs('EPSG:99999')).toThrow(/EPSG:4513–4533 CGCS2000 3° Gauss–Krüger zones 25–45/);
    expect(() => parseCrs('Gauss')).toThrow(/write EPSG:nnnn or LOCAL/);
  });

  it('round-trips a CGCS2000 3° zone 38 point within 1 mm of an independent Krüger-series computation', () => {
    const lon = 114.3217;
    const lat = 30.5482;
    const { x, y } = kruger(lon, lat, 114, 38_500_000);
    const back = locate(parseCrs('EPSG:4526'), x, y);
    if (!('lon' in back) || back.lon === null) throw new Error('not located');
    const again = kruger(back.lon, back.lat, 114, 38_500_000);
    expect(Math.hypot(again.x - x, again.y - y)).toBeLessThan(0.001);
    expect(Math.abs(back.lon - lon) * 111_000).toBeLessThan(0.001);
    // The same point by central meridian (EPSG:4547) and in the 6° zone 20 (EPSG:4498, CM 117°E).
    expect(locate(parseCrs('EPSG:4547'), x - 38_000_000, y)).toMatchObject({ lon: expect.closeTo(lon, 9) });
    const six = kruger(lon, lat, 117, 20_500_000);
    expect(locate(parseCrs('EPSG:4498'), six.x, six.y)).toMatchObject({ lat: expect.closeTo(lat, 9) });
  });

  it('puts Thalanga (MGA zone 55) near Charters Towers', () => {
    const p = locate(parseCrs('EPSG:28355'), 371427, 7750416);
    expect(p).toMatchObject({ lon: expect.closeTo(145.768, 3), lat: expect.closeTo(-20.34, 2) });
  });

  it('detects swapped, non-degree, out-of-zone and prefix problems', () => {
    const wgs = parseCrs('EPSG:4326');
    expect(locate(wgs, 29.6, 91.5)).toMatchObject({
      field: 'easting',
      message: expect.stringMatching(/look swapped/),
    });
    expect(locate(wgs, 2296021, 414095, true)).toMatchObject({
      message: expect.stringMatching(/--crs LOCAL/),
    });
    expect(locate(wgs, 200, 10)).toMatchObject({
      field: 'easting',
      message: expect.stringMatching(/outside −180…180/),
    });
    expect(locate(wgs, 100, -95)).toMatchObject({
      field: 'northing',
      message: expect.stringMatching(/outside −90…90/),
    });
    const zone38 = parseCrs('EPSG:4526');
    expect(locate(zone38, 3_300_000, 38_500_000)).toMatchObject({
      message: expect.stringMatching(/look swapped/),
    });
    expect(locate(zone38, 500_000, 3_300_000)).toMatchObject({
      message: expect.stringMatching(/no zone prefix 38/),
    });
    expect(locate(parseCrs('EPSG:4547'), 38_500_000, 3_300_000)).toMatchObject({
      message: expect.stringMatching(/carries a zone prefix/),
    });
    expect(locate(parseCrs('EPSG:32650'), 950_000, 3_300_000)).toMatchObject({
      message: expect.stringMatching(/outside the area/),
    });
    expect(locate(parseCrs('LOCAL'), 1, 2)).toEqual({ lon: null, lat: null });
  });
});
