// Geometry of the statistics page's stacked bar charts, pure so it is tested without a browser:
// one column per category, its series stacked from the axis up, on "nice" value ticks.
import { linearScale, niceTicks } from '../../boreholes/utils/scale.js';

export interface ChartBox {
  width: number;
  height: number;
  pad: { left: number; right: number; top: number; bottom: number };
}

export interface BarSegment {
  category: number;
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StackedBars {
  segments: BarSegment[];
  /** Value ticks with their heights, from the axis up. */
  ticks: Array<{ value: number; y: number }>;
  /** Where each category's label goes, and its column's total. */
  columns: Array<{ x: number; total: number; top: number }>;
  /** The plot area inside the padding. */
  plot: { left: number; top: number; right: number; bottom: number };
}

/** `values[category][series]`, non-negative; a column of zeros draws nothing but keeps its place. */
export function stackedBars(values: number[][], box: ChartBox, target = 5): StackedBars {
  const plot = {
    left: box.pad.left,
    top: box.pad.top,
    right: box.width - box.pad.right,
    bottom: box.height - box.pad.bottom,
  };
  const totals = values.map((column) => column.reduce((sum, v) => sum + Math.max(0, v), 0));
  const max = Math.max(0, ...totals);
  let ticks = niceTicks(0, max > 0 ? max : 1, target);
  // Round the axis up to the next tick, so the tallest bar never touches the frame unlabelled.
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  if (ticks[ticks.length - 1]! < max)
    ticks = [...ticks, Number((ticks[ticks.length - 1]! + step).toPrecision(12))];
  const top = Math.max(ticks[ticks.length - 1]!, max > 0 ? max : 1);
  const y = linearScale([0, top], [plot.bottom, plot.top]);
  const slot = values.length ? (plot.right - plot.left) / values.length : 0;
  const barWidth = Math.min(slot * 0.6, 48);
  const segments: BarSegment[] = [];
  const columns = values.map((column, category) => {
    const x = plot.left + slot * category + (slot - barWidth) / 2;
    let base = 0;
    column.forEach((raw, series) => {
      const value = Math.max(0, raw);
      if (value === 0) return;
      segments.push({
        category,
        series,
        value,
        x,
        y: y(base + value),
        width: barWidth,
        height: y(base) - y(base + value),
      });
      base += value;
    });
    return { x: x + barWidth / 2, total: totals[category]!, top: y(base) };
  });
  return { segments, ticks: ticks.map((value) => ({ value, y: y(value) })), columns, plot };
}
