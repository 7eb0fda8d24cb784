import type { Rng } from '../../core/rng.js';

/** Rows used to find bin thresholds, as sklearn's `subsample=2e5`. */
const BINNING_SUBSAMPLE = 200_000;

/**
 * Per-feature bin thresholds (sklearn's `_BinMapper`), from the (sub)sample's non-missing values: with
 * at most `maxBins` distinct values, the midpoints between consecutive ones; otherwise the `maxBins − 1`
 * inner percentiles, numpy's 'midpoint' method. A value x falls in bin i iff t[i−1] < x <= t[i].
 * Returns `thresholds[f]` (ascending) for row-major X.
 */
export function findBinThresholds(
  X: Float64Array,
  rows: number,
  d: number,
  maxBins: number,
  rng: Rng,
): Float64Array[] {
  let sample: Int32Array | null = null;
  if (rows > BINNING_SUBSAMPLE) {
    const order = Int32Array.from({ length: rows }, (_, i) => i);
    rng.shuffle(order);
    sample = order.subarray(0, BINNING_SUBSAMPLE).sort();
  }
  const taken = sample ? sample.length : rows;
  const buffer = new Float64Array(taken);
  const thresholds: Float64Array[] = [];
  for (let f = 0; f < d; f++) {
    let count = 0;
    for (let r = 0; r < taken; r++) {
      const x = X[(sample ? sample[r] : r) * d + f];
      if (!Number.isNaN(x)) buffer[count++] = x;
    }
    const column = buffer.subarray(0, count);
    column.sort();
    let distinct = count > 0 ? 1 : 0;
    for (let r = 1; r < count; r++) if (column[r] !== column[r - 1]) distinct++;
    if (distinct <= maxBins) {
      const midpoints = new Float64Array(Math.max(0, distinct - 1));
      let k = 0;
      for (let r = 1; r < count; r++) {
        if (column[r] !== column[r - 1]) midpoints[k++] = (column[r - 1] + column[r]) * 0.5;
      }
      thresholds.push(midpoints);
      continue;
    }
    const midpoints = new Float64Array(maxBins - 1);
    for (let q = 1; q < maxBins; q++) {
      const position = ((q * 100) / maxBins / 100) * (count - 1);
      const below = Math.floor(position);
      const above = Math.ceil(position);
      midpoints[q - 1] = (column[below] + column[above]) / 2;
    }
    thresholds.push(midpoints);
  }
  return thresholds;
}

/**
 * Bins: the number of thresholds below x (binary search; x <= t goes to the lower bin), and for a
 * missing value (NaN) feature f's missing bin, thresholds[f].length + 1 (missingBins). Row-major by
 * default; column-major (`binned[f * rows + i]`) for training, where histograms are built feature by
 * feature.
 */
export function mapToBins(
  X: Float64Array,
  rows: number,
  d: number,
  thresholds: readonly Float64Array[],
  layout: 'rows' | 'columns' = 'rows',
): Uint8Array {
  const binned = new Uint8Array(rows * d);
  for (let f = 0; f < d; f++) {
    const t = thresholds[f];
    for (let i = 0; i < rows; i++) {
      const x = X[i * d + f];
      if (Number.isNaN(x)) {
        binned[layout === 'rows' ? i * d + f : f * rows + i] = t.length + 1;
        continue;
      }
      let lo = 0;
      let hi = t.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x <= t[mid]) hi = mid;
        else lo = mid + 1;
      }
      binned[layout === 'rows' ? i * d + f : f * rows + i] = lo;
    }
  }
  return binned;
}

/** Each feature's missing-value bin: one past its last non-missing bin. */
export function missingBins(thresholds: readonly Float64Array[]): Uint8Array {
  return Uint8Array.from(thresholds, (t) => t.length + 1);
}
