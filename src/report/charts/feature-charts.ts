import type { FeatureSelectionSection } from '../../workflow/index.js';
import { chartLabel, NOMINAL_ORDER } from './chart-label.js';
import { intervalRuleLayer, referenceRuleLayer } from './chart-layers.js';
import { CHART_CONFIG, type ChartSpec, COLORS, SCHEMA } from './chart-theme.js';

/** Bars beyond this many features are cut: the report lists the rest in its table. */
const MAX_BARS = 25;

type Rfecv = NonNullable<FeatureSelectionSection['rfecv']>;
type Importance = NonNullable<FeatureSelectionSection['importance']>;

/** RFE ranking: 1 = kept; a longer bar was eliminated earlier. */
export function featureRankingChart(rfecv: Rfecv): ChartSpec {
  const values = [...rfecv.features]
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_BARS)
    .map((feature, order) => ({
      label: chartLabel(feature.name),
      order,
      rank: feature.rank,
      status: feature.selected ? 'selected' : 'eliminated',
    }));
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 360,
    height: { step: 16 },
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'label', type: 'nominal', sort: NOMINAL_ORDER, title: null },
      x: { field: 'rank', type: 'quantitative', title: 'RFE rank (1 = selected)' },
      color: {
        field: 'status',
        type: 'nominal',
        title: null,
        scale: { domain: ['selected', 'eliminated'], range: [COLORS.good, '#bbb'] },
      },
    },
  };
}

/** RFECV: the cross-validated score against the number of features kept, ±1 std. */
export function rfecvScoresChart(rfecv: Rfecv): ChartSpec {
  const values = rfecv.featureCounts.map((count, k) => ({
    count,
    mean: rfecv.meanScores[k],
    low: rfecv.meanScores[k] - rfecv.stdScores[k],
    high: rfecv.meanScores[k] + rfecv.stdScores[k],
  }));
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 360,
    height: 220,
    data: { values },
    encoding: { x: { field: 'count', type: 'quantitative', title: 'features kept' } },
    layer: [
      {
        mark: { type: 'area', opacity: 0.18, color: COLORS.cv },
        encoding: {
          y: { field: 'low', type: 'quantitative', scale: { zero: false }, title: rfecv.scoring },
          y2: { field: 'high' },
        },
      },
      {
        mark: { type: 'line', point: true, color: COLORS.cv },
        encoding: { y: { field: 'mean', type: 'quantitative', title: rfecv.scoring } },
      },
      referenceRuleLayer('count', rfecv.nFeatures),
    ],
  };
}

/** Permutation importance: the score lost when a feature is shuffled, ±1 std over repeats. */
export function importanceChart(importance: Importance): ChartSpec {
  const values = importance.features.slice(0, MAX_BARS).map((feature, order) => ({
    label: chartLabel(feature.name),
    order,
    mean: feature.mean,
    low: feature.mean - feature.std,
    high: feature.mean + feature.std,
  }));
  const y = { field: 'label', type: 'nominal', sort: NOMINAL_ORDER, title: null } as const;
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 360,
    height: { step: 16 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: COLORS.train },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative', title: `drop in ${importance.scoring} when shuffled` },
        },
      },
      intervalRuleLayer(y),
    ],
  };
}
