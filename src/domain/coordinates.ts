// Coordinate reference systems the importer understands, built from their defining parameters
// (ellipsoid, central meridian, false easting) so nothing is looked up online or in an EPSG
// database. Pure: no I/O; proj4 only computes.
import proj4 from 'proj4';

export type CrsKind = 'geographic' | 'projected' | 'local';

export interface Crs {
  /** 'EPSG:4526', or 'LOCAL' for a mine grid without a transform. */
  readonly code: string;
  readonly kind: CrsKind;
  readonly name: string;
  readonly proj4?: string;
  /** Longitudes and latitudes where the CRS's coordinates are plausible (its area of use plus a margin). */
  readonly area?: { west: number; east: number; south: number; north: number };
  /** Gauss–Krüger zones whose eastings carry the zone number in front (38 512 345.6 m). */
  readonly zonePrefix?: number;
  /** Datum shift to WGS84 not applied (Beijing 1954, Xi'an 1980): positions good to ~150 m only. */
  readonly approximate?: boolean;
}

export class CrsError extends Error {
  override readonly name = 'CrsError';
}

export const LOCAL_CRS: Crs = { code: 'LOCAL', kind: 'local', name: 'local grid (no map position)' };

const GRS80 = '+ellps=GRS80';
const KRASSOWSKY = '+ellps=krass'; // Beijing 1954
const IAG75 = '+a=6378140 +b=6356755.288157528'; // Xi'an 1980
// China's onshore and offshore latitudes, with a margin: the plausible band for its zones.
const CHINA_LAT = { south: 0, north: 56 };

interface Family {
  first: number;
  last: number;
  build(offset: number): Omit<Crs, 'code'>;
}

