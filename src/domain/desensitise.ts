// Coordinates of classified (涉密) boreholes are coarsened before publication (DOMAIN.md, security).
// Snapping to the centre of a fixed grid cell gives the same answer for every hole in the cell, so
// repeated queries, sorting or averaging cannot recover the true position.
import type { Confidentiality } from './vocabulary.js';

/** Cell size in degrees for classified positions (~11 km north–south). */
export const CLASSIFIED_CELL_DEGREES = 0.1;

export interface Position {
  lon: number | null;
  lat: number | null;
}

function snap(value: number, cell: number): number {
  return Math.round((Math.floor(value / cell) * cell + cell / 2) * 1e6) / 1e6;
}

/** The position a reader without clearance may see. */
export function publishedPosition(
  position: Position,
  confidentiality: Confidentiality | string,
): Position & { coarsened: boolean } {
  if (confidentiality !== 'classified' || position.lon == null || position.lat == null) {
    return { ...position, coarsened: false };
  }
  return {
    lon: snap(position.lon, CLASSIFIED_CELL_DEGREES),
    lat: snap(position.lat, CLASSIFIED_CELL_DEGREES),
    coarsened: true,
  };
}

/**
 * The cells (numbers k = floor(value / cell)) whose published centre lies within [min, max]: a
 * search box must select classified holes by where they are shown, never by where they are, or
 * moving its edge would reveal the true position.
 */
export function cellsShownWithin(
  min: number,
  max: number,
  cell: number = CLASSIFIED_CELL_DEGREES,
): [first: number, last: number] {
  // The centre of cell k computed as snap() computes it, never by snapping k * cell: that product
  // can fall a hair short of its cell (708 * 0.1 / 0.1 < 708).
  const centre = (k: number) => Math.round((k * cell + cell / 2) * 1e6) / 1e6;
  let first = Math.floor(min / cell) - 1;
  while (centre(first) < min) first++;
  let last = Math.floor(max / cell) + 1;
  while (centre(last) > max) last--;
  return [first, last];
}
