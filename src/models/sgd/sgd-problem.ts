import type { Features } from '../../core/features.js';
import { dotAt } from '../../linalg/row-blocks.js';
import { lossValue } from './sgd-loss.js';
import type { SgdParams } from './sgd-params.js';

/** Below this the lazily applied L2 shrinkage is folded into the weights (sklearn's WSCALE_THRESHOLD). */
export const WSCALE_THRESHOLD = 1e-9;

/** One binary problem (class k against the rest): w·wscale is the weight vector. */
export interface SgdProblem {
  readonly positive: number;
  wscale: number;
  intercept: number;
  eta: number;
  /** Total L1 penalty each weight could have received so far (Tsuruoka et al.'s u). */
  u: number;
  /** Cumulative L1 penalty applied to each weight so far (Tsuruoka et al.'s q). */
  readonly q: Float64Array;
  active: boolean;
  stale: number;
  bestLoss: number;
  bestScore: number;
  epochs: number;
  epochLoss: number;
  lastLoss: number;
}

/** A problem before its first epoch: zero weights (scale 1), no L1 penalty accrued yet. */
export function createSgdProblem(positive: number, eta0: number, l1Weights: number): SgdProblem {
  return {
    positive,
    wscale: 1,
    intercept: 0,
    eta: eta0,
    u: 0,
    q: new Float64Array(l1Weights),
    active: true,
    stale: 0,
    bestLoss: Number.POSITIVE_INFINITY,
    bestScore: Number.NEGATIVE_INFINITY,
    epochs: 0,
    epochLoss: 0,
    lastLoss: 0,
  };
}

/** sklearn clips dloss to ±1e12 so one outlier cannot blow the weights up in a single step. */
export function clip(value: number): number {
  return Math.min(1e12, Math.max(-1e12, value));
}

/**
 * The cumulative truncated-gradient L1 step (Tsuruoka, Tsujii & Ananiadou 2009, as sklearn's
 * `l1penalty`): each weight moves toward 0 by the penalty accrued since it last moved (u − q_j),
 * never across 0.
 */
export function applyL1(W: Float64Array, w0: number, d: number, problem: SgdProblem): void {
  const { wscale, q, u: total } = problem;
  for (let j = 0; j < d; j++) {
    const z = W[w0 + j];
    if (wscale * z > 0) W[w0 + j] = Math.max(0, z - (total + q[j]) / wscale);
    else if (wscale * z < 0) W[w0 + j] = Math.min(0, z + (total - q[j]) / wscale);
    q[j] += wscale * (W[w0 + j] - z);
  }
}

/** Validation loss and multiclass accuracy of the current weights, and each problem's binary accuracy. */
export function scoreValidation(
  X: Features,
  codes: Int32Array,
  rows: Int32Array,
  W: Float64Array,
  problems: readonly SgdProblem[],
  params: SgdParams,
): { loss: number; accuracy: number; binaryAccuracy: Float64Array } {
  const d = X.cols;
  const P = problems.length;
  const binaryCorrect = new Float64Array(P);
  let loss = 0;
  let correct = 0;
  for (const row of rows) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    problems.forEach((problem, k) => {
      const p = problem.wscale * dotAt(W, k * d, X.data, row * d, d) + problem.intercept;
      const target = codes[row] === problem.positive ? 1 : -1;
      loss += lossValue(params.loss, p, target) / P;
      if ((p > 0 ? 1 : -1) === target) binaryCorrect[k]++;
      if (p > bestValue) {
        bestValue = p;
        best = k;
      }
    });
    const predicted = P === 1 ? (bestValue > 0 ? 1 : 0) : best;
    if (predicted === codes[row]) correct++;
  }
  for (let k = 0; k < P; k++) binaryCorrect[k] /= rows.length;
  return { loss: loss / rows.length, accuracy: correct / rows.length, binaryAccuracy: binaryCorrect };
}