/** A Gauss–Krüger zone: `width` 3° or 6°, zone numbers from `firstZone`, eastings with or without zone prefix. */
function gaussKruger(datum: string, ellipsoid: string, width: 3 | 6, firstZone: number, prefixed: boolean) {
  return (offset: number): Omit<Crs, 'code'> => {
    const zone = firstZone + offset;
    const cm = width === 6 ? zone * 6 - 3 : zone * 3;
    const falseEasting = prefixed ? zone * 1_000_000 + 500_000 : 500_000;
    const label = width === 3 ? '3-degree Gauss-Kruger' : 'Gauss-Kruger';
    const margin = width / 2 + 1; // holes a little outside their zone are still surveyed in it
    return {
      kind: 'projected',
      name: `${datum} / ${label} ${prefixed ? `zone ${zone}` : `CM ${cm}E`}`,
      proj4: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${falseEasting} +y_0=0 ${ellipsoid} +units=m +no_defs`,
      area: { west: cm - margin, east: cm + margin, ...CHINA_LAT },
      zonePrefix: prefixed ? zone : undefined,
      approximate: datum !== 'CGCS2000',
    };
  };
}

function utm(datum: string, definition: string, firstZone: number, south: boolean) {
  return (offset: number): Omit<Crs, 'code'> => {
    const zone = firstZone + offset;
    const cm = zone * 6 - 183;
    return {
      kind: 'projected',
      name: `${datum} / ${datum === 'GDA94' ? 'MGA' : 'UTM'} zone ${zone}${datum === 'GDA94' ? '' : south ? 'S' : 'N'}`,
      proj4: `+proj=utm +zone=${zone}${south ? ' +south' : ''} ${definition} +units=m +no_defs`,
      area: { west: cm - 4, east: cm + 4, south: south ? -80 : 0, north: south ? 0 : 84 },
    };
  };
}

function geographic(name: string, definition: string, approximate = false) {
  return (): Omit<Crs, 'code'> => ({
    kind: 'geographic',
    name,
    proj4: `+proj=longlat ${definition} +no_defs`,
    area: { west: -180, east: 180, south: -90, north: 90 },
    approximate,
  });
}

/** Every EPSG code the importer accepts, by family: data, so adding a family is one line. */
const FAMILIES: readonly Family[] = [
  { first: 4326, last: 4326, build: geographic('WGS 84', '+datum=WGS84') },
  // CGCS2000 and GDA94 differ from WGS84 by centimetres to 2 m: equal at map scale, no shift applied.
  { first: 4490, last: 4490, build: geographic('CGCS2000', GRS80) },
  { first: 4283, last: 4283, build: geographic('GDA94', GRS80) },
  { first: 4214, last: 4214, build: geographic('Beijing 1954', KRASSOWSKY, true) },
  { first: 4610, last: 4610, build: geographic("Xi'an 1980", IAG75, true) },
  { first: 4491, last: 4501, build: gaussKruger('CGCS2000', GRS80, 6, 13, true) },
  { first: 4502, last: 4512, build: gaussKruger('CGCS2000', GRS80, 6, 13, false) },
  { first: 4513, last: 4533, build: gaussKruger('CGCS2000', GRS80, 3, 25, true) },
  { first: 4534, last: 4554, build: gaussKruger('CGCS2000', GRS80, 3, 25, false) },
  { first: 21413, last: 21423, build: gaussKruger('Beijing 1954', KRASSOWSKY, 6, 13, true) },
  { first: 21453, last: 21463, build: gaussKruger('Beijing 1954', KRASSOWSKY, 6, 13, false) },
  { first: 21473, last: 21483, build: gaussKruger('Beijing 1954', KRASSOWSKY, 6, 13, false) },
  { first: 2401, last: 2421, build: gaussKruger('Beijing 1954', KRASSOWSKY, 3, 25, true) },
  { first: 2422, last: 2442, build: gaussKruger('Beijing 1954', KRASSOWSKY, 3, 25, false) },
  { first: 2327, last: 2337, build: gaussKruger("Xi'an 1980", IAG75, 6, 13, true) },
  { first: 2338, last: 2348, build: gaussKruger("Xi'an 1980", IAG75, 6, 13, false) },
  { first: 2349, last: 2369, build: gaussKruger("Xi'an 1980", IAG75, 3, 25, true) },
  { first: 2370, last: 2390, build: gaussKruger("Xi'an 1980", IAG75, 3, 25, false) },
  { first: 32601, last: 32660, build: utm('WGS 84', '+datum=WGS84', 1, false) },
  { first: 32701, last: 32760, build: utm('WGS 84', '+datum=WGS84', 1, true) },
  { first: 28348, last: 28358, build: utm('GDA94', `${GRS80} +towgs84=0,0,0,0,0,0,0`, 48, true) },
];

/** One line per family, for error messages and `--help`. */
export const SUPPORTED_CRS = [
  'EPSG:4326 WGS 84, EPSG:4490 CGCS2000, EPSG:4283 GDA94 (longitude/latitude)',
  'EPSG:4491–4501 CGCS2000 6° Gauss–Krüger zones 13–23 (zone prefix in easting), EPSG:4502–4512 the same by central meridian',
  'EPSG:4513–4533 CGCS2000 3° Gauss–Krüger zones 25–45 (zone prefix), EPSG:4534–4554 the same by central meridian',
  'EPSG:32601–32660 / 32701–32760 WGS 84 UTM north / south',
  'EPSG:28348–28358 GDA94 MGA zones 48–58',
  'approximate (no datum shift, ~150 m): Beijing 1954 EPSG:4214, 21413–21423, 21453–21463, 21473–21483, 2401–2442; ' +
    "Xi'an 1980 EPSG:4610, 2327–2390",
  'LOCAL: a mine grid kept as local x/y without a map position',
];

const NAMES: Record<string, number> = { wgs84: 4326, 'wgs 84': 4326, cgcs2000: 4490, gda94: 4283 };

/** Parses `EPSG:4526`, `4526`, `urn:ogc:def:crs:EPSG::4526`, `WGS84`, `CGCS2000` or `LOCAL`. */
export function parseCrs(text: string): Crs {
  const raw = text.trim();
  if (/^local$/i.test(raw)) return LOCAL_CRS;
  const named = NAMES[raw.toLowerCase()];
  const match = /^(?:(?:urn:ogc:def:crs:)?epsg:{1,2})?(\d{4,5})$/i.exec(raw);
  if (/^(urn:ogc:def:crs:)?ogc:(1\.3:)?crs84$/i.test(raw)) return crsFromCode(4326);
  const code = named ?? (match ? Number(match[1]) : undefined);
  if (code === undefined) {
    throw new CrsError(
      `${JSON.stringify(raw)} is not a CRS; write EPSG:nnnn or LOCAL. Supported:\n  ${SUPPORTED_CRS.join('\n  ')}`,
    );
  }
  return crsFromCode(code);
}

function crsFromCode(code: number): Crs {
  const family = FAMILIES.find((f) => code >= f.first && code <= f.last);
  if (!family) {
    throw new CrsError(`EPSG:${code} is not a supported CRS. Supported:\n  ${SUPPORTED_CRS.join('\n  ')}`);
  }
  return { code: `EPSG:${code}`, ...family.build(code - family.first) };
}

const converters = new Map<string, (xy: [number, number]) => [number, number]>();

function converter(crs: Crs): (xy: [number, number]) => [number, number] {
  let convert = converters.get(crs.code);
  if (!convert) {
    const transform = proj4(crs.proj4!, 'EPSG:4326');
    convert = (xy) => transform.forward(xy) as [number, number];
    converters.set(crs.code, convert);
  }
  return convert;
}

export type Located = { lon: number; lat: number } | { lon: null; lat: null };
/** Which input value is wrong, and why, in words a geologist can act on. */
export interface CoordinateProblem {
  field: 'easting' | 'northing';
  message: string;
}

/**
 * Longitude/latitude (WGS84) of a point given in `crs`, or the problem with it. `assumed` says the
 * CRS was not given by the user, so numbers that cannot be degrees point at a missing --crs.
 */
export function locate(crs: Crs, x: number, y: number, assumed = false): Located | CoordinateProblem {
  if (crs.kind === 'local') return { lon: null, lat: null };
  if (crs.kind === 'geographic') return checkDegrees(crs, x, y, assumed);
  const prefixProblem = checkZonePrefix(crs, x, y);
  if (prefixProblem) return prefixProblem;
  const [lon, lat] = converter(crs)([x, y]);
  const area = crs.area!;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || !inside(area, lon, lat)) {
    const [slon, slat] = converter(crs)([y, x]);
    const swapped = Number.isFinite(slon) && Number.isFinite(slat) && inside(area, slon, slat);
    return {
      field: 'easting',
      message: swapped
        ? `easting ${x} and northing ${y} look swapped for ${crs.code} (in Chinese surveying X is the northing): map them with --columns easting=<Y column>,northing=<X column>`
        : `easting ${x}, northing ${y} fall outside the area of ${crs.code} (${crs.name}); check the CRS`,
    };
  }
  return { lon, lat };
}

function inside(a: NonNullable<Crs['area']>, lon: number, lat: number): boolean {
  return lon >= a.west && lon <= a.east && lat >= a.south && lat <= a.north;
}

function checkDegrees(crs: Crs, x: number, y: number, assumed: boolean): Located | CoordinateProblem {
  if (Math.abs(x) <= 90 && Math.abs(y) > 90 && Math.abs(y) <= 180) {
    return {
      field: 'easting',
      message: `longitude ${x} and latitude ${y} look swapped (a latitude cannot exceed 90°): swap the columns with --columns easting=<longitude column>,northing=<latitude column>`,
    };
  }
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    if (assumed) {
      return {
        field: Math.abs(x) > 180 ? 'easting' : 'northing',
        message: `${x}, ${y} are not longitude/latitude degrees: give the file's CRS with --crs EPSG:nnnn, or --crs LOCAL for a mine grid`,
      };
    }
    return Math.abs(x) > 180
      ? { field: 'easting', message: `longitude ${x} is outside −180…180 (${crs.code})` }
      : { field: 'northing', message: `latitude ${y} is outside −90…90 (${crs.code})` };
  }
  // Beijing/Xi'an geographic coordinates are taken as WGS84: the ~150 m shift is accepted, as documented.
  return { lon: x, lat: y };
}

