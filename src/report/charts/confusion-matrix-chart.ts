import type { FinalTestSection } from '../../workflow/index.js';
import { chartLabel } from './chart-label.js';
import { CHART_CONFIG, type ChartSpec, SCHEMA } from './chart-theme.js';

/** Heatmap of the confusion matrix: colour by the row-normalised share, text with the count and the %. */
export function confusionMatrixChart(confusion: FinalTestSection['confusion']): ChartSpec {
  const columns = confusion.predictedLabels ?? confusion.labels;
  const values = confusion.labels.flatMap((trueLabel, i) =>
    columns.map((predicted, j) => ({
      trueLabel: chartLabel(trueLabel),
      predicted: chartLabel(predicted),
      row: i,
      column: j,
      count: confusion.counts[i][j],
      share: confusion.rowNormalised[i][j],
      text: `${confusion.counts[i][j]} (${(confusion.rowNormalised[i][j] * 100).toFixed(0)}%)`,
    })),
  );
  // Wide enough for the longest "count (share%)" text, so a cell never spills into the next.
  const longest = Math.max(...values.map((value) => value.text.length));
  const cell = Math.max(56, longest * 7 + 10);
  const side = Math.min(
    Math.max(560, confusion.labels.length * 30),
    Math.max(160, confusion.labels.length * cell),
  );
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: side,
    height: side,
    data: { values },
    encoding: {
      x: {
        field: 'predicted',
        type: 'nominal',
        sort: { field: 'column', op: 'min' },
        title: 'predicted',
        axis: { labelAngle: -40, grid: false },
      },
      y: {
        field: 'trueLabel',
        type: 'nominal',
        sort: { field: 'row', op: 'min' },
        title: 'true label',
        axis: { grid: false },
      },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative',
            scale: { scheme: 'blues', domain: [0, 1] },
            title: 'share of row',
            legend: { format: '.0%' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: confusion.labels.length > 8 ? 8 : 11 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
