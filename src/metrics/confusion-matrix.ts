import { ModeldebugError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { checkCodePair, resolveLabels } from './check-inputs.js';

export type ConfusionNormalize = 'true' | 'pred' | 'all';

export interface ConfusionMatrixOptions {
  /** Codes to tabulate, in row/column order (sklearn's `labels=`); rows with other codes are dropped. */
  readonly labels?: ArrayLike<number>;
  /** Divide by row sums ('true'), column sums ('pred') or the total ('all'); 0/0 becomes 0. */
  readonly normalize?: ConfusionNormalize;
}

/**
 * C[i][j] = number of rows whose true label is labels[i] and predicted label is labels[j]
 * (sklearn's `confusion_matrix`). Counts are whole numbers stored as float64 so a normalised
 * matrix has the same type.
 */
export function confusionMatrix(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  options: ConfusionMatrixOptions = {},
): Matrix {
  checkCodePair(yTrue, yPred, nLabels);
  const labels = resolveLabels(options.labels, nLabels);
  const size = labels.length;
  const data = new Float64Array(size * size);
  if (yTrue.length === 0) return { rows: size, cols: size, data };

  const position = new Int32Array(nLabels).fill(-1);
  labels.forEach((code, index) => {
    position[code] = index;
  });
  let anyTrueLabel = false;
  for (let n = 0; n < yTrue.length; n++) {
    const i = position[yTrue[n]];
    const j = position[yPred[n]];
    if (i >= 0) anyTrueLabel = true;
    if (i >= 0 && j >= 0) data[i * size + j]++;
  }
  if (!anyTrueLabel) {
    throw new ModeldebugError('invalid_argument', 'At least one label specified must be in y_true');
  }
  if (options.normalize !== undefined) normalizeInPlace(data, size, options.normalize);
  return { rows: size, cols: size, data };
}

function normalizeInPlace(data: Float64Array, size: number, normalize: ConfusionNormalize): void {
  const rowSums = new Float64Array(size);
  const colSums = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const count = data[i * size + j];
      rowSums[i] += count;
      colSums[j] += count;
      total += count;
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const d = normalize === 'true' ? rowSums[i] : normalize === 'pred' ? colSums[j] : total;
      // np.nan_to_num after 0/0: an empty row or column normalises to zeros.
      data[i * size + j] = d === 0 ? 0 : data[i * size + j] / d;
    }
  }
}
