import { checkCodePair } from './check-inputs.js';

/**
 * Multiclass Matthews correlation (Gorodkin's R_K): with t_k, p_k the true and predicted counts of
 * class k, c the correct count and s the total,
 * MCC = (c·s − Σ t_k p_k) / √((s² − Σ p_k²)(s² − Σ t_k²)), and 0 when the denominator is 0.
 */
export function matthewsCorrcoef(yTrue: Int32Array, yPred: Int32Array, nLabels: number): number {
  checkCodePair(yTrue, yPred, nLabels);
  const trueCounts = new Float64Array(nLabels);
  const predCounts = new Float64Array(nLabels);
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) {
    trueCounts[yTrue[i]]++;
    predCounts[yPred[i]]++;
    if (yTrue[i] === yPred[i]) correct++;
  }
  const samples = yTrue.length;
  let truePred = 0;
  let predPred = 0;
  let trueTrue = 0;
  for (let k = 0; k < nLabels; k++) {
    truePred += trueCounts[k] * predCounts[k];
    predPred += predCounts[k] * predCounts[k];
    trueTrue += trueCounts[k] * trueCounts[k];
  }
  const covTruePred = correct * samples - truePred;
  const covPredPred = samples * samples - predPred;
  const covTrueTrue = samples * samples - trueTrue;
  if (covPredPred * covTrueTrue === 0) return 0;
  return covTruePred / Math.sqrt(covTrueTrue * covPredPred);
}
