/**
 * Numerically stable scalar primitives for logistic models. Each branches on the sign of its argument
 * (as liblinear's `l2r_lr_fun` does) so `exp` is only ever taken of a non-positive number: no overflow,
 * and no cancellation in 1 + e^{-|z|}.
 */

/** log(1 + e^z): z + log1p(e^{−z}) for z > 0, log1p(e^z) otherwise. */
export function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** σ(z) = 1 / (1 + e^{−z}), computed as e^z / (1 + e^z) for z < 0. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * log Σ_k e^{z_k} over `z[offset .. offset + length)`: m + log Σ e^{z_k − m} with m = max z_k, so the
 * largest term is e^0 = 1 (no overflow, the sum is ≥ 1). −∞ for an empty range.
 */
export function logSumExp(z: Float64Array, offset = 0, length = z.length - offset): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = offset; k < offset + length; k++) if (z[k] > max) max = z[k];
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  let sum = 0;
  for (let k = offset; k < offset + length; k++) sum += Math.exp(z[k] - max);
  return max + Math.log(sum);
}

/**
 * In place: z[offset .. offset + length) ← softmax of itself, exp(z_k − logSumExp(z)). Returns the
 * log-sum-exp, which the multinomial loss needs too.
 */
export function softmaxInPlace(z: Float64Array, offset = 0, length = z.length - offset): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = offset; k < offset + length; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = offset; k < offset + length; k++) {
    const e = Math.exp(z[k] - max);
    z[k] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let k = offset; k < offset + length; k++) z[k] *= inv;
  return max + Math.log(sum);
}
