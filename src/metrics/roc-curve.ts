import { ModeldebugError } from '../core/errors.js';
import { binaryClfCurve, positiveMask } from './binary-clf-curve.js';
import { checkCodes, presentLabels } from './check-inputs.js';
import type { MetricWarning } from './metric-warning.js';
import { pairwiseSum } from './pairwise-sum.js';

export interface RocCurve {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
  /** Decreasing; thresholds[0] = max(score) + 1 as in sklearn 1.2 (1.3+ puts +Infinity there). */
  readonly thresholds: Float64Array;
  readonly warnings: readonly MetricWarning[];
}

export interface RocCurveOptions {
  /** The positive code; without it yTrue must only hold codes 0 and 1, and 1 is positive. */
  readonly posLabel?: number;
  /** Drop points collinear with their neighbours (they never change the area); default true. */
  readonly dropIntermediate?: boolean;
}

/** ROC curve of a binary problem: (fpr, tpr) at each threshold, starting from (0, 0). */
export function rocCurve(
  yTrue: Int32Array,
  scores: Float64Array,
  nLabels: number,
  options: RocCurveOptions = {},
): RocCurve {
  checkCodes(yTrue, nLabels, 'yTrue');
  return rocCurveFromMask(
    positiveMask(yTrue, resolvePosLabel(yTrue, nLabels, options.posLabel)),
    scores,
    options,
  );
}

export function rocCurveFromMask(
  isPositive: Uint8Array,
  scores: Float64Array,
  options: RocCurveOptions = {},
): RocCurve {
  let { fps, tps, thresholds } = binaryClfCurve(isPositive, scores);
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const fpsBend = fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]);
      const tpsBend = tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]);
      if (fpsBend !== 0 || tpsBend !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]);
    tps = Float64Array.from(keep, (i) => tps[i]);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]);
  }
  const m = fps.length + 1;
  const warnings: MetricWarning[] = [];
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const allThresholds = new Float64Array(m);
  allThresholds[0] = thresholds[0] + 1;
  allThresholds.set(thresholds, 1);
  const negatives = fps[fps.length - 1];
  const positives = tps[tps.length - 1];
  if (!(negatives > 0)) {
    warnings.push({
      code: 'no_negative_samples',
      category: 'UndefinedMetricWarning',
      message: 'No negative samples in y_true, false positive value should be meaningless',
    });
  }
  if (!(positives > 0)) {
    warnings.push({
      code: 'no_positive_samples',
      category: 'UndefinedMetricWarning',
      message: 'No positive samples in y_true, true positive value should be meaningless',
    });
  }
  for (let i = 1; i < m; i++) {
    fpr[i] = negatives > 0 ? fps[i - 1] / negatives : Number.NaN;
    tpr[i] = positives > 0 ? tps[i - 1] / positives : Number.NaN;
  }
  if (!(negatives > 0)) fpr[0] = Number.NaN;
  if (!(positives > 0)) tpr[0] = Number.NaN;
  return { fpr, tpr, thresholds: allThresholds, warnings };
}

/** Area under a curve by the trapezoidal rule (sklearn's `auc`); x must be monotonic. */
export function trapezoidArea(x: Float64Array, y: Float64Array): number {
  if (x.length < 2) {
    throw new ModeldebugError(
      'invalid_argument',
      `At least 2 points are needed to compute area under curve, but x.shape = ${x.length}`,
    );
  }
  let anyDecrease = false;
  let allNonIncreasing = true;
  for (let i = 1; i < x.length; i++) {
    const dx = x[i] - x[i - 1];
    if (dx < 0) anyDecrease = true;
    if (dx > 0) allNonIncreasing = false;
  }
  if (anyDecrease && !allNonIncreasing) {
    throw new ModeldebugError('invalid_argument', 'x is neither increasing nor decreasing.');
  }
  const pieces = new Float64Array(x.length - 1);
  for (let i = 1; i < x.length; i++) pieces[i - 1] = ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  const area = pairwiseSum(pieces);
  return anyDecrease ? -area : area;
}

/** ROC AUC of one binary split; both classes must occur. */
export function binaryRocAuc(isPositive: Uint8Array, scores: Float64Array): number {
  let positives = 0;
  for (const flag of isPositive) positives += flag;
  if (positives === 0 || positives === isPositive.length) {
    throw new ModeldebugError(
      'single_class',
      'Only one class present in y_true. ROC AUC score is not defined in that case.',
    );
  }
  const curve = rocCurveFromMask(isPositive, scores);
  return trapezoidArea(curve.fpr, curve.tpr);
}

/** sklearn's `_check_pos_label_consistency` for codes: without posLabel only {0, 1} is binary. */
export function resolvePosLabel(yTrue: Int32Array, nLabels: number, posLabel: number | undefined): number {
  const present = presentLabels(yTrue, undefined, nLabels);
  if (posLabel !== undefined) {
    if (!Number.isInteger(posLabel) || posLabel < 0 || posLabel >= nLabels) {
      throw new ModeldebugError('unknown_label', `posLabel ${posLabel} is outside [0, ${nLabels})`);
    }
    return posLabel;
  }
  if (present.some((code) => code > 1)) {
    throw new ModeldebugError(
      'invalid_argument',
      `y_true takes value in {${Array.from(present).join(', ')}} and pos_label is not specified: either make y_true take value in {0, 1} or {-1, 1} or pass pos_label explicitly.`,
    );
  }
  return 1;
}
