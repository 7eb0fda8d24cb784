/**
 * Naive Bayes kernels over row-major typed arrays: joint log likelihoods `jll[i, k] = log P(y=k) +
 * log P(x_i | y=k)` and their normalisation into probabilities. Pure functions, no per-row allocation.
 */

/**
 * Gaussian: jll[i,k] = logPrior_k − ½ Σ_j log(2π σ²_kj) − ½ Σ_j (x_ij − θ_kj)² / σ²_kj (sklearn's
 * `_joint_log_likelihood`, term for term so the rounding matches).
 */
export function gaussianJointLogLikelihood(
  X: Float64Array,
  rows: number,
  d: number,
  theta: Float64Array,
  variance: Float64Array,
  logPrior: Float64Array,
  out: Float64Array,
): void {
  const K = logPrior.length;
  const constant = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let sum = 0;
    for (let j = 0; j < d; j++) sum += Math.log(2 * Math.PI * variance[k * d + j]);
    constant[k] = -0.5 * sum;
  }
  for (let i = 0; i < rows; i++) {
    const row = i * d;
    for (let k = 0; k < K; k++) {
      let sum = 0;
      for (let j = 0; j < d; j++) {
        const diff = X[row + j] - theta[k * d + j];
        sum += (diff * diff) / variance[k * d + j];
      }
      out[i * K + k] = logPrior[k] + (constant[k] - 0.5 * sum);
    }
  }
}

/** Multinomial: jll[i,k] = logPrior_k + Σ_j x_ij · log θ_kj (X · feature_log_prob_ᵀ + class_log_prior_). */
export function multinomialJointLogLikelihood(
  X: Float64Array,
  rows: number,
  d: number,
  featureLogProb: Float64Array,
  logPrior: Float64Array,
  out: Float64Array,
): void {
  const K = logPrior.length;
  for (let i = 0; i < rows; i++) {
    const row = i * d;
    for (let k = 0; k < K; k++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += X[row + j] * featureLogProb[k * d + j];
      out[i * K + k] = sum + logPrior[k];
    }
  }
}

/** The same over CSR rows: jll[i,k] = logPrior_k + Σ over row i's stored entries of x_ij · log θ_kj. */
export function sparseMultinomialJointLogLikelihood(
  X: {
    readonly rows: number;
    readonly indptr: Int32Array;
    readonly indices: Int32Array;
    readonly data: Float64Array;
  },
  featureLogProb: Float64Array,
  logPrior: Float64Array,
  out: Float64Array,
): void {
  const K = logPrior.length;
  const d = featureLogProb.length / K;
  const { rows, indptr, indices, data } = X;
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < K; k++) {
      let sum = 0;
      for (let t = indptr[i]; t < indptr[i + 1]; t++) sum += data[t] * featureLogProb[k * d + indices[t]];
      out[i * K + k] = sum + logPrior[k];
    }
  }
}

/**
 * In place, row by row: jll ← exp(jll − logsumexp(jll)), as sklearn's `predict_proba` (subtracting the
 * log-sum-exp rather than dividing by the sum keeps tiny probabilities exact to the last bits).
 */
export function probabilitiesFromJointLogLikelihood(jll: Float64Array, rows: number, K: number): void {
  for (let i = 0; i < rows; i++) {
    const start = i * K;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = start; k < start + K; k++) if (jll[k] > max) max = jll[k];
    let sum = 0;
    for (let k = start; k < start + K; k++) sum += Math.exp(jll[k] - max);
    const logNorm = max + Math.log(sum);
    for (let k = start; k < start + K; k++) jll[k] = Math.exp(jll[k] - logNorm);
  }
}

/** Per-class means and population variances: θ_kj = mean of x_·j over class k, σ²_kj = mean (x − θ)². */
export function classMeansAndVariances(
  X: Float64Array,
  rows: number,
  d: number,
  codes: Int32Array,
  K: number,
): { theta: Float64Array; variance: Float64Array; counts: Float64Array } {
  const counts = new Float64Array(K);
  const theta = new Float64Array(K * d);
  const variance = new Float64Array(K * d);
  for (let i = 0; i < rows; i++) {
    const k = codes[i];
    counts[k]++;
    for (let j = 0; j < d; j++) theta[k * d + j] += X[i * d + j];
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) theta[k * d + j] /= counts[k];
  for (let i = 0; i < rows; i++) {
    const k = codes[i];
    for (let j = 0; j < d; j++) {
      const diff = X[i * d + j] - theta[k * d + j];
      variance[k * d + j] += diff * diff;
    }
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) variance[k * d + j] /= counts[k];
  return { theta, variance, counts };
}

/** The largest population variance over the columns of X (sklearn's `np.var(X, axis=0).max()`). */
export function largestColumnVariance(X: Float64Array, rows: number, d: number): number {
  const mean = new Float64Array(d);
  for (let i = 0; i < rows; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= rows;
  const sq = new Float64Array(d);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) {
      const diff = X[i * d + j] - mean[j];
      sq[j] += diff * diff;
    }
  }
  let largest = 0;
  for (let j = 0; j < d; j++) largest = Math.max(largest, sq[j] / rows);
  return largest;
}
