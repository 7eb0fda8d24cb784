import { ModeldebugError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { checkCodes, checkProbaRows } from './check-inputs.js';
import { mean, pairwiseSum } from './pairwise-sum.js';

export interface LogLossOptions {
  /** Clip probabilities to [eps, 1 − eps]; sklearn 1.2's 'auto' is float64 machine epsilon. */
  readonly eps?: number;
}

/**
 * Mean negative log-likelihood −(1/n) Σ log p̂_{i, y_i}, where p̂ is each row clipped to [eps, 1 − eps]
 * and renormalised to sum to 1 (sklearn 1.2). A Matrix has one column per code (sklearn with
 * `labels=` the full class list); a Float64Array (or a one-column Matrix) is P(code 1) of a binary
 * problem.
 */
export function logLoss(
  yTrue: Int32Array,
  proba: Matrix | Float64Array,
  options: LogLossOptions = {},
): number {
  checkProbaRows(yTrue, proba);
  const eps = options.eps ?? Number.EPSILON;
  if (proba instanceof Float64Array) return binaryLogLoss(yTrue, proba, eps);
  if (proba.cols === 1) return binaryLogLoss(yTrue, proba.data, eps);
  const { cols, data } = proba;
  if (cols < 2) throw new ModeldebugError('invalid_argument', 'log loss needs at least two classes');
  checkCodes(yTrue, cols, 'yTrue');
  const losses = new Float64Array(yTrue.length);
  const clipped = new Float64Array(cols);
  for (let i = 0; i < yTrue.length; i++) {
    for (let j = 0; j < cols; j++) clipped[j] = clip(data[i * cols + j], eps);
    losses[i] = -Math.log(clipped[yTrue[i]] / pairwiseSum(clipped));
  }
  return mean(losses);
}

/** sklearn turns a 1-D score p into the rows [1 − clip(p), clip(p)] before renormalising. */
function binaryLogLoss(yTrue: Int32Array, p: Float64Array, eps: number): number {
  checkCodes(yTrue, 2, 'yTrue');
  const losses = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const p1 = clip(p[i], eps);
    const p0 = 1 - p1;
    losses[i] = -Math.log((yTrue[i] === 1 ? p1 : p0) / (p0 + p1));
  }
  return mean(losses);
}

function clip(p: number, eps: number): number {
  return Math.min(Math.max(p, eps), 1 - eps);
}
