import { CHART_CONFIG, type ChartSpec, COLORS, SCHEMA } from './chart-theme.js';

export interface WaterfallStep {
  readonly label: string;
  /** Cross-validated metric before and after this step. */
  readonly from: number;
  readonly to: number;
}

/**
 * The kept changes as a waterfall: the starting CV score, one floating bar per kept change (green up,
 * red down) and the fixed score. The step labels are values, never field names.
 */
export function fixWaterfallChart(metric: string, start: number, steps: readonly WaterfallStep[]): ChartSpec {
  const end = steps.length > 0 ? steps[steps.length - 1].to : start;
  const values = [
    { step: 'start', low: 0, high: start, kind: 'total', gain: start },
    ...steps.map((step) => ({
      step: step.label,
      low: Math.min(step.from, step.to),
      high: Math.max(step.from, step.to),
      kind: step.to >= step.from ? 'gain' : 'loss',
      gain: step.to - step.from,
    })),
    { step: 'fixed', low: 0, high: end, kind: 'total', gain: end },
  ];
  const all = values.flatMap((value) => (value.kind === 'total' ? [value.high] : [value.low, value.high]));
  const floor = Math.max(0, Math.min(...all) - 0.05);
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 420,
    height: { step: 24 },
    data: { values },
    mark: { type: 'bar', clip: true },
    encoding: {
      y: {
        field: 'step',
        type: 'nominal',
        sort: values.map((value) => value.step),
        title: null,
        axis: { labelLimit: 320 },
      },
      x: {
        field: 'low',
        type: 'quantitative',
        title: `CV ${metric}`,
        scale: { domain: [floor, Math.min(1, Math.max(...all) + 0.02)] },
      },
      x2: { field: 'high' },
      color: {
        field: 'kind',
        type: 'nominal',
        legend: null,
        scale: { domain: ['total', 'gain', 'loss'], range: [COLORS.train, COLORS.good, COLORS.bad] },
      },
      tooltip: [
        { field: 'step', type: 'nominal' },
        { field: 'gain', type: 'quantitative', format: '+.4f' },
      ],
    },
  };
}
