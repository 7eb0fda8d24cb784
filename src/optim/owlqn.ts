import { dot, norm2, normInf, subtract } from '../linalg/vector.js';
import { createLbfgsMemory } from './lbfgs-memory.js';
import {
  type CompositeObjective,
  type SolverOptions,
  type SolverResult,
  type StopReason,
  weightedL1,
} from './objective.js';

const C1 = 1e-4;
/** See line-search.ts: the approximate (derivative) Armijo test, allowed when F rose by < this·|F|. */
const APPROX_EPS = 1e-10;
const MAX_BACKTRACKS = 50;

/**
 * The minimum-norm subgradient of F(w) = f(w) + Σ λ_j|w_j| (OWL-QN's pseudo-gradient ◇F):
 * ∂_j f + λ_j·sign(w_j) where w_j ≠ 0; at w_j = 0, ∂_j f + λ_j if that is < 0, ∂_j f − λ_j if that is
 * > 0, else 0 (0 ∈ ∂F: the coordinate is optimal at zero). ‖◇F‖ = 0 exactly at the minimiser (KKT).
 */
export function pseudoGradient(
  w: Float64Array,
  g: Float64Array,
  l1Weights: Float64Array,
  out: Float64Array,
): void {
  for (let j = 0; j < w.length; j++) {
    const lambda = l1Weights[j];
    if (w[j] > 0) out[j] = g[j] + lambda;
    else if (w[j] < 0) out[j] = g[j] - lambda;
    else if (g[j] + lambda < 0) out[j] = g[j] + lambda;
    else if (g[j] - lambda > 0) out[j] = g[j] - lambda;
    else out[j] = 0;
  }
}

/**
 * Orthant-wise limited-memory quasi-Newton (Andrew & Gao 2007) for F = f + Σ λ_j|w_j|: L-BFGS on the
 * pseudo-gradient, the direction clipped to agree in sign with −◇F, and a backtracking search along
 * the path projected onto the current orthant (coordinates that would cross zero stop at exactly 0,
 * which is how the solution gets exact zeros). Stops when ‖◇F‖_∞ ≤ gradientTolerance.
 */
export function minimizeOwlqn(
  objective: CompositeObjective,
  x0: Float64Array,
  options: SolverOptions,
): SolverResult {
  const { smooth, l1Weights } = objective;
  const n = smooth.dimension;
  const memory = createLbfgsMemory(n, options.memory ?? 10);
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  const pg = new Float64Array(n);
  const d = new Float64Array(n);
  const orthant = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);

  let F = smooth.evaluate(x, g) + weightedL1(x, l1Weights);
  let evaluations = 1;
  let iterations = 0;
  pseudoGradient(x, g, l1Weights, pg);
  let pgNorm = normInf(pg);
  let reason: StopReason = 'max_iterations';
  let restarted = false;

  while (true) {
    if (pgNorm <= options.gradientTolerance) {
      reason = 'gradient';
      break;
    }
    if (iterations >= options.maxIterations) break;
    options.signal?.throwIfAborted();
    memory.direction(pg, d);
    let moves = false;
    for (let j = 0; j < n; j++) {
      if (d[j] * pg[j] >= 0) d[j] = 0;
      else moves = true;
      orthant[j] = x[j] !== 0 ? Math.sign(x[j]) : -Math.sign(pg[j]);
    }
    if (!moves) {
      // The quasi-Newton direction disagrees in sign with −◇F everywhere: restart from steepest descent.
      memory.clear();
      for (let j = 0; j < n; j++) d[j] = -pg[j];
      restarted = true;
    }
    const first = iterations === 0 || restarted;
    let alpha = first ? 1 / norm2(pg) : 1;
    let accepted = false;
    let FNext = F;
    for (let tries = 0; tries < MAX_BACKTRACKS; tries++) {
      for (let j = 0; j < n; j++) {
        const v = x[j] + alpha * d[j];
        xNext[j] = v * orthant[j] > 0 ? v : 0;
      }
      FNext = smooth.evaluate(xNext, gNext) + weightedL1(xNext, l1Weights);
      evaluations++;
      subtract(xNext, x, s);
      const decrease0 = dot(pg, s);
      if (FNext <= F + C1 * decrease0) {
        accepted = true;
        break;
      }
      if (FNext <= F + APPROX_EPS * Math.abs(F) && decrease0 < 0) {
        let slope = 0;
        for (let j = 0; j < n; j++) slope += (gNext[j] + l1Weights[j] * orthant[j]) * s[j];
        if (slope <= (2 * C1 - 1) * decrease0) {
          accepted = true;
          break;
        }
      }
      alpha *= 0.5;
    }
    if (!accepted) {
      if (restarted) {
        reason = 'line_search';
        break;
      }
      memory.clear();
      restarted = true;
      continue;
    }
    restarted = false;
    iterations++;
    subtract(gNext, g, y);
    [x, xNext] = [xNext, x];
    [g, gNext] = [gNext, g];
    const noMove = normInf(s) === 0;
    F = FNext;
    memory.push(s, y);
    pseudoGradient(x, g, l1Weights, pg);
    pgNorm = normInf(pg);
    if (noMove) {
      reason = 'no_progress';
      break;
    }
  }
  return {
    x,
    value: F,
    gradientNorm: pgNorm,
    iterations,
    evaluations,
    converged: pgNorm <= options.gradientTolerance,
    reason,
  };
}
