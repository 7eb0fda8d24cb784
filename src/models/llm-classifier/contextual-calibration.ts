/**
 * Contextual calibration (Zhao et al., 2021): with p_cf the mean class distribution the model gives
 * content-free inputs, the calibrated distribution of a row is p ∝ p / p_cf, i.e. W = diag(p_cf)⁻¹ and
 * no offset. A class the content-free inputs never get is floored at `floor`, so no division is by zero.
 */
export function contextualCalibration(
  proba: Float64Array,
  contentFree: ArrayLike<number>,
  floor = 1e-6,
): Float64Array {
  const nClasses = contentFree.length;
  const calibrated = new Float64Array(proba.length);
  for (let start = 0; start < proba.length; start += nClasses) {
    let total = 0;
    for (let k = 0; k < nClasses; k++) {
      const value = proba[start + k] / Math.max(contentFree[k], floor);
      calibrated[start + k] = value;
      total += value;
    }
    for (let k = 0; k < nClasses; k++) {
      calibrated[start + k] = total > 0 ? calibrated[start + k] / total : proba[start + k];
    }
  }
  return calibrated;
}

/**
 * The content-free distribution: the mean over the content-free rows (row-major, `nClasses` each). With
 * sampled answers (vote shares) each class gets `smoothing` pseudo-votes out of `samples`, so a class
 * no sample named is rare rather than impossible.
 */
export function contentFreeDistribution(
  proba: Float64Array,
  nClasses: number,
  smoothing?: { readonly samples: number; readonly pseudoVotes: number },
): Float64Array {
  const rows = proba.length / nClasses;
  const mean = new Float64Array(nClasses);
  for (let r = 0; r < rows; r++) for (let k = 0; k < nClasses; k++) mean[k] += proba[r * nClasses + k] / rows;
  if (!smoothing) return mean;
  const { samples, pseudoVotes } = smoothing;
  return mean.map((share) => (share * samples + pseudoVotes) / (samples + pseudoVotes * nClasses));
}
