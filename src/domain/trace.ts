// Hole trace from downhole surveys by the minimum-curvature method (the industry standard, e.g.
// SPE/ISCWSA): each survey interval is a circular arc; the ratio factor RF = 2/β·tan(β/2) bends the
// average-angle tangents onto that arc.

export interface Survey {
  depth: number;
  azimuth: number; // degrees clockwise from north
  dip: number; // degrees below horizontal, positive down (90 = vertical)
}

export interface TracePoint {
  depth: number; // measured depth along the hole
  east: number;
  north: number;
  /** Vertical offset from the collar, negative downwards. */
  elevation: number;
}

const RAD = Math.PI / 180;

function direction(s: Survey): [number, number, number] {
  const inclination = (90 - s.dip) * RAD; // from vertical
  const az = s.azimuth * RAD;
  return [Math.sin(inclination) * Math.sin(az), Math.sin(inclination) * Math.cos(az), -Math.cos(inclination)];
}

/**
 * Computes the trace at each survey station (and at the collar and total depth, extrapolating the
 * last direction). A hole without surveys is taken as vertical.
 */
export function minimumCurvature(surveys: readonly Survey[], totalDepth?: number | null): TracePoint[] {
  const stations = [...surveys].sort((a, b) => a.depth - b.depth);
  if (stations.length === 0) stations.push({ depth: 0, azimuth: 0, dip: 90 });
  if (stations[0]!.depth > 0) stations.unshift({ ...stations[0]!, depth: 0 });
  const last = stations[stations.length - 1]!;
  if (totalDepth != null && totalDepth > last.depth) stations.push({ ...last, depth: totalDepth });

  const points: TracePoint[] = [{ depth: 0, east: 0, north: 0, elevation: 0 }];
  for (let i = 1; i < stations.length; i++) {
    const a = stations[i - 1]!;
    const b = stations[i]!;
    const length = b.depth - a.depth;
    const [ax, ay, az] = direction(a);
    const [bx, by, bz] = direction(b);
    const cos = Math.min(1, Math.max(-1, ax * bx + ay * by + az * bz));
    const beta = Math.acos(cos);
    const rf = beta > 1e-9 ? (2 / beta) * Math.tan(beta / 2) : 1;
    const prev = points[points.length - 1]!;
    points.push({
      depth: b.depth,
      east: prev.east + (length / 2) * (ax + bx) * rf,
      north: prev.north + (length / 2) * (ay + by) * rf,
      elevation: prev.elevation + (length / 2) * (az + bz) * rf,
    });
  }
  return points;
}
