import type { Matrix } from '../core/index.js';
import { compareText } from './columns.js';

/** The non-missing values of column j, in row order. */
export function presentValues(X: Matrix, j: number): Float64Array {
  const values = new Float64Array(X.rows);
  let n = 0;
  for (let i = 0; i < X.rows; i++) {
    const x = X.data[i * X.cols + j];
    if (!Number.isNaN(x)) values[n++] = x;
  }
  return values.subarray(0, n);
}

/** Σx / n summed in row order (numpy's masked mean over axis 0); NaN when there is nothing to average. */
export function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** The middle value, or (low + high) / 2 of the two middle ones, as numpy's masked median. */
export function medianOf(values: Float64Array): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const high = sorted.length >> 1;
  const low = sorted.length % 2 === 1 ? high : high - 1;
  return (sorted[low] + sorted[high]) / 2;
}

/** The most frequent value; ties go to the smallest (scipy's `mode`, which sklearn's imputer relies on). */
export function mostFrequentOf(values: Float64Array): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  let best = sorted[0];
  let bestCount = 0;
  let runStart = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i] !== sorted[runStart]) {
      // Strictly greater: among equal counts the earlier (smaller) value stays.
      if (i - runStart > bestCount) {
        bestCount = i - runStart;
        best = sorted[runStart];
      }
      runStart = i;
    }
  }
  return best;
}

/**
 * The most frequent level of a categorical column (cells are codes into `levels`); ties go to the level
 * that sorts first as text, as sklearn's `min` over tied values does. `undefined` when all are missing.
 */
export function mostFrequentLevel(X: Matrix, j: number, levels: readonly string[]): string | undefined {
  const counts = new Float64Array(levels.length);
  for (let i = 0; i < X.rows; i++) {
    const code = X.data[i * X.cols + j];
    if (!Number.isNaN(code)) counts[code]++;
  }
  let best: string | undefined;
  let bestCount = 0;
  counts.forEach((count, code) => {
    const level = levels[code];
    if (
      count > bestCount ||
      (count === bestCount && count > 0 && best !== undefined && compareText(level, best) < 0)
    ) {
      best = level;
      bestCount = count;
    }
  });
  return best;
}
