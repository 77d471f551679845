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
