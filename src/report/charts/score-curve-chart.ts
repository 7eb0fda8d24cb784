import type { CurvePointData } from '../../workflow/index.js';
import { CHART_CONFIG, type ChartSpec, COLORS, finiteOrNull, SCHEMA } from './chart-theme.js';

/**
 * Train and cross-validated scores with ±1 std bands: the learning curve (x = training rows,
 * quantitative) and the validation curve (x = param value, ordinal: values may be null or text).
 */
export function scoreCurveChart(options: {
  readonly x: readonly unknown[];
  readonly xTitle: string;
  readonly xType: 'quantitative' | 'ordinal';
  readonly points: readonly CurvePointData[];
  readonly scoring: string;
}): ChartSpec {
  const values = options.points.flatMap((point, k) => {
    const x = options.xType === 'ordinal' ? String(options.x[k]) : options.x[k];
    return (
      [
        ['train', point.trainMean, point.trainStd],
        ['cross-validation', point.testMean, point.testStd],
      ] as const
    ).flatMap(([series, mean, std]) => {
      const m = finiteOrNull(mean);
      if (m === null) return [];
      const s = finiteOrNull(std) ?? 0;
      return [{ x, series, mean: m, low: m - s, high: m + s }];
    });
  });
  const order = options.x.map(String);
  const x = {
    field: 'x',
    type: options.xType,
    title: options.xTitle,
    ...(options.xType === 'ordinal' ? { sort: order } : {}),
  } as const;
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: ['train', 'cross-validation'], range: [COLORS.train, COLORS.cv] },
  } as const;
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 420,
    height: 260,
    data: { values },
    encoding: { x, color },
    layer: [
      {
        mark: { type: 'area', opacity: 0.18 },
        encoding: {
          y: { field: 'low', type: 'quantitative', title: options.scoring, scale: { zero: false } },
          y2: { field: 'high' },
        },
      },
      {
        mark: { type: 'line', point: true },
        encoding: { y: { field: 'mean', type: 'quantitative', title: options.scoring } },
      },
    ],
  };
}
