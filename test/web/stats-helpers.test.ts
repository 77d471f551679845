import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../web/src/app/routes.js';
import { statsCsvUrl, type StatsReport } from '../../web/src/features/stats/api/get-stats.js';
import { stackedBars, type ChartBox } from '../../web/src/features/stats/utils/bar-chart.js';
import {
  parseStatsLocation,
  parseYear,
  statsHref,
} from '../../web/src/features/stats/utils/stats-location.js';
import { coreByLevel, requestsByMode, totalRow } from '../../web/src/features/stats/utils/stats-series.js';

const figures = (over: Partial<StatsReport['totals']> = {}): StatsReport['totals'] => ({
  requests: 0,
  by_mode: { public_welfare: 0, public_loan: 0, cooperative: 0, trade: 0, lease: 0, permit: 0 },
  by_kind: {},
  visits: 0,
  core_metres: 0,
  samples: 0,
  fulfilled: 0,
  rejected: 0,
  data_owed: 0,
  data_returned: 0,
  returned_data_rate: null,
  overdue_loans: 0,
  overdue_data: 0,
  ...over,
});

describe('the statistics page address', () => {
  it('is a route of its own', () => {
    expect(matchRoute('/stats')).toEqual({ name: 'stats' });
    expect(matchRoute('/stats/')).toEqual({ name: 'stats' });
  });

  it('reads group, years and custodian, falling back to the public default', () => {
    expect(parseStatsLocation('')).toEqual({ group: 'year' });
    expect(parseStatsLocation('?group=level&from=2016&to=2019')).toEqual({
      group: 'level',
      from: 2016,
      to: 2019,
    });
    expect(parseStatsLocation('?group=secret&from=16&to=2019x&custodian=%20XZ%20')).toEqual({
      group: 'year',
      custodian: 'XZ',
    });
    expect(parseStatsLocation('?from=2019&to=2016')).toEqual({ group: 'year', from: 2016, to: 2019 });
  });

  it('writes what it reads, leaving the default out', () => {
    const p = { group: 'custodian', from: 2016, to: 2019, custodian: 'XZ' } as const;
    expect(statsHref(p)).toBe('/stats?group=custodian&from=2016&to=2019&custodian=XZ');
    expect(parseStatsLocation(statsHref(p).slice('/stats'.length))).toEqual(p);
    expect(statsHref({ group: 'year' })).toBe('/stats');
    expect(statsCsvUrl({ group: 'level', from: 2016 })).toBe('/api/stats?group=level&from=2016&format=csv');
  });

  it('accepts only four-digit years the server accepts', () => {
    expect(parseYear('2019')).toBe(2019);
    expect(parseYear(' 1949 ')).toBe(1949);
    expect(parseYear('1948')).toBeUndefined();
    expect(parseYear('20190')).toBeUndefined();
    expect(parseYear('')).toBeUndefined();
  });
});

describe('stackedBars', () => {
  const box: ChartBox = { width: 300, height: 220, pad: { left: 40, right: 10, top: 10, bottom: 30 } };

  it('stacks each column from the axis up, in proportion, on a rounded-up axis', () => {
    const { segments, ticks, columns, plot } = stackedBars(
      [
        [3, 1],
        [0, 6.5],
      ],
      box,
    );
    expect(plot).toEqual({ left: 40, top: 10, right: 290, bottom: 190 });
    expect(ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(ticks[0]!.y).toBe(190);
    expect(ticks[ticks.length - 1]!.y).toBe(10);
    // 0 draws nothing; the rest sit on each other without gaps.
    expect(segments.map((s) => [s.category, s.series, s.value])).toEqual([
      [0, 0, 3],
      [0, 1, 1],
      [1, 1, 6.5],
    ]);
    const [a, b, c] = segments;
    expect(a!.y + a!.height).toBeCloseTo(190);
    expect(b!.y + b!.height).toBeCloseTo(a!.y);
    expect(c!.height / a!.height).toBeCloseTo(6.5 / 3);
    expect(columns.map((col) => col.total)).toEqual([4, 6.5]);
    expect(columns[1]!.x).toBeCloseTo(40 + 125 * 1.5);
    expect(columns[1]!.top).toBeCloseTo(c!.y);
  });

  it('draws an empty chart without dividing by zero', () => {
    const { segments, ticks } = stackedBars([[0], [0]], box);
    expect(segments).toEqual([]);
    expect(ticks.every((t) => Number.isFinite(t.y))).toBe(true);
    expect(stackedBars([], box).columns).toEqual([]);
  });
});

describe('chart series', () => {
  const report: StatsReport = {
    group: 'year',
    from: null,
    to: null,
    custodian: null,
    rows: [
      {
        key: '2018',
        label_zh: '2018年',
        label_en: '2018',
        ...figures({
          by_mode: { public_welfare: 2, public_loan: 0, cooperative: 1, lease: 0, trade: 0, permit: 0 },
        }),
      },
      {
        key: '2019',
        label_zh: '2019年',
        label_en: '2019',
        ...figures({
          core_metres: 60.4,
          by_mode: { public_welfare: 0, public_loan: 1, cooperative: 0, trade: 0, lease: 0, permit: 0 },
        }),
      },
    ],
    totals: figures(),
  };

  it('gives requests per year in the modes’ order', () => {
    expect(requestsByMode(report)).toEqual({
      categories: ['2018', '2019'],
      values: [
        [2, 0, 1, 0, 0, 0],
        [0, 1, 0, 0, 0, 0],
      ],
    });
  });

  it('labels rows in the reader’s language, and adds the total as a last row', () => {
    expect(coreByLevel(report, 'zh')).toEqual({ categories: ['2018年', '2019年'], values: [[0], [60.4]] });
    expect(totalRow(figures({ requests: 3 }), { zh: '合计', en: 'Total' })).toMatchObject({
      key: '__total',
      label_zh: '合计',
      requests: 3,
    });
  });
});
