import { ModeldebugError } from '../core/errors.js';
import { confusionMatrix } from './confusion-matrix.js';
import { pairwiseSum } from './pairwise-sum.js';

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface CohenKappaOptions {
  /** Codes to tabulate (sklearn's `labels=`); their positions set the linear/quadratic distances. */
  readonly labels?: ArrayLike<number>;
  readonly weights?: KappaWeights;
}

/**
 * κ = 1 − Σ w∘C / Σ w∘E, with E the outer product of the marginals over the total and w 0 on the
 * diagonal and 1 (none), |i−j| (linear) or (i−j)² (quadratic) elsewhere.
 */
export function cohenKappa(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  options: CohenKappaOptions = {},
): number {
  const weights = options.weights ?? 'none';
  if (weights !== 'none' && weights !== 'linear' && weights !== 'quadratic') {
    throw new ModeldebugError('invalid_argument', 'Unknown kappa weighting type.');
  }
  const confusion = confusionMatrix(yTrue, yPred, nLabels, { labels: options.labels });
  const size = confusion.rows;
  const columnSums = new Float64Array(size);
  const rowSums = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      rowSums[i] += confusion.data[i * size + j];
      columnSums[j] += confusion.data[i * size + j];
    }
  }
  const total = pairwiseSum(columnSums);
  const observed = new Float64Array(size * size);
  const expected = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const distance = Math.abs(i - j);
      const w =
        weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? distance : distance * distance;
      observed[i * size + j] = w * confusion.data[i * size + j];
      // sklearn's np.outer(sum0, sum1): column sums index the rows here (w is symmetric).
      expected[i * size + j] = w * ((columnSums[i] * rowSums[j]) / total);
    }
  }
  return 1 - pairwiseSum(observed) / pairwiseSum(expected);
}
