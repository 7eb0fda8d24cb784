import type { CalibrationData, FinalTestSection } from '../../workflow/index.js';
import { chartLabel } from './chart-label.js';
import { CHART_CONFIG, type ChartSpec, COLORS, SCHEMA } from './chart-theme.js';

const DIAGONAL = {
  values: [
    { a: 0, b: 0 },
    { a: 1, b: 1 },
  ],
};

/** Reliability diagram: observed accuracy (or positive rate) per confidence bin against the diagonal. */
export function reliabilityChart(calibration: CalibrationData): ChartSpec {
  const values = calibration.bins
    .filter((bin) => bin.count > 0 && bin.meanConfidence !== null && bin.accuracy !== null)
    .map((bin) => ({ confidence: bin.meanConfidence, accuracy: bin.accuracy, count: bin.count }));
  const xTitle = calibration.kind === 'binary' ? 'mean predicted P(positive)' : 'mean top-label confidence';
  const yTitle = calibration.kind === 'binary' ? 'fraction of positives' : 'accuracy';
  const unit = { type: 'quantitative' as const, scale: { domain: [0, 1] } };
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 280,
    height: 280,
    layer: [
      {
        data: DIAGONAL,
        mark: { type: 'line', strokeDash: [4, 3], color: '#999' },
        encoding: { x: { field: 'a', ...unit, title: xTitle }, y: { field: 'b', ...unit, title: yTitle } },
      },
      {
        // A size channel on the line itself would split it into one-point groups: the line and the sized
        // points are layers of their own.
        data: { values },
        mark: { type: 'line', color: COLORS.cv },
        encoding: { x: { field: 'confidence', ...unit }, y: { field: 'accuracy', ...unit } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, color: COLORS.cv, opacity: 0.9 },
        encoding: {
          x: { field: 'confidence', ...unit },
          y: { field: 'accuracy', ...unit },
          size: {
            field: 'count',
            type: 'quantitative',
            title: 'rows in bin',
            scale: { range: [30, 300], zero: false },
          },
        },
      },
    ],
  };
}

/** One line per curve: a class (one-vs-rest), the positive class of a binary problem, or an average. */
function classCurveChart(
  lines: readonly CurveLine[],
  titles: { x: string; y: string },
  withDiagonal: boolean,
): ChartSpec {
  const values = lines.flatMap(({ x, y, label }) =>
    x.map((value, i) => ({ x: value, y: y[i], curve: label, order: i })),
  );
  const unit = { type: 'quantitative' as const, scale: { domain: [0, 1] } };
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 280,
    height: 280,
    layer: [
      ...(withDiagonal
        ? [
            {
              data: DIAGONAL,
              mark: { type: 'line' as const, strokeDash: [4, 3], color: '#999' },
              encoding: { x: { field: 'a', ...unit }, y: { field: 'b', ...unit } },
            },
          ]
        : []),
      {
        data: { values },
        mark: { type: 'line', interpolate: withDiagonal ? 'linear' : 'step-after' },
        encoding: {
          x: { field: 'x', ...unit, title: titles.x },
          y: { field: 'y', ...unit, title: titles.y },
          color: { field: 'curve', type: 'nominal', title: null },
          order: { field: 'order', type: 'quantitative' },
        },
      },
    ],
  };
}

/** Beyond this many classes a curve chart draws only the worst ones (and the averages); a table has all. */
export const MAX_CLASS_CURVES = 6;

type ClassCurve = FinalTestSection['curves'][number];

/** The classes a chart draws: all when few, else the `MAX_CLASS_CURVES` that score lowest. */
export function worstCurves(
  curves: readonly ClassCurve[],
  score: (curve: ClassCurve) => number,
): ClassCurve[] {
  if (curves.length <= MAX_CLASS_CURVES) return [...curves];
  return [...curves].sort((a, b) => score(a) - score(b)).slice(0, MAX_CLASS_CURVES);
}

interface CurveLine {
  readonly x: number[];
  readonly y: number[];
  readonly label: string;
}

export function rocChart(curves: readonly ClassCurve[], microAverage?: ClassCurve): ChartSpec {
  const lines: CurveLine[] = worstCurves(curves, (curve) => curve.roc.auc).map((curve) => ({
    x: curve.roc.fpr,
    y: curve.roc.tpr,
    label: `${chartLabel(curve.label)} (AUC ${curve.roc.auc.toFixed(3)})`,
  }));
  if (curves.length > MAX_CLASS_CURVES) lines.push(macroAverageRoc(curves));
  if (microAverage) {
    lines.push({
      x: microAverage.roc.fpr,
      y: microAverage.roc.tpr,
      label: `micro-average (AUC ${microAverage.roc.auc.toFixed(3)})`,
    });
  }
  return classCurveChart(lines, { x: 'false positive rate', y: 'true positive rate' }, true);
}

export function precisionRecallChart(curves: readonly ClassCurve[], microAverage?: ClassCurve): ChartSpec {
  const lines: CurveLine[] = worstCurves(curves, (curve) => curve.pr.averagePrecision).map((curve) => ({
    x: curve.pr.recall,
    y: curve.pr.precision,
    label: `${chartLabel(curve.label)} (AP ${curve.pr.averagePrecision.toFixed(3)})`,
  }));
  if (microAverage) {
    lines.push({
      x: microAverage.pr.recall,
      y: microAverage.pr.precision,
      label: `micro-average (AP ${microAverage.pr.averagePrecision.toFixed(3)})`,
    });
  }
  return classCurveChart(lines, { x: 'recall', y: 'precision' }, false);
}

/**
 * The macro-average ROC: each class's TPR interpolated on one FPR grid and averaged; its AUC is the mean of
 * the classes' AUCs (sklearn's `roc_auc_score(average='macro', multi_class='ovr')`).
 */
function macroAverageRoc(curves: readonly ClassCurve[]): CurveLine {
  const grid = Array.from({ length: 101 }, (_, k) => k / 100);
  const y = grid.map(
    (x) =>
      curves.reduce((sum, curve) => sum + interpolate(curve.roc.fpr, curve.roc.tpr, x), 0) / curves.length,
  );
  const auc = curves.reduce((sum, curve) => sum + curve.roc.auc, 0) / curves.length;
  return { x: grid, y, label: `macro-average (AUC ${auc.toFixed(3)})` };
}

/** y at x on a polyline with non-decreasing xs (the highest y where xs repeat, as a ROC steps up). */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  let j = 0;
  while (j + 1 < xs.length && xs[j + 1] <= x) j++;
  if (j + 1 >= xs.length || xs[j + 1] === xs[j]) return ys[j];
  return ys[j] + ((ys[j + 1] - ys[j]) * (x - xs[j])) / (xs[j + 1] - xs[j]);
}
