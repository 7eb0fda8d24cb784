export interface IsotonicCalibrator {
  /** Increasing scores and the fitted, non-decreasing probabilities at them. */
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/**
 * scikit-learn's IsotonicRegression(out_of_bounds='clip') on 0/1 targets: rows sorted by score (ties by
 * target, as np.lexsort((y, X))), equal scores merged into their mean target weighted by count, then the
 * pool-adjacent-violators algorithm gives the non-decreasing fit.
 */
export function fitIsotonicCalibrator(scores: Float64Array, positive: Uint8Array): IsotonicCalibrator {
  const order = Array.from(scores.keys()).sort((i, j) => scores[i] - scores[j] || positive[i] - positive[j]);
  const xs: number[] = [];
  const sums: number[] = [];
  const weights: number[] = [];
  for (const i of order) {
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === scores[i]) {
      sums[last] += positive[i];
      weights[last] += 1;
    } else {
      xs.push(scores[i]);
      sums.push(positive[i]);
      weights.push(1);
    }
  }
  // PAVA over blocks: each block holds its weighted mean; merge backwards while a block is below its left.
  const blockMean: number[] = [];
  const blockWeight: number[] = [];
  const blockSize: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    blockMean.push(sums[k] / weights[k]);
    blockWeight.push(weights[k]);
    blockSize.push(1);
    while (blockMean.length > 1 && blockMean[blockMean.length - 2] > blockMean[blockMean.length - 1]) {
      const w = blockWeight.pop() as number;
      const m = blockMean.pop() as number;
      const s = blockSize.pop() as number;
      const top = blockMean.length - 1;
      const merged = blockWeight[top] + w;
      blockMean[top] = (blockMean[top] * blockWeight[top] + m * w) / merged;
      blockWeight[top] = merged;
      blockSize[top] += s;
    }
  }
  const y: number[] = [];
  blockMean.forEach((mean, k) => {
    for (let t = 0; t < blockSize[k]; t++) y.push(mean);
  });
  return { x: xs, y };
}

/** Linear interpolation between the fitted points, scores clipped to the fitted range (np.interp). */
export function applyIsotonicCalibrator(calibrator: IsotonicCalibrator, score: number): number {
  const { x, y } = calibrator;
  if (x.length === 1 || score <= x[0]) return y[0];
  if (score >= x[x.length - 1]) return y[y.length - 1];
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= score) lo = mid;
    else hi = mid;
  }
  return y[lo] + ((score - x[lo]) * (y[hi] - y[lo])) / (x[hi] - x[lo]);
}
