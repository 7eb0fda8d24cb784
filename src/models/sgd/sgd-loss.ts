/**
 * The losses of sklearn's SGDClassifier for a label y ∈ {−1, +1} and a decision p, with dloss = ∂loss/∂p
 * (sklearn's `Hinge(1.0)` and `Log`, including Log's cut-offs at |p·y| > 18).
 */
export type SgdLoss = 'hinge' | 'log_loss';

export function lossValue(loss: SgdLoss, p: number, y: number): number {
  const z = p * y;
  if (loss === 'hinge') return z <= 1 ? 1 - z : 0;
  if (z > 18) return Math.exp(-z);
  if (z < -18) return -z;
  return Math.log1p(Math.exp(-z));
}

export function lossDerivative(loss: SgdLoss, p: number, y: number): number {
  const z = p * y;
  if (loss === 'hinge') return z <= 1 ? -y : 0;
  if (z > 18) return -y * Math.exp(-z);
  if (z < -18) return -y;
  return -y / (Math.exp(z) + 1);
}

/** sklearn's `optimal` schedule starts at η₀ = typw / max(1, dloss(−typw, 1)) with typw = √(1/√α). */
export function optimalInitialRate(loss: SgdLoss, alpha: number): number {
  const typw = Math.sqrt(1 / Math.sqrt(alpha));
  return typw / Math.max(1, lossDerivative(loss, -typw, 1));
}
