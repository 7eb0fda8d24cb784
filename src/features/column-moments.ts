import type { Matrix } from '../core/index.js';

export interface ColumnMoments {
  readonly mean: Float64Array;
  /** Population variance (ddof = 0). */
  readonly variance: Float64Array;
  /** Non-missing values per column (sklearn's per-feature `n_samples_seen_`). */
  readonly count: Float64Array;
}

/**
 * Mean and variance of each selected column over its non-missing values, as sklearn's
 * `_incremental_mean_and_var` computes them from an empty start: mean = Σx / n and the corrected two-pass
 * variance var = (Σ(x - mean)² - (Σ(x - mean))² / n) / n. Sums run down each column in row order, which
 * is what numpy's axis-0 sum does on a C-ordered array. Unselected columns and all-missing ones get NaN.
 */
export function columnMoments(X: Matrix, selected: Uint8Array): ColumnMoments {
  const { rows, cols, data } = X;
  const sum = new Float64Array(cols);
  const count = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) {
      const x = data[offset + j];
      if (selected[j] === 1 && !Number.isNaN(x)) {
        sum[j] += x;
        count[j]++;
      }
    }
  }
  const mean = new Float64Array(cols);
  for (let j = 0; j < cols; j++) mean[j] = selected[j] === 1 ? sum[j] / count[j] : Number.NaN;

  const correction = new Float64Array(cols);
  const squares = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) {
      const deviation = data[offset + j] - mean[j];
      if (selected[j] === 1 && !Number.isNaN(deviation)) {
        correction[j] += deviation;
        squares[j] += deviation * deviation;
      }
    }
  }
  const variance = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    variance[j] = (squares[j] - (correction[j] * correction[j]) / count[j]) / count[j];
  }
  return { mean, variance, count };
}

/**
 * sklearn's `_is_constant_feature`: a variance within the rounding error of its own computation,
 * var <= n·eps·var + (n·mean·eps)², counts as zero, so a constant column scales by 1 instead of by noise.
 */
export function isConstantFeature(variance: number, mean: number, count: number): boolean {
  const eps = Number.EPSILON;
  return variance <= count * eps * variance + (count * mean * eps) ** 2;
}
