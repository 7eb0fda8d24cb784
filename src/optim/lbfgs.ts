import { norm2, normInf, subtract } from '../linalg/vector.js';
import { createLbfgsMemory } from './lbfgs-memory.js';
import { strongWolfeLineSearch } from './line-search.js';
import type { SmoothObjective, SolverOptions, SolverResult, StopReason } from './objective.js';

/**
 * Limited-memory BFGS with a strong Wolfe line search. Stops when ‖∇f‖_∞ ≤ gradientTolerance — not on
 * a relative decrease of f, which stalls short of the optimum (scipy's ftol is why sklearn's lbfgs
 * leaves ~1e-4 relative error). A failed line search restarts once from steepest descent before giving up.
 */
export function minimizeLbfgs(
  objective: SmoothObjective,
  x0: Float64Array,
  options: SolverOptions,
): SolverResult {
  const n = objective.dimension;
  const memory = createLbfgsMemory(n, options.memory ?? 10);
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  const d = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);

  let f = objective.evaluate(x, g);
  let evaluations = 1;
  let iterations = 0;
  let gNorm = normInf(g);
  let reason: StopReason = 'max_iterations';
  let restarted = false;

  while (true) {
    if (gNorm <= options.gradientTolerance) {
      reason = 'gradient';
      break;
    }
    if (iterations >= options.maxIterations) break;
    options.signal?.throwIfAborted();
    memory.direction(g, d);
    // Without curvature pairs the direction is −g; a unit step along it has no natural scale.
    const first = iterations === 0 || restarted;
    const step = first ? Math.min(1, 1 / norm2(g)) : 1;
    const search = strongWolfeLineSearch(objective, x, f, g, d, step, xNext, gNext);
    evaluations += search.evaluations;
    if (!search.ok) {
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
    subtract(xNext, x, s);
    subtract(gNext, g, y);
    const fPrev = f;
    [x, xNext] = [xNext, x];
    [g, gNext] = [gNext, g];
    f = search.value;
    gNorm = normInf(g);
    memory.push(s, y);
    if (normInf(s) === 0 && f === fPrev) {
      reason = 'no_progress';
      break;
    }
  }
  return {
    x,
    value: f,
    gradientNorm: gNorm,
    iterations,
    evaluations,
    converged: gNorm <= options.gradientTolerance,
    reason,
  };
}
