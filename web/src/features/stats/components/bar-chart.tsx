// A stacked bar chart in plain SVG (the borehole plots' approach: nice ticks, a linear scale), with
// a legend and the figures in each bar's tooltip; the table beside it carries the same numbers.
import { formatNumber } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { stackedBars, type ChartBox } from '../utils/bar-chart.js';

const BOX: ChartBox = { width: 520, height: 240, pad: { left: 52, right: 12, top: 14, bottom: 40 } };

export interface BarSeries {
  label: string;
  /** Index into the palette in stats.css (stats-bar--0 … --5). */
  colour: number;
}

export function StackedBarChart({
  title,
  categories,
  series,
  values,
  digits = 0,
  testId,
}: {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** values[category][series] */
  values: number[][];
  digits?: number;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const layout = stackedBars(values, BOX);
  const { plot } = layout;
  const used = series.flatMap((s, i) => (values.some((column) => (column[i] ?? 0) > 0) ? [s] : []));
  return (
    <figure className="stats-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {categories.length === 0 ? (
        <p className="empty">{t('stats.chartEmpty')}</p>
      ) : (
        <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={title}>
          <rect
            x={plot.left}
            y={plot.top}
            width={plot.right - plot.left}
            height={plot.bottom - plot.top}
            className="plot-frame"
          />
          {layout.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} className="grid" />
              <text x={plot.left - 6} y={tick.y + 4} textAnchor="end" className="tick">
                {formatNumber(tick.value, lang, digits)}
              </text>
            </g>
          ))}
          {layout.segments.map((s) => (
            <rect
              key={`${s.category}-${s.series}`}
              x={s.x}
              y={s.y}
              width={s.width}
              height={s.height}
              className={`stats-bar stats-bar--${series[s.series]?.colour ?? 0}`}
            >
              <title>{`${categories[s.category]} · ${series[s.series]?.label ?? ''}: ${formatNumber(s.value, lang, digits)}`}</title>
            </rect>
          ))}
          {layout.columns.map((c, i) => (
            <g key={categories[i]}>
              <text x={c.x} y={plot.bottom + 15} textAnchor="middle" className="tick">
                {categories[i]}
              </text>
              {c.total > 0 && (
                <text x={c.x} y={c.top - 4} textAnchor="middle" className="stats-chart__total">
                  {formatNumber(c.total, lang, digits)}
                </text>
              )}
            </g>
          ))}
        </svg>
      )}
      {used.length > 1 && (
        <ul className="stats-legend">
          {used.map((s) => (
            <li key={s.label}>
              <span className={`stats-legend__swatch stats-bar--${s.colour}`} aria-hidden />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
