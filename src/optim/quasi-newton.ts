import { normInf, subtract } from '../linalg/vector.js';
import { createLbfgsMemory } from './lbfgs-memory.js';
import type { LineSearchResult } from './line-search.js';
import type { SolverOptions, SolverResult, StopReason } from './objective.js';

/**
 * What sets one limited-memory quasi-Newton method apart from another (L-BFGS, OWL-QN): the
 * objective, the vector that steers and stops it (∇f, or OWL-QN's pseudo-gradient), how the
 * two-loop direction is adjusted, and the line search. Called once per iteration, never per element.
 */
export interface QuasiNewtonMethod {
  readonly dimension: number;
  /** Returns F(x) and writes the smooth part's gradient into g. */
  evaluate(x: Float64Array, g: Float64Array): number;
  /** The vector whose ‖·‖_∞ is the stopping test and which the memory turns into a direction: g itself, or a buffer of the method's. */
  steering(x: Float64Array, g: Float64Array): Float64Array;
  /** Adjusts the direction d ← −H·steering in place; false means it was reset to steepest descent. */
  orient?(x: Float64Array, steering: Float64Array, d: Float64Array): boolean;
  /**
   * Searches from x along d (`first`: no curvature pairs yet, so the step has no natural scale),
   * writing the accepted point into xNext, its gradient into gNext and s = xNext − x.
   */
  search(
    x: Float64Array,
    value: number,
    g: Float64Array,
    steering: Float64Array,
    d: Float64Array,
    first: boolean,
    xNext: Float64Array,
    gNext: Float64Array,
    s: Float64Array,
  ): Pick<LineSearchResult, 'ok' | 'value' | 'evaluations'>;
}

/**
 * The loop both solvers share: L-BFGS memory and two-loop direction, line search, curvature-pair
 * update and the stopping bookkeeping. Stops when ‖steering‖_∞ ≤ gradientTolerance; a failed line
 * search restarts once from steepest descent before giving up; an accepted step that moves nothing
 * and leaves F unchanged ends it as 'no_progress'.
 */
export function minimizeQuasiNewton(
  method: QuasiNewtonMethod,
  x0: Float64Array,
  options: SolverOptions,
): SolverResult {
  const n = method.dimension;
  const memory = createLbfgsMemory(n, options.memory ?? 10);
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  const d = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);

  let f = method.evaluate(x, g);
  let evaluations = 1;
  let iterations = 0;
  let steering = method.steering(x, g);
  let gNorm = normInf(steering);
  let reason: StopReason = 'max_iterations';
  let restarted = false;

  while (true) {
    if (gNorm <= options.gradientTolerance) {
      reason = 'gradient';
      break;
    }
    if (iterations >= options.maxIterations) break;
    options.signal?.throwIfAborted();
    memory.direction(steering, d);
    if (method.orient && !method.orient(x, steering, d)) {
      memory.clear();
      restarted = true;
    }
    const first = iterations === 0 || restarted;
    const search = method.search(x, f, g, steering, d, first, xNext, gNext, s);
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
    subtract(gNext, g, y);
    const fPrev = f;
    [x, xNext] = [xNext, x];
    [g, gNext] = [gNext, g];
    f = search.value;
    steering = method.steering(x, g);
    gNorm = normInf(steering);
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
