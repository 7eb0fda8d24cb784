import { norm2, subtract } from '../linalg/vector.js';
import { strongWolfeLineSearch } from './line-search.js';
import type { SmoothObjective, SolverOptions, SolverResult } from './objective.js';
import { minimizeQuasiNewton } from './quasi-newton.js';

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
  return minimizeQuasiNewton(
    {
      dimension: objective.dimension,
      evaluate: (x, g) => objective.evaluate(x, g),
      steering: (_x, g) => g,
      search(x, f, g, _steering, d, first, xNext, gNext, s) {
        // Without curvature pairs the direction is −g; a unit step along it has no natural scale.
        const step = first ? Math.min(1, 1 / norm2(g)) : 1;
        const search = strongWolfeLineSearch(objective, x, f, g, d, step, xNext, gNext);
        if (search.ok) subtract(xNext, x, s);
        return search;
      },
    },
    x0,
    options,
  );
}
