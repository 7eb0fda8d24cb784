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
  // One pass over the rows in memory order into a buffer per feature: reading X a feature at a time
  // would stride over every row d times, a cache miss per value.
  const buffers = Array.from({ length: d }, () => new Float64Array(taken));
  const counts = new Int32Array(d);
  for (let r = 0; r < taken; r++) {
    const offset = (sample ? sample[r] : r) * d;
    for (let f = 0; f < d; f++) {
      const x = X[offset + f];
      if (!Number.isNaN(x)) buffers[f][counts[f]++] = x;
    }
  }
  const thresholds: Float64Array[] = [];
  for (let f = 0; f < d; f++) {
    const count = counts[f];
    const column = buffers[f].subarray(0, count);
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
  const [rowStride, featureStride] = layout === 'rows' ? [d, 1] : [1, rows];
  const lookups = thresholds.map(bucketLookup);
  // Rows outer, in X's memory order (a feature at a time would miss the cache on every value).
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < d; f++) {
      const x = X[i * d + f];
      binned[i * rowStride + f * featureStride] = Number.isNaN(x)
        ? thresholds[f].length + 1
        : thresholdsBelow(thresholds[f], lookups[f], x);
    }
  }
  return binned;
}

/** Buckets of equal width over a feature's threshold range, each with the thresholds below its start. */
interface BucketLookup {
  readonly low: number;
  readonly scale: number;
  readonly below: Int32Array;
}

const BUCKETS = 1024;

function bucketLookup(t: Float64Array): BucketLookup {
  const low = t.length > 0 ? t[0] : 0;
  const scale = t.length > 1 ? BUCKETS / (t[t.length - 1] - low) : 0;
  const below = new Int32Array(BUCKETS);
  let k = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const start = low + b / scale;
    while (k < t.length && t[k] < start) k++;
    below[b] = k;
  }
  return { low, scale, below };
}

/**
 * How many thresholds are below x (x <= t goes to the lower bin): a binary search over x's bucket
 * only (none or one threshold, mostly, instead of eight unpredictable branches over all), then
 * walked to the exact count whatever the rounding of the bucket index.
 */
function thresholdsBelow(t: Float64Array, lookup: BucketLookup, x: number): number {
  const position = (x - lookup.low) * lookup.scale;
  // NaN (a one-threshold feature) and −∞ fall in the first bucket, +∞ in the last.
  const bucket = position >= 0 ? (position < BUCKETS ? Math.floor(position) : BUCKETS - 1) : 0;
  let lo = lookup.below[bucket];
  let hi = bucket + 1 < BUCKETS ? lookup.below[bucket + 1] : t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= t[mid]) hi = mid;
    else lo = mid + 1;
  }
  while (lo < t.length && t[lo] < x) lo++;
  while (lo > 0 && t[lo - 1] >= x) lo--;
  return lo;
}

/** Each feature's missing-value bin: one past its last non-missing bin. */
export function missingBins(thresholds: readonly Float64Array[]): Uint8Array {
  return Uint8Array.from(thresholds, (t) => t.length + 1);
}
