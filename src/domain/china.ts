// Reference data about China for the demo generator and the statistics pages: the 31 mainland
// provinces (GB/T 2260 codes), mining counties, metallogenic belts, commodities, deposit types,
// rock types and well-known deposits. Pure data and look-ups; the numbers are rough on purpose
// (a province's box, a county's usual mine elevation) because they only have to look plausible.
import { PROVINCES } from './china/provinces.data.js';
import { COUNTIES_NORTH } from './china/counties-north.data.js';
import { COUNTIES_SOUTH } from './china/counties-south.data.js';
import { COUNTIES_WEST } from './china/counties-west.data.js';
import { BELTS } from './china/belts.data.js';
import { COMMODITIES, DEPOSIT_TYPES } from './china/commodities.data.js';
import { ROCKS } from './china/rocks.data.js';
import { DEPOSITS_NORTH } from './china/deposits-north.data.js';
import { DEPOSITS_SOUTH } from './china/deposits-south.data.js';
import type { County, FamousDeposit, Province, Rock } from './china/china.types.js';

export type * from './china/china.types.js';
export { PROVINCES, BELTS, COMMODITIES, DEPOSIT_TYPES, ROCKS };

/** Mainland China's rough extent (lon/lat, WGS84), used to reject collars that fell off the map. */
export const CHINA_BOUNDS = { minLon: 73.4, minLat: 18.1, maxLon: 135.1, maxLat: 53.6 } as const;

export const COUNTIES: readonly County[] = [...COUNTIES_NORTH, ...COUNTIES_SOUTH, ...COUNTIES_WEST];
export const FAMOUS_DEPOSITS: readonly FamousDeposit[] = [...DEPOSITS_NORTH, ...DEPOSITS_SOUTH];

const provinceIndex = new Map(PROVINCES.map((p) => [p.code, p]));
const rockIndex = new Map(ROCKS.map((r) => [r.code, r]));

/** The province with this GB/T 2260 code (e.g. '540000'), or undefined. */
export function provinceByCode(code: string): Province | undefined {
  return provinceIndex.get(code);
}

export function rockByCode(code: string): Rock | undefined {
  return rockIndex.get(code);
}

/** Deposit types are stored as the files wrote them (斑岩型, porphyry): every spelling of each key. */
export function depositTypeSpellings(keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const t = DEPOSIT_TYPES.find((d) => d.key === key);
    return t ? [t.key, t.zh, t.en] : [key];
  });
}

/** True when the point lies inside the province's rough bounding box. */
export function inProvinceBox(province: Province, lon: number, lat: number): boolean {
  const [minLon, minLat, maxLon, maxLat] = province.bbox;
  return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
}

export function inChina(lon: number, lat: number): boolean {
  return (
    lon >= CHINA_BOUNDS.minLon &&
    lon <= CHINA_BOUNDS.maxLon &&
    lat >= CHINA_BOUNDS.minLat &&
    lat <= CHINA_BOUNDS.maxLat
  );
}
