import { uniformBin } from '../../../metrics/calibration.js';

/**
 * Top-label expected calibration error Σ_b (W_b / W)·|accuracy_b − confidence_b| over `nBins` uniform
 * bins (binned as topLabelCalibration), each row counted `weights[i]` times — a bootstrap resample
 * without copying rows. NaN when every weight is 0.
 */
export function weightedEce(
  confidence: Float64Array,
  correct: Uint8Array,
  weights: ArrayLike<number>,
  nBins = 10,
): number {
  const mass = new Float64Array(nBins);
  const confidenceSum = new Float64Array(nBins);
  const correctSum = new Float64Array(nBins);
  let total = 0;
  for (let i = 0; i < confidence.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const b = uniformBin(confidence[i], nBins);
    mass[b] += w;
    confidenceSum[b] += w * confidence[i];
    correctSum[b] += w * correct[i];
    total += w;
  }
  if (total === 0) return Number.NaN;
  let ece = 0;
  for (let b = 0; b < nBins; b++) {
    if (mass[b] > 0) ece += Math.abs(correctSum[b] - confidenceSum[b]) / total;
  }
  return ece;
}
