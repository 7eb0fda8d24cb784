import type { ModelComparisonSection } from '../../workflow/index.js';
import { abbreviatedModelSpecs } from '../model-names.js';
import { NOMINAL_ORDER } from './chart-label.js';
import { intervalRuleLayer, referenceRuleLayer } from './chart-layers.js';
import { CHART_CONFIG, type ChartSpec, COLORS, SCHEMA } from './chart-theme.js';

/** CV score of each model (±1 std over folds) next to the most-frequent-class baseline. */
export function modelComparisonChart(section: ModelComparisonSection): ChartSpec {
  const metric = section.metric;
  const names = abbreviatedModelSpecs(section.models.map((model) => model.spec));
  const values = section.models.map((model, order) => {
    const { mean, std } = model.scores[metric];
    return {
      model: names[order],
      order,
      mean,
      low: mean - std,
      high: mean + std,
      best: model.spec === section.best,
    };
  });
  const baseline =
    metric === 'accuracy'
      ? section.dummy.accuracy
      : metric === 'f1_weighted'
        ? section.dummy.f1Weighted
        : null;
  const y = {
    field: 'model',
    type: 'nominal',
    sort: NOMINAL_ORDER,
    title: null,
    axis: { labelLimit: 320 },
  } as const;
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 360,
    height: { step: 22 },
    layer: [
      {
        data: { values },
        mark: 'bar',
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative', title: `CV ${metric}`, scale: { domain: [0, 1] } },
          color: {
            field: 'best',
            type: 'nominal',
            legend: null,
            scale: { domain: [true, false], range: [COLORS.good, COLORS.train] },
          },
        },
      },
      intervalRuleLayer(y, values),
      ...(baseline === null ? [] : [referenceRuleLayer('rate', baseline)]),
    ],
  };
}