function checkZonePrefix(crs: Crs, x: number, y: number): CoordinateProblem | undefined {
  const zone = Math.floor(x / 1_000_000);
  if (crs.zonePrefix !== undefined && zone !== crs.zonePrefix) {
    const yZone = Math.floor(y / 1_000_000);
    if (yZone === crs.zonePrefix) return locateSwapHint(crs, x, y);
    return {
      field: 'easting',
      message:
        x < 1_000_000
          ? `easting ${x} has no zone prefix ${crs.zonePrefix} that ${crs.code} expects: use the CRS "by central meridian" (without prefix) instead`
          : `easting ${x} is in zone ${zone}, not zone ${crs.zonePrefix} of ${crs.code}`,
    };
  }
  if (crs.zonePrefix === undefined && crs.name.includes('Gauss-Kruger') && x >= 10_000_000) {
    return {
      field: 'easting',
      message: `easting ${x} carries a zone prefix (${zone}) but ${crs.code} has none: use the zone-numbered CRS instead`,
    };
  }
  return undefined;
}

function locateSwapHint(crs: Crs, x: number, y: number): CoordinateProblem {
  return {
    field: 'easting',
    message: `easting ${x} and northing ${y} look swapped for ${crs.code} (the zone prefix ${crs.zonePrefix} is on the northing; in Chinese surveying X is the northing): map them with --columns easting=<Y column>,northing=<X column>`,
  };
}
