export type Criterion = 'gini' | 'entropy';

/**
 * Node impurity from weighted class counts c_k with total w:
 *   gini    1 − Σ_k (c_k / w)²          (computed as 1 − Σ c_k² / w², as sklearn)
 *   entropy −Σ_k (c_k / w) log₂(c_k / w) over c_k > 0
 * `offset` selects a K-long slice of `counts`.
 */
export function impurityOf(
  criterion: Criterion,
  counts: Float64Array,
  offset: number,
  K: number,
  w: number,
): number {
  if (criterion === 'gini') {
    let sq = 0;
    for (let k = offset; k < offset + K; k++) sq += counts[k] * counts[k];
    return 1 - sq / (w * w);
  }
  let entropy = 0;
  for (let k = offset; k < offset + K; k++) {
    if (counts[k] > 0) {
      const p = counts[k] / w;
      entropy -= p * Math.log2(p);
    }
  }
  return entropy;
}
