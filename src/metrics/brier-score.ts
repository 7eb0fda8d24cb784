import { ModeldebugError } from '../core/errors.js';
import { checkCodes, checkProbaRows, presentLabels } from './check-inputs.js';
import { mean } from './pairwise-sum.js';

export interface BrierScoreOptions {
  /** The code whose probability is given (sklearn's `pos_label`); default 1. */
  readonly posLabel?: number;
}

/** Mean squared gap (1[y_i = pos] − p_i)² between outcome and predicted probability of the positive code. */
export function brierScore(
  yTrue: Int32Array,
  probPositive: Float64Array,
  nLabels: number,
  options: BrierScoreOptions = {},
): number {
  checkProbaRows(yTrue, probPositive);
  checkCodes(yTrue, nLabels, 'yTrue');
  const present = presentLabels(yTrue, undefined, nLabels);
  if (present.length > 2) {
    throw new ModeldebugError(
      'invalid_argument',
      'Only binary classification is supported. The type of the target is multiclass.',
    );
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const p of probPositive) {
    if (!Number.isFinite(p))
      throw new ModeldebugError('invalid_argument', 'y_prob contains NaN or infinity.');
    if (p < min) min = p;
    if (p > max) max = p;
  }
  if (max > 1) throw new ModeldebugError('invalid_argument', 'y_prob contains values greater than 1.');
  if (min < 0) throw new ModeldebugError('invalid_argument', 'y_prob contains values less than 0.');
  const posLabel = options.posLabel ?? 1;
  const squares = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const gap = (yTrue[i] === posLabel ? 1 : 0) - probPositive[i];
    squares[i] = gap * gap;
  }
  return mean(squares);
}
