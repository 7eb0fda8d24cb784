/**
 * What a solver minimises, kept apart from how (liblinear's `function` class: `fun`, `grad`, `Hv`).
 * An objective owns its scratch buffers; a solver owns the iterate.
 */
export interface SmoothObjective {
  /** Number of parameters. */
  readonly dimension: number;
  /** Returns f(w) and writes ∇f(w) into `gradient` (length `dimension`). Must not keep `w`. */
  evaluate(w: Float64Array, gradient: Float64Array): number;
}

/**
 * A smooth part plus a weighted L1 term: F(w) = f(w) + Σ_j λ_j·|w_j|. A zero λ_j leaves w_j unpenalised
 * (an intercept), so one vector expresses L1, elastic-net and "penalise all but the intercept".
 */
export interface CompositeObjective {
  readonly smooth: SmoothObjective;
  readonly l1Weights: Float64Array;
}

/** Σ_j λ_j·|w_j|. */
export function weightedL1(w: Float64Array, l1Weights: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < w.length; j++) sum += l1Weights[j] * Math.abs(w[j]);
  return sum;
}

export interface SolverOptions {
  /** Stop when the (pseudo-/projected) gradient's max-norm is ≤ this. */
  readonly gradientTolerance: number;
  readonly maxIterations: number;
  /** L-BFGS memory (pairs kept); scipy's default is 10. */
  readonly memory?: number;
  readonly signal?: AbortSignal;
}

export type StopReason = 'gradient' | 'max_iterations' | 'line_search' | 'no_progress';

export interface SolverResult {
  /** The minimiser found (the solver's own buffer, handed over). */
  readonly x: Float64Array;
  readonly value: number;
  /** Max-norm of the final (pseudo-)gradient, in the objective's scale. */
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly reason: StopReason;
}
