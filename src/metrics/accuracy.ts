import { ModeldebugError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { checkCodePair, checkCodes, checkProbaRows, checkSameLength } from './check-inputs.js';
import type { MetricWarning, Scored } from './metric-warning.js';
import { mean } from './pairwise-sum.js';

/** Fraction of rows with yPred = yTrue (NaN for no rows, as numpy's mean of nothing). */
export function accuracy(yTrue: Int32Array, yPred: Int32Array): number {
  checkSameLength(yTrue, yPred, 'yTrue and yPred');
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

export interface BalancedAccuracyOptions {
  /** Rescale so that chance scores 0 and perfect scores 1: (score − 1/K) / (1 − 1/K). */
  readonly adjusted?: boolean;
}

/**
 * Mean recall over the classes that occur in yTrue. Like sklearn (which has no `labels=` here) the
 * class list is the labels present, so nLabels does not change the value; a class that is predicted
 * but never true is left out with a warning.
 */
export function balancedAccuracy(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  options: BalancedAccuracyOptions = {},
): Scored {
  checkCodePair(yTrue, yPred, nLabels);
  const hits = new Float64Array(nLabels);
  const actual = new Float64Array(nLabels);
  const predicted = new Float64Array(nLabels);
  for (let i = 0; i < yTrue.length; i++) {
    actual[yTrue[i]]++;
    predicted[yPred[i]]++;
    if (yTrue[i] === yPred[i]) hits[yTrue[i]]++;
  }
  const recalls: number[] = [];
  const warnings: MetricWarning[] = [];
  for (let k = 0; k < nLabels; k++) {
    if (actual[k] > 0) recalls.push(hits[k] / actual[k]);
    else if (predicted[k] > 0 && warnings.length === 0) {
      warnings.push({
        code: 'y_pred_class_not_in_y_true',
        category: 'UserWarning',
        message: 'y_pred contains classes not in y_true',
      });
    }
  }
  let score = mean(recalls);
  if (options.adjusted) {
    const chance = 1 / recalls.length;
    score = (score - chance) / (1 - chance);
  }
  return { value: score, warnings };
}

/**
 * Fraction of rows whose true class is among the k highest scores. With a Matrix (one column per
 * code) ties rank the higher code first, as sklearn's reversed stable argsort does; a Float64Array is
 * sklearn's binary form, P(code 1), where k = 1 thresholds at 0.5 and k ≥ 2 always hits.
 */
export function topKAccuracy(yTrue: Int32Array, scores: Matrix | Float64Array, k: number): Scored {
  checkProbaRows(yTrue, scores);
  if (!Number.isInteger(k) || k < 1)
    throw new ModeldebugError('invalid_argument', `k must be a positive integer, got ${k}`);
  const nClasses = scores instanceof Float64Array ? 2 : scores.cols;
  checkCodes(yTrue, nClasses, 'yTrue');
  const warnings: MetricWarning[] = [];
  if (k >= nClasses) {
    warnings.push({
      code: 'k_covers_all_classes',
      category: 'UndefinedMetricWarning',
      message: `'k' (${k}) greater than or equal to 'n_classes' (${nClasses}) will result in a perfect score and is therefore meaningless.`,
    });
  }
  let hits = 0;
  if (scores instanceof Float64Array) {
    hits = k === 1 ? binaryTopOneHits(yTrue, scores) : yTrue.length;
  } else {
    const { cols, data } = scores;
    for (let i = 0; i < yTrue.length; i++) {
      const row = i * cols;
      const t = yTrue[i];
      const trueScore = data[row + t];
      let ahead = 0;
      for (let j = 0; j < cols; j++) {
        const s = data[row + j];
        if (s > trueScore || (s === trueScore && j > t)) ahead++;
      }
      if (ahead < k) hits++;
    }
  }
  return { value: hits / yTrue.length, warnings };
}

function binaryTopOneHits(yTrue: Int32Array, scores: Float64Array): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  // Probabilities are thresholded at 0.5, decision values at 0.
  const threshold = min >= 0 && max <= 1 ? 0.5 : 0;
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if ((scores[i] > threshold ? 1 : 0) === yTrue[i]) hits++;
  return hits;
}
