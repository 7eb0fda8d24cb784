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

/** One curve per class (one-vs-rest), or the positive class of a binary problem. */
function classCurveChart(
  curves: FinalTestSection['curves'],
  pick: (curve: FinalTestSection['curves'][number]) => { x: number[]; y: number[]; label: string },
  titles: { x: string; y: string },
  withDiagonal: boolean,
): ChartSpec {
  const values = curves.flatMap((curve) => {
    const { x, y, label } = pick(curve);
    return x.map((value, i) => ({ x: value, y: y[i], curve: label, order: i }));
  });
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

export function rocChart(curves: FinalTestSection['curves']): ChartSpec {
  return classCurveChart(
    curves,
    (curve) => ({
      x: curve.roc.fpr,
      y: curve.roc.tpr,
      label: `${chartLabel(curve.label)} (AUC ${curve.roc.auc.toFixed(3)})`,
    }),
    { x: 'false positive rate', y: 'true positive rate' },
    true,
  );
}

export function precisionRecallChart(curves: FinalTestSection['curves']): ChartSpec {
  return classCurveChart(
    curves,
    (curve) => ({
      x: curve.pr.recall,
      y: curve.pr.precision,
      label: `${chartLabel(curve.label)} (AP ${curve.pr.averagePrecision.toFixed(3)})`,
    }),
    { x: 'recall', y: 'precision' },
    false,
  );
}
