import type { ErrorAnalysisSection } from '../../workflow/index.js';
import { chartLabel, NOMINAL_ORDER } from './chart-label.js';
import { intervalRuleLayer, referenceRuleLayer } from './chart-layers.js';
import { CHART_CONFIG, type ChartSpec, COLORS, SCHEMA } from './chart-theme.js';

/** Error rate of each weak slice with its Wilson interval, against the overall error rate. */
export function sliceErrorsChart(section: ErrorAnalysisSection): ChartSpec {
  const values = section.weakSlices.map((slice, order) => ({
    slice: `${chartLabel(slice.slice)} (n=${slice.support})`,
    order,
    errorRate: slice.errorRate,
    low: slice.low,
    high: slice.high,
  }));
  const y = { field: 'slice', type: 'nominal', sort: NOMINAL_ORDER, title: null } as const;
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 360,
    height: { step: 20 },
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: COLORS.bad },
        encoding: {
          y,
          x: {
            field: 'errorRate',
            type: 'quantitative',
            title: 'error rate (95 % Wilson interval)',
            axis: { format: '.0%' },
          },
        },
      },
      intervalRuleLayer(y, values),
      referenceRuleLayer('rate', section.overallErrorRate),
    ],
  };
}
