import { log1pExp, sigmoid } from '../../linalg/stable.js';

export interface SigmoidCalibrator {
  readonly a: number;
  readonly b: number;
}

const MAX_NEWTON_STEPS = 100;

/**
 * Platt scaling as scikit-learn's `_sigmoid_calibration`: P(positive | f) = 1 / (1 + exp(a·f + b)),
 * fitted by minimising the log loss against Platt's smoothed targets (N₊ + 1)/(N₊ + 2) for positives and
 * 1/(N₋ + 2) for negatives, from (a, b) = (0, log((N₋ + 1)/(N₊ + 1))). The loss is convex in (a, b);
 * sklearn stops BFGS at a gradient of 1e-5, here Newton's method with exact 2×2 Hessians runs to
 * convergence, so both land on the same optimum to within sklearn's tolerance.
 */
export function fitSigmoidCalibrator(scores: Float64Array, positive: Uint8Array): SigmoidCalibrator {
  const n = scores.length;
  let nPositive = 0;
  for (let i = 0; i < n; i++) nPositive += positive[i];
  const nNegative = n - nPositive;
  const high = (nPositive + 1) / (nPositive + 2);
  const low = 1 / (nNegative + 2);
  const loss = (a: number, b: number) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const z = a * scores[i] + b;
      const t = positive[i] ? high : low;
      // −[t log P + (1 − t) log(1 − P)] with P = σ(−z): log P = −log(1 + e^z), log(1 − P) = −log(1 + e^−z).
      total += t * log1pExp(z) + (1 - t) * log1pExp(-z);
    }
    return total;
  };
  let a = 0;
  let b = Math.log((nNegative + 1) / (nPositive + 1));
  let current = loss(a, b);
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < n; i++) {
      const f = scores[i];
      const p = sigmoid(-(a * f + b));
      const r = (positive[i] ? high : low) - p;
      const w = p * (1 - p);
      ga += r * f;
      gb += r;
      haa += w * f * f;
      hab += w * f;
      hbb += w;
    }
    if (Math.abs(ga) + Math.abs(gb) < 1e-12 * n) break;
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    let da = (hbb * ga - hab * gb) / det;
    let db = (haa * gb - hab * ga) / det;
    let next = loss(a - da, b - db);
    // Backtracking keeps every step a descent step (far from the optimum a full Newton step can overshoot).
    for (let halvings = 0; next > current && halvings < 50; halvings++) {
      da /= 2;
      db /= 2;
      next = loss(a - da, b - db);
    }
    if (!(next <= current)) break;
    a -= da;
    b -= db;
    const improvement = current - next;
    current = next;
    if (improvement <= 1e-15 * Math.max(1, current)) break;
  }
  return { a, b };
}

export function applySigmoidCalibrator(calibrator: SigmoidCalibrator, score: number): number {
  return sigmoid(-(calibrator.a * score + calibrator.b));
}
