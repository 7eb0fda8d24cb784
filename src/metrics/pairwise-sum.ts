/**
 * numpy's float64 `sum` (pairwise summation with an 8-way unrolled base case of up to 128 values), so
 * means and averages agree with scikit-learn to the last bit instead of drifting by an ulp.
 */
export function pairwiseSum(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (n < 8) {
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i];
    return sum;
  }
  if (n <= 128) {
    let r0 = values[start];
    let r1 = values[start + 1];
    let r2 = values[start + 2];
    let r3 = values[start + 3];
    let r4 = values[start + 4];
    let r5 = values[start + 5];
    let r6 = values[start + 6];
    let r7 = values[start + 7];
    const unrolledEnd = end - (n % 8);
    let i = start + 8;
    for (; i < unrolledEnd; i += 8) {
      r0 += values[i];
      r1 += values[i + 1];
      r2 += values[i + 2];
      r3 += values[i + 3];
      r4 += values[i + 4];
      r5 += values[i + 5];
      r6 += values[i + 6];
      r7 += values[i + 7];
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < end; i++) sum += values[i];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(values, start, start + half) + pairwiseSum(values, start + half, end);
}

/** `np.mean`: pairwise sum divided by the count (NaN when empty, as numpy). */
export function mean(values: ArrayLike<number>): number {
  return pairwiseSum(values) / values.length;
}

/** `np.average(values, weights=weights)` = Σ values·weights / Σ weights, both sums pairwise. */
export function weightedAverage(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const products = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) products[i] = values[i] * weights[i];
  return pairwiseSum(products) / pairwiseSum(weights);
}
