import { dot, norm2, subtract } from '../linalg/vector.js';
import { type CompositeObjective, type SolverOptions, type SolverResult, weightedL1 } from './objective.js';
import { minimizeQuasiNewton } from './quasi-newton.js';

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
  const pg = new Float64Array(n);
  const orthant = new Float64Array(n);
  return minimizeQuasiNewton(
    {
      dimension: n,
      evaluate: (x, g) => smooth.evaluate(x, g) + weightedL1(x, l1Weights),
      steering(x, g) {
        pseudoGradient(x, g, l1Weights, pg);
        return pg;
      },
      orient(x, pg, d) {
        let moves = false;
        for (let j = 0; j < n; j++) {
          if (d[j] * pg[j] >= 0) d[j] = 0;
          else moves = true;
          orthant[j] = x[j] !== 0 ? Math.sign(x[j]) : -Math.sign(pg[j]);
        }
        // The quasi-Newton direction disagrees in sign with −◇F everywhere: restart from steepest descent.
        if (!moves) for (let j = 0; j < n; j++) d[j] = -pg[j];
        return moves;
      },
      search(x, F, _g, pg, d, first, xNext, gNext, s) {
        let alpha = first ? 1 / norm2(pg) : 1;
        let evaluations = 0;
        for (let tries = 0; tries < MAX_BACKTRACKS; tries++) {
          for (let j = 0; j < n; j++) {
            const v = x[j] + alpha * d[j];
            xNext[j] = v * orthant[j] > 0 ? v : 0;
          }
          const FNext = smooth.evaluate(xNext, gNext) + weightedL1(xNext, l1Weights);
          evaluations++;
          subtract(xNext, x, s);
          const decrease0 = dot(pg, s);
          if (FNext <= F + C1 * decrease0) return { ok: true, value: FNext, evaluations };
          if (FNext <= F + APPROX_EPS * Math.abs(F) && decrease0 < 0) {
            let slope = 0;
            for (let j = 0; j < n; j++) slope += (gNext[j] + l1Weights[j] * orthant[j]) * s[j];
            if (slope <= (2 * C1 - 1) * decrease0) return { ok: true, value: FNext, evaluations };
          }
          alpha *= 0.5;
        }
        return { ok: false, value: F, evaluations };
      },
    },
    x0,
    options,
  );
}
