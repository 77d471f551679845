// Projections of the downhole trace for the plan and section plots (pure, unit-tested).
import type { TraceStation } from '../api/get-borehole.js';

export interface XY {
  x: number;
  y: number;
}

/** Plan view: east to the right, north up (y grows downward on screen, so north is negated later). */
export function planPoints(trace: TraceStation[]): XY[] {
  return trace.map((s) => ({ x: s.east, y: s.north }));
}

/**
 * Section view in the vertical plane through the collar towards the bottom of the hole: x is the
 * signed horizontal offset along that azimuth, y the vertical depth below the collar (positive).
 */
export function sectionPoints(trace: TraceStation[]): XY[] {
  const last = trace[trace.length - 1];
  const length = last ? Math.hypot(last.east, last.north) : 0;
  const [ux, uy] = length > 1e-6 && last ? [last.east / length, last.north / length] : [1, 0];
  return trace.map((s) => ({ x: s.east * ux + s.north * uy, y: -s.elevation }));
}

export interface Extent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * Bounds with equal units on both axes that fit a `width`×`height` box, so a bend looks as steep
 * as it is, with at least `minSpan` metres shown (a vertical hole is not a zero-width plot).
 */
export function equalAspectExtent(points: XY[], width: number, height: number, minSpan: number): Extent {
  const xs = points.map((p) => p.x).concat(0);
  const ys = points.map((p) => p.y).concat(0);
  let minX = Math.min(...xs);
  let maxX = Math.max(...xs);
  let minY = Math.min(...ys);
  let maxY = Math.max(...ys);
  const perPx =
    Math.max((maxX - minX) / width, (maxY - minY) / height, minSpan / Math.min(width, height)) * 1.12;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  minX = cx - (perPx * width) / 2;
  maxX = cx + (perPx * width) / 2;
  minY = cy - (perPx * height) / 2;
  maxY = cy + (perPx * height) / 2;
  return { minX, maxX, minY, maxY };
}
