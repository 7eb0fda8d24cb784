/**
 * The log loss of gradient boosting on raw scores F (sklearn's HalfBinomialLoss / HalfMultinomialLoss).
 * Binary (K = 1 score): p = σ(F), g = p − y, h = p(1 − p). Multiclass (K scores): p = softmax(F),
 * g_k = p_k − [y = k], h_k = p_k(1 − p_k).
 */

/** Initial scores: log-odds of the positive class (binary) or log class frequencies. */
export function baselineScores(codes: Int32Array, classCount: number): Float64Array {
  const counts = new Float64Array(classCount);
  for (const code of codes) counts[code]++;
  const n = codes.length;
  if (classCount === 2) {
    const p = counts[1] / n;
    return Float64Array.of(Math.log(p / (1 - p)));
  }
  return counts.map((count) => Math.log(count / n));
}

/** Probabilities from raw scores, in place into `proba` (`rows x classCount`). */
export function scoresToProba(
  raw: Float64Array,
  rows: number,
  K: number,
  classCount: number,
  proba: Float64Array,
): void {
  for (let i = 0; i < rows; i++) {
    if (K === 1) {
      const z = raw[i];
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      proba[2 * i] = 1 - p;
      proba[2 * i + 1] = p;
      continue;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) max = Math.max(max, raw[i * K + k]);
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp(raw[i * K + k] - max);
      proba[i * classCount + k] = e;
      sum += e;
    }
    for (let k = 0; k < K; k++) proba[i * classCount + k] /= sum;
  }
}

/** Gradients and hessians of score k for every row, given the current probabilities. */
export function gradientsFor(
  proba: Float64Array,
  codes: Int32Array,
  classCount: number,
  k: number,
  gradients: Float64Array,
  hessians: Float64Array,
): void {
  // The binary model's single score is the positive class's.
  const column = classCount === 2 ? 1 : k;
  // Rounded to float32 as sklearn stores them (G_H_DTYPE), so the histogram sums and every split
  // comparison see the same numbers.
  for (let i = 0; i < codes.length; i++) {
    const p = proba[i * classCount + column];
    gradients[i] = Math.fround(p - (codes[i] === column ? 1 : 0));
    hessians[i] = Math.fround(p * (1 - p));
  }
}

/** Mean log loss −log p(y), probabilities clipped to [1e-15, 1]. */
export function meanLogLoss(proba: Float64Array, codes: Int32Array, classCount: number): number {
  let total = 0;
  for (let i = 0; i < codes.length; i++) total -= Math.log(Math.max(proba[i * classCount + codes[i]], 1e-15));
  return total / codes.length;
}
