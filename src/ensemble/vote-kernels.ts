/**
 * Voting kernels over member outputs already mapped into the ensemble's class space. Pure functions over
 * typed arrays; ties go to the first class (numpy's argmax), as sklearn's VotingClassifier.
 */

/**
 * Hard voting: score[i, c] = Σ_m w_m · [pred_m(i) = c] / Σ_m w_m (sklearn's weighted bincount, scaled to
 * vote shares so that a row sums to 1). `predictions[m]` holds member m's class codes.
 */
export function hardVoteShares(
  predictions: readonly Int32Array[],
  weights: Float64Array,
  rows: number,
  K: number,
): Float64Array {
  const shares = new Float64Array(rows * K);
  let total = 0;
  for (const weight of weights) total += weight;
  predictions.forEach((predicted, m) => {
    for (let i = 0; i < rows; i++) shares[i * K + predicted[i]] += weights[m];
  });
  for (let k = 0; k < shares.length; k++) shares[k] /= total;
  return shares;
}

/**
 * Soft voting: p̄[i, c] = Σ_m w_m · p_m[i, c] / Σ_m w_m, summed over members in order as np.average
 * does (unweighted: Σ_m p_m / M, as np.mean), so results match sklearn to the last bit.
 */
export function softVoteAverage(
  probabilities: readonly Float64Array[],
  weights: Float64Array | null,
  length: number,
): Float64Array {
  const out = new Float64Array(length);
  let total = 0;
  probabilities.forEach((proba, m) => {
    const weight = weights === null ? 1 : weights[m];
    total += weight;
    if (weights === null) for (let k = 0; k < length; k++) out[k] += proba[k];
    else for (let k = 0; k < length; k++) out[k] += weight * proba[k];
  });
  for (let k = 0; k < length; k++) out[k] /= total;
  return out;
}
