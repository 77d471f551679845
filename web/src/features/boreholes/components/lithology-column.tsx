// The borehole column (钻孔柱状图): one rectangle per lithology interval, drawn to depth scale,
// with a depth axis, the total depth marked, a tooltip per interval and a legend of rock types.
import { formatNumber } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { Lang } from '../../../lib/i18n.js';
import type { LithologyInterval } from '../api/get-borehole.js';
import { lithologyColour, ORE_KEY, rockKey } from '../utils/lithology-colours.js';
import { linearScale, niceTicks } from '../utils/scale.js';

const WIDTH = 320;
const TOP = 16;
const AXIS_X = 58;
const COLUMN_X = 66;
const COLUMN_W = 64;
const LABEL_X = COLUMN_X + COLUMN_W + 8;
const MIN_LABEL_PX = 13;

function rockName(i: LithologyInterval, lang: Lang): string {
  const [first, second] = lang === 'zh' ? [i.name_zh, i.name_en] : [i.name_en, i.name_zh];
  return first || second || i.code || '?';
}

/** Taller holes get a taller column, within limits that keep it on one screen. */
export function columnHeight(depth: number): number {
  return Math.round(Math.min(900, Math.max(360, depth * 1.5)));
}

export function LithologyColumn({
  intervals,
  totalDepth,
}: {
  intervals: LithologyInterval[];
  totalDepth: number | null;
}) {
  const { t, lang } = useI18n();
  const sorted = [...intervals].sort((a, b) => a.depth_from - b.depth_from);
  const maxDepth = Math.max(totalDepth ?? 0, ...sorted.map((i) => i.depth_to));
  if (sorted.length === 0 || !(maxDepth > 0)) return <p className="empty">{t('lithology.empty')}</p>;

  const height = columnHeight(maxDepth);
  const y = linearScale([0, maxDepth], [TOP, TOP + height]);
  const ticks = niceTicks(0, maxDepth, Math.round(height / 60));
  const legend = new Map<string, { colour: string; name: string }>();
  for (const i of sorted) {
    const key = rockKey(i);
    const name = key === ORE_KEY ? t('lithology.ore') : rockName(i, lang);
    if (!legend.has(key)) legend.set(key, { colour: lithologyColour(i), name });
  }
  const fmt = (v: number): string => formatNumber(v, lang, 2);

  return (
    <figure className="lithology">
      <svg
        data-testid="lithology-column"
        viewBox={`0 0 ${WIDTH} ${height + TOP * 2 + 8}`}
        width={WIDTH}
        height={height + TOP * 2 + 8}
        role="group"
        aria-label={t('lithology.figure')}
        className="lithology__svg"
      >
        <text x={8} y={10} className="axis-title">
          {t('lithology.depth')}
        </text>
        <line x1={AXIS_X} x2={AXIS_X} y1={y(0)} y2={y(maxDepth)} className="axis" />
        {ticks.map((d) => (
          <g key={d}>
            <line x1={AXIS_X - 5} x2={AXIS_X} y1={y(d)} y2={y(d)} className="axis" />
            <text x={AXIS_X - 8} y={y(d) + 4} textAnchor="end" className="tick">
              {formatNumber(d, lang, 1)}
            </text>
          </g>
        ))}
        {sorted.map((i, n) => {
          const top = y(i.depth_from);
          const h = Math.max(0.5, y(i.depth_to) - top);
          const name = rockName(i, lang);
          const tip = t('lithology.interval', { from: fmt(i.depth_from), to: fmt(i.depth_to), name });
          return (
            <g key={`${i.depth_from}-${n}`}>
              <rect
                data-testid="lithology-interval"
                x={COLUMN_X}
                y={top}
                width={COLUMN_W}
                height={h}
                fill={lithologyColour(i)}
                className="lithology__interval"
              >
                <title>{i.description ? `${tip}\n${i.description}` : tip}</title>
              </rect>
              {h >= MIN_LABEL_PX && (
                <text x={LABEL_X} y={top + Math.min(h / 2, 14) + 4} className="lithology__label">
                  {name}
                </text>
              )}
            </g>
          );
        })}
        <rect
          x={COLUMN_X}
          y={y(0)}
          width={COLUMN_W}
          height={y(maxDepth) - y(0)}
          className="lithology__frame"
        />
        {totalDepth != null && totalDepth > 0 && (
          <g className="lithology__td">
            <line x1={AXIS_X - 6} x2={WIDTH - 8} y1={y(totalDepth)} y2={y(totalDepth)} />
            <text x={WIDTH - 8} y={y(totalDepth) + 14} textAnchor="end">
              {t('lithology.totalDepth', { depth: fmt(totalDepth) })}
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        <h3 className="legend-title">{t('lithology.legend')}</h3>
        <ul className="legend">
          {[...legend.entries()].map(([key, { colour, name }]) => (
            <li key={key}>
              <span className="legend__swatch" style={{ background: colour }} aria-hidden />
              {name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
