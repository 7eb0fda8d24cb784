import type { EpochCurveSection } from '../../workflow/index.js';
import { CHART_CONFIG, type ChartSpec, COLORS, finiteOrNull, SCHEMA } from './chart-theme.js';

/**
 * Training and validation loss per epoch, with a rule at the epoch whose weights the model kept. Losses
 * that blew up (a diverging fit) are left out rather than flattening the rest of the curve.
 */
export function epochCurveChart(curve: EpochCurveSection): ChartSpec {
  const series = [
    ['training loss', curve.trainLoss],
    ['validation loss', curve.validationLoss ?? []],
  ] as const;
  const values = series.flatMap(([name, losses]) =>
    losses.flatMap((loss, k) => {
      const y = finiteOrNull(loss);
      return y === null ? [] : [{ epoch: k + 1, series: name, loss: y }];
    }),
  );
  const layers: ChartSpec[] = [
    {
      mark: { type: 'line', point: curve.trainLoss.length <= 40 },
      encoding: {
        x: { field: 'epoch', type: 'quantitative', title: 'epoch' },
        y: { field: 'loss', type: 'quantitative', title: 'log loss', scale: { zero: false } },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { domain: ['training loss', 'validation loss'], range: [COLORS.train, COLORS.cv] },
        },
      },
    } as ChartSpec,
  ];
  if (curve.bestEpoch !== null) {
    layers.push({
      data: { values: [{ epoch: curve.bestEpoch }] },
      mark: { type: 'rule', strokeDash: [4, 3], color: COLORS.good },
      encoding: { x: { field: 'epoch', type: 'quantitative' } },
    } as ChartSpec);
  }
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 420,
    height: 260,
    data: { values },
    layer: layers,
  } as ChartSpec;
}
