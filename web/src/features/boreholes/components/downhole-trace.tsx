// Downhole trace (钻孔轨迹) in plan and in section, from the server's minimum-curvature stations.
import { formatCount, formatNumber } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { TraceStation } from '../api/get-borehole.js';
import { linearScale, niceTicks } from '../utils/scale.js';
import { equalAspectExtent, planPoints, sectionPoints, type XY } from '../utils/trace-projection.js';

const W = 260;
const H = 260;
const PAD = { left: 46, right: 12, top: 12, bottom: 34 };

interface PlotProps {
  title: string;
  xLabel: string;
  yLabel: string;
  points: XY[];
  /** Section plots put depth downward; plan plots put north upward. */
  yDown: boolean;
  minSpan: number;
  testId: string;
}

function TracePlot({ title, xLabel, yLabel, points, yDown, minSpan, testId }: PlotProps) {
  const { t, lang } = useI18n();
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const e = equalAspectExtent(points, innerW, innerH, minSpan);
  const sx = linearScale([e.minX, e.maxX], [PAD.left, PAD.left + innerW]);
  const sy = yDown
    ? linearScale([e.minY, e.maxY], [PAD.top, PAD.top + innerH])
    : linearScale([e.minY, e.maxY], [PAD.top + innerH, PAD.top]);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const end = points[points.length - 1];
  return (
    <figure className="trace-plot">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={title} data-testid={testId}>
        <rect x={PAD.left} y={PAD.top} width={innerW} height={innerH} className="plot-frame" />
        {niceTicks(e.minX, e.maxX, 4).map((v) => (
          <g key={`x${v}`}>
            <line x1={sx(v)} x2={sx(v)} y1={PAD.top} y2={PAD.top + innerH} className="grid" />
            <text x={sx(v)} y={PAD.top + innerH + 13} textAnchor="middle" className="tick">
              {formatNumber(v, lang, 0)}
            </text>
          </g>
        ))}
        {niceTicks(e.minY, e.maxY, 4).map((v) => (
          <g key={`y${v}`}>
            <line x1={PAD.left} x2={PAD.left + innerW} y1={sy(v)} y2={sy(v)} className="grid" />
            <text x={PAD.left - 5} y={sy(v) + 4} textAnchor="end" className="tick">
              {formatNumber(v, lang, 0)}
            </text>
          </g>
        ))}
        <text x={PAD.left + innerW / 2} y={H - 4} textAnchor="middle" className="axis-title">
          {xLabel}
        </text>
        <text
          transform={`translate(11 ${PAD.top + innerH / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-title"
        >
          {yLabel}
        </text>
        <path d={path} className="trace-line" />
        <circle cx={sx(0)} cy={sy(0)} r={4.5} className="trace-collar">
          <title>{t('trace.collar')}</title>
        </circle>
        {end && (
          <rect x={sx(end.x) - 4} y={sy(end.y) - 4} width={8} height={8} className="trace-bottom">
            <title>{t('trace.bottom')}</title>
          </rect>
        )}
      </svg>
    </figure>
  );
}

export function DownholeTrace({ trace, surveyCount }: { trace: TraceStation[]; surveyCount: number }) {
  const { t, lang } = useI18n();
  if (trace.length < 2) return <p className="empty">{t('trace.empty')}</p>;
  const depth = Math.max(...trace.map((s) => -s.elevation), 1);
  return (
    <div className="trace">
      <div className="trace__plots">
        <TracePlot
          title={t('trace.plan')}
          xLabel={t('trace.east')}
          yLabel={t('trace.north')}
          points={planPoints(trace)}
          yDown={false}
          minSpan={Math.max(10, depth * 0.1)}
          testId="trace-plan"
        />
        <TracePlot
          title={t('trace.section')}
          xLabel={t('trace.horizontal')}
          yLabel={t('trace.vertical')}
          points={sectionPoints(trace)}
          yDown
          minSpan={10}
          testId="trace-section"
        />
      </div>
      {surveyCount > 0 && <p className="note">{t('trace.surveys', { n: formatCount(surveyCount, lang) })}</p>}
    </div>
  );
}
