import type { Dataset } from '../../data/index.js';
import type { CurveFailure, CurvePoint } from '../../selection/index.js';
import { datasetLine } from './dataset-line.js';
import { formatValue } from './search-text.js';
import { fixed, textTable } from './text-table.js';

/** One row per size or value: mean ± std of train and CV scores, then per-fold CV scores. */
export function formatCurvePoints(
  firstHeader: string,
  labels: readonly unknown[],
  points: readonly CurvePoint[],
  scoring: string,
): string {
  const nFolds = points[0]?.testScores.length ?? 0;
  const header = [
    firstHeader,
    `train ${scoring}`,
    '±',
    `CV ${scoring}`,
    '±',
    ...Array.from({ length: nFolds }, (_, k) => `fold ${k + 1}`),
  ];
  const rows = points.map((point, p) => [
    formatValue(labels[p]),
    fixed(point.trainMean),
    fixed(point.trainStd),
    fixed(point.testMean),
    fixed(point.testStd),
    ...point.testScores.map((score) => fixed(score)),
  ]);
  return textTable(header, rows);
}

/** Failed fits are listed with their message (their scores show as n/a above). */
export function formatFailures(
  failures: readonly CurveFailure[],
  labelOf: (point: number) => string,
): string {
  if (failures.length === 0) return '';
  const lines = [`Failed fits (${failures.length}), scored n/a:`];
  const shown = failures.slice(0, 10);
  for (const failure of shown)
    lines.push(`  ${labelOf(failure.point)}, fold ${failure.fold + 1}: ${failure.error}`);
  if (failures.length > shown.length)
    lines.push(`  … ${failures.length - shown.length} more (--json gives all)`);
  return lines.join('\n');
}

export function curvePointsJson(points: readonly CurvePoint[]) {
  return {
    trainScores: points.map((point) => point.trainScores),
    testScores: points.map((point) => point.testScores),
    trainScoresMean: points.map((point) => point.trainMean),
    testScoresMean: points.map((point) => point.testMean),
    trainScoresStd: points.map((point) => point.trainStd),
    testScoresStd: points.map((point) => point.testStd),
  };
}

/** The fields a curve's JSON document starts with. */
export function curveJsonHead(dataset: Dataset, model: string, scoring: string, nSplits: number) {
  const { features } = dataset;
  return {
    dataset: { source: dataset.source, rows: features.rows, features: features.cols },
    model,
    scoring,
    nSplits: nSplits,
  };
}

/** The text `curve` and `vcurve` print: what was run, the table, any failed fits, then the verdict. */
export function formatCurveReport(report: {
  readonly command: string;
  readonly dataset: Dataset;
  readonly model: string;
  readonly protocol: string;
  readonly table: string;
  readonly failures: string;
  readonly verdict: readonly string[];
}): string {
  return [
    datasetLine(report.command, report.dataset),
    `model: ${report.model}`,
    `protocol: ${report.protocol}`,
    '',
    report.table,
    ...(report.failures ? ['', report.failures] : []),
    '',
    ...report.verdict,
    '',
  ].join('\n');
}
