// Axis arithmetic for the SVG plots: "nice" tick steps (1, 2, 5 × 10ⁿ) and a linear mapping.

/** Multiples of a nice step that lie between `min` and `max`, about `target` of them. */
export function niceTicks(min: number, max: number, target = 8): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return [min];
  const raw = (max - min) / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // The multiplier nearest the raw step on a log scale (as d3 does): 1, 2, 5 or 10.
  const err = raw / magnitude;
  const step =
    magnitude * (err >= Math.sqrt(50) ? 10 : err >= Math.sqrt(10) ? 5 : err >= Math.sqrt(2) ? 2 : 1);
  const ticks: number[] = [];
  // Integer multiples, trimmed to 12 significant digits: 3 × 0.2 must print as 0.6, and -0 as 0.
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)) || 0);
  return ticks;
}

export interface LinearScale {
  (value: number): number;
  domain: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as LinearScale;
  scale.domain = domain;
  return scale;
}
