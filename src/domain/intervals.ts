// Depth-interval rules shared by imports, API writes and the demo generator.

export interface DepthInterval {
  depth_from: number;
  depth_to: number;
}

export type IntervalProblem =
  | { kind: 'negative'; index: number }
  | { kind: 'empty_or_reversed'; index: number }
  | { kind: 'beyond_total_depth'; index: number; totalDepth: number }
  | { kind: 'overlap'; index: number; other: number };

/**
 * Checks from < to ≤ total depth for each interval and, where `exclusive`, that no two overlap
 * (lithology and boxes tile the hole; samples may overlap duplicates and standards, so they don't).
 * Indexes refer to the input order so callers can name the file line.
 */
export function checkIntervals(
  intervals: readonly DepthInterval[],
  totalDepth: number | null,
  exclusive: boolean,
  tolerance = 1e-6,
): IntervalProblem[] {
  const problems: IntervalProblem[] = [];
  intervals.forEach((iv, index) => {
    if (iv.depth_from < 0) problems.push({ kind: 'negative', index });
    else if (!(iv.depth_from < iv.depth_to)) problems.push({ kind: 'empty_or_reversed', index });
    else if (totalDepth != null && iv.depth_to > totalDepth + tolerance)
      problems.push({ kind: 'beyond_total_depth', index, totalDepth });
  });
  if (exclusive) {
    const order = intervals
      .map((_, i) => i)
      .sort((a, b) => intervals[a]!.depth_from - intervals[b]!.depth_from);
    for (let k = 1; k < order.length; k++) {
      const prev = intervals[order[k - 1]!]!;
      const cur = intervals[order[k]!]!;
      if (cur.depth_from < prev.depth_to - tolerance) {
        problems.push({ kind: 'overlap', index: order[k]!, other: order[k - 1]! });
      }
    }
  }
  return problems;
}

export function describeIntervalProblem(p: IntervalProblem): string {
  switch (p.kind) {
    case 'negative':
      return 'depth "from" is negative';
    case 'empty_or_reversed':
      return 'depth "from" must be less than "to"';
    case 'beyond_total_depth':
      return `interval ends below the hole's total depth (${p.totalDepth} m)`;
    case 'overlap':
      return 'interval overlaps another interval of the same hole';
  }
}
