// The facets a search can count, named like the query-language fields they turn into when clicked
// (province → province:540000), plus depth bands and drilling decades.
import { SHARING_MODES } from '../sharing-modes.js';

export const FACETS = [
  'province',
  'commodity',
  'type',
  'class',
  'custodian',
  'level',
  'funding',
  'has',
  'mode',
  'depth',
  'decade',
] as const;
export type Facet = (typeof FACETS)[number];

/** Kinds of data a borehole can have (has:); images, spectra and XRF arrive with the viewer. */
export const HAS_CODES = ['images', 'spectra', 'xrf', 'lithology', 'samples', 'boxes', 'surveys'] as const;

export const SHARING_MODE_CODES = SHARING_MODES;

export interface FacetCount {
  value: string;
  count: number;
}

/** Depth bands in metres: [label, from, to). */
export const DEPTH_BANDS: ReadonlyArray<readonly [string, number, number]> = [
  ['0-100', 0, 100],
  ['100-300', 100, 300],
  ['300-500', 300, 500],
  ['500-1000', 500, 1000],
  ['1000-2000', 1000, 2000],
  ['2000+', 2000, Number.POSITIVE_INFINITY],
];

/** `1990s` for a drilling start of 1993-…, as the decade facet names it. */
export function decadeOf(drillStart: string): string {
  return `${drillStart.slice(0, 3)}0s`;
}

/** Facet values in the order a reader scans them: most first, then by name; no empty values. */
export function byCount(list: FacetCount[]): FacetCount[] {
  return list
    .filter((r) => r.value !== '' && r.count > 0)
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Depth bands in band order, decades in time order. */
export function inFacetOrder(facet: Facet, counts: FacetCount[]): FacetCount[] {
  if (facet === 'depth') {
    const order = DEPTH_BANDS.map(([label]) => label);
    return counts.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  }
  if (facet === 'decade') return counts.sort((a, b) => a.value.localeCompare(b.value));
  return counts;
}
