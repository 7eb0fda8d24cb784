import { minimizeLbfgs } from '../../../optim/lbfgs.js';
import type { SmoothObjective } from '../../../optim/objective.js';

/** A weak ridge: it makes the optimum unique (and centred, Σ b = 0) even when a class is never true. */
const RIDGE = 1e-3;

/**
 * The per-class bias b that maximises the log-likelihood of the labels under softmax(s_i + b), over the
 * given rows — an intercept-only multinomial logistic regression on top of the label scores s:
 *   f(b) = −Σ_i log softmax(s_i + b)[y_i] + (RIDGE / 2)·‖b‖²,   ∇_k f = Σ_i (p_ik − [y_i = k]) + RIDGE·b_k.
 * Softmax ignores a shift of b, and the data term's gradient sums to 0 over k, so the ridge keeps b
 * centred: only differences b_j − b_k mean anything. `scores` is row-major (rows × nClasses).
 */
export function fitLabelBias(
  scores: Float64Array,
  yTrue: Int32Array,
  rows: readonly number[],
  nClasses: number,
): Float64Array {
  const probabilities = new Float64Array(nClasses);
  const objective: SmoothObjective = {
    dimension: nClasses,
    evaluate(bias, gradient) {
      let loss = 0;
      gradient.fill(0);
      for (const row of rows) {
        let max = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < nClasses; k++) max = Math.max(max, scores[row * nClasses + k] + bias[k]);
        let total = 0;
        for (let k = 0; k < nClasses; k++) {
          probabilities[k] = Math.exp(scores[row * nClasses + k] + bias[k] - max);
          total += probabilities[k];
        }
        const y = yTrue[row];
        loss -= scores[row * nClasses + y] + bias[y] - max - Math.log(total);
        for (let k = 0; k < nClasses; k++) gradient[k] += probabilities[k] / total - (k === y ? 1 : 0);
      }
      for (let k = 0; k < nClasses; k++) {
        loss += (RIDGE / 2) * bias[k] * bias[k];
        gradient[k] += RIDGE * bias[k];
      }
      return loss;
    },
  };
  return minimizeLbfgs(objective, new Float64Array(nClasses), {
    gradientTolerance: 1e-8 * Math.max(1, rows.length),
    maxIterations: 200,
  }).x;
}
