import type { FitDiagnostics, FitWarning, HasCoefficients } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import { classCounts, type Labels } from '../../core/labels.js';
import { createMatrix, type Matrix } from '../../core/matrix.js';
import { createBinaryLogisticObjective } from '../../optim/binary-logistic-objective.js';
import { minimizeLbfgs } from '../../optim/lbfgs.js';
import type { LogisticData } from '../../optim/logistic-data.js';
import { createMultinomialLogisticObjective } from '../../optim/multinomial-logistic-objective.js';
import type { SmoothObjective, SolverResult } from '../../optim/objective.js';
import { minimizeOwlqn } from '../../optim/owlqn.js';
import {
  createSparseBinaryLogisticObjective,
  createSparseMultinomialLogisticObjective,
} from '../../optim/sparse-logistic-objectives.js';
import { classWeightsFor } from './class-weights.js';
import { shareInterceptsOfIdenticalProblems } from './identical-problems.js';
import type { LogisticRegressionParams } from './params.js';
import type { FitPlan, ProbabilityModel } from './plan.js';

export interface LogisticRegressionState {
  readonly probability: ProbabilityModel;
  /** `[rows][nFeatures]`: one row for 'sigmoid' and 'softmax-binary', one per class otherwise. */
  readonly coefficients: Matrix;
  readonly intercepts: Float64Array;
}

export interface LogisticRegressionDiagnostics extends FitDiagnostics {
  readonly iterations: number;
  readonly converged: boolean;
  readonly solver: 'lbfgs' | 'owlqn';
  /**
   * The objective sklearn minimises, at the solution: r(W) + C·Σ_i s_i·loss_i (summed over the
   * one-vs-rest problems), with the intercept inside r in liblinear mode.
   */
  readonly objective: number;
  /** Largest max-norm of the final (pseudo-)gradient of the scaled objective (what `tol` bounds). */
  readonly gradientNorm: number;
}

/** One binary or multinomial problem: its labels and per-row weights (before scaling). */
type Problem =
  | { readonly kind: 'binary'; readonly targets: Float64Array; readonly weights: Float64Array }
  | { readonly kind: 'multinomial'; readonly codes: Int32Array; readonly weights: Float64Array };

/**
 * Fits every problem of the plan. Each minimises sklearn's objective divided by C·Σs_i — the mean
 * weighted loss + (1 − ρ)/(2·C·Σs)·‖W‖² + ρ/(C·Σs)·‖W‖₁, the same minimiser, and the scale in which
 * sklearn's `tol` bounds the gradient — from zeros, or from `warmStart`'s coefficients when their shape fits.
 */
export function fitProblems(
  X: Features,
  y: Labels,
  knownClasses: readonly string[],
  params: LogisticRegressionParams,
  plan: FitPlan,
  signal: AbortSignal | undefined,
  warmStart?: HasCoefficients,
): { state: LogisticRegressionState; diagnostics: LogisticRegressionDiagnostics } {
  const K = y.classes.length;
  const d = X.cols;
  const counts = classCounts(y);
  const classWeights = classWeightsFor(params.class_weight, y.classes, counts, knownClasses);
  const problems = buildProblems(y, classWeights, counts, params, plan);

  // softmax-binary fits both rows of the two-class softmax and keeps one below.
  const rowCount = plan.probability === 'sigmoid' ? 1 : K;
  const coefficients = createMatrix(rowCount, d);
  const intercepts = new Float64Array(rowCount);
  let iterations = 0;
  let converged = true;
  let hitIterationLimit = false;
  let objective = 0;
  let gradientNorm = 0;
  const warnings: FitWarning[] = [...plan.warnings];
  const start = warmStart === undefined ? undefined : startingRows(warmStart, plan, K, d);
  if (warmStart !== undefined && start === undefined) {
    warnings.push({
      code: 'warm_start_ignored',
      message: `the warm start's coefficients are ${warmStart.coefficients.rows} x ${warmStart.coefficients.cols}, not ${plan.probability === 'softmax' || plan.probability === 'ovr' ? K : 1} x ${d}; fitted from zeros`,
    });
  }

  problems.forEach((problem, index) => {
    const x0 = start === undefined ? undefined : initialPoint(start, problem, index, K, d, plan);
    const { w, result, scale } = solve(X, problem, K, params, plan, signal, x0);
    iterations = Math.max(iterations, result.iterations);
    converged &&= result.converged;
    hitIterationLimit ||= result.reason === 'max_iterations';
    objective += scale * result.value;
    gradientNorm = Math.max(gradientNorm, result.gradientNorm);
    const p = d + (plan.interceptFeature !== 0 ? 1 : 0);
    const rows = problem.kind === 'binary' ? 1 : K;
    for (let k = 0; k < rows; k++) {
      const target = problem.kind === 'binary' ? index : k;
      coefficients.data.set(w.subarray(k * p, k * p + d), target * d);
      intercepts[target] = plan.interceptFeature !== 0 ? plan.interceptFeature * w[k * p + d] : 0;
    }
  });
  if (plan.probability === 'ovr') {
    const binaries = problems.flatMap((problem) => (problem.kind === 'binary' ? [problem] : []));
    shareInterceptsOfIdenticalProblems(binaries, coefficients.data, intercepts);
  }

  if (plan.probability === 'softmax' || plan.probability === 'softmax-binary') {
    // Unpenalised multinomial intercepts are defined up to a common constant; sklearn's solvers start at
    // zero and move along gradients whose intercept parts sum to 0, so they report sum(intercept_) = 0.
    let mean = 0;
    for (let k = 0; k < K; k++) mean += intercepts[k] / K;
    for (let k = 0; k < K; k++) intercepts[k] -= mean;
  }
  if (plan.probability === 'softmax-binary') {
    // sklearn keeps the row of class 1 of the two-row softmax.
    const coefRow1 = coefficients.data.slice(d, 2 * d);
    const state = {
      probability: plan.probability,
      coefficients: createMatrix(1, d, coefRow1),
      intercepts: Float64Array.of(intercepts[1]),
    };
    return { state, diagnostics: diagnostics() };
  }
  return { state: { probability: plan.probability, coefficients, intercepts }, diagnostics: diagnostics() };

  function diagnostics(): LogisticRegressionDiagnostics {
    if (!converged) {
      warnings.push({
        code: 'convergence',
        message:
          (hitIterationLimit
            ? `${plan.solver} did not converge in max_iter=${params.max_iter} iterations `
            : `${plan.solver} stopped before converging: its line search found no further decrease `) +
          `(max |gradient| ${gradientNorm.toExponential(2)} > tol ${params.tol}); ` +
          (hitIterationLimit
            ? 'increase max_iter or standardise the features'
            : 'standardise the features or raise tol'),
      });
    }
    return { iterations, converged, solver: plan.solver, objective, gradientNorm, warnings };
  }
}

function buildProblems(
  y: Labels,
  classWeights: Float64Array,
  counts: Int32Array,
  params: LogisticRegressionParams,
  plan: FitPlan,
): Problem[] {
  const { codes } = y;
  const n = codes.length;
  const K = y.classes.length;
  const perRow = (weightOf: (code: number) => number): Float64Array => {
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = weightOf(codes[i]);
    return weights;
  };
  if (plan.probability === 'softmax' || plan.probability === 'softmax-binary') {
    return [{ kind: 'multinomial', codes, weights: perRow((c) => classWeights[c]) }];
  }
  const binaryFor = (positive: number, weights: Float64Array): Problem => {
    const targets = new Float64Array(n);
    for (let i = 0; i < n; i++) targets[i] = codes[i] === positive ? 1 : -1;
    return { kind: 'binary', targets, weights };
  };
  if (plan.probability === 'sigmoid')
    return [
      binaryFor(
        1,
        perRow((c) => classWeights[c]),
      ),
    ];
  return Array.from({ length: K }, (_, k) => {
    if (plan.liblinear) {
      // liblinear's one-vs-rest weighs the positive class by its class weight and the rest by 1.
      return binaryFor(
        k,
        perRow((c) => (c === k ? classWeights[k] : 1)),
      );
    }
    if (params.class_weight === 'balanced') {
      // sklearn balances each one-vs-rest problem between its own two sides.
      const positive = n / (2 * counts[k]);
      const negative = n / (2 * (n - counts[k]));
      return binaryFor(
        k,
        perRow((c) => (c === k ? positive : negative)),
      );
    }
    return binaryFor(
      k,
      perRow((c) => classWeights[c]),
    );
  });
}

/**
 * The warm start as one row of `d` coefficients + intercept per class row the fit solves (K rows for the
 * softmax on two classes, whose kept row w₁ came from the symmetric pair [−w₁, w₁]); undefined when the
 * shape does not fit.
 */
function startingRows(
  warmStart: HasCoefficients,
  plan: FitPlan,
  K: number,
  d: number,
): { coefficients: Float64Array; intercepts: Float64Array } | undefined {
  const { coefficients, intercepts } = warmStart;
  const stored = plan.probability === 'sigmoid' || plan.probability === 'softmax-binary' ? 1 : K;
  if (coefficients.rows !== stored || coefficients.cols !== d || intercepts.length !== stored)
    return undefined;
  if (plan.probability !== 'softmax-binary') return { coefficients: coefficients.data, intercepts };
  const pair = new Float64Array(2 * d);
  for (let j = 0; j < d; j++) {
    pair[j] = -coefficients.data[j];
    pair[d + j] = coefficients.data[j];
  }
  return { coefficients: pair, intercepts: Float64Array.of(-intercepts[0], intercepts[0]) };
}

/** The solver's starting iterate for one problem: its class rows, the intercept in the solver's units. */
function initialPoint(
  start: { coefficients: Float64Array; intercepts: Float64Array },
  problem: Problem,
  index: number,
  K: number,
  d: number,
  plan: FitPlan,
): Float64Array {
  const hasIntercept = plan.interceptFeature !== 0;
  const p = d + (hasIntercept ? 1 : 0);
  const first = problem.kind === 'binary' ? index : 0;
  const rows = problem.kind === 'binary' ? 1 : K;
  const x0 = new Float64Array(rows * p);
  for (let k = 0; k < rows; k++) {
    x0.set(start.coefficients.subarray((first + k) * d, (first + k + 1) * d), k * p);
    if (hasIntercept) x0[k * p + d] = start.intercepts[first + k] / plan.interceptFeature;
  }
  return x0;
}

function solve(
  X: Features,
  problem: Problem,
  K: number,
  params: LogisticRegressionParams,
  plan: FitPlan,
  signal: AbortSignal | undefined,
  start: Float64Array | undefined,
): { w: Float64Array; result: SolverResult; scale: number } {
  let total = 0;
  for (const weight of problem.weights) total += weight;
  const sampleWeights = problem.weights.map((weight) => weight / total);
  const scale = params.C * total;
  const l2 = {
    strength: plan.penalized ? (1 - plan.l1Ratio) / scale : 0,
    penalizeIntercept: plan.liblinear,
  };
  const smooth = objectiveFor(X, problem, K, sampleWeights, plan.interceptFeature, l2);
  const x0 = start ?? new Float64Array(smooth.dimension);
  const options = { gradientTolerance: params.tol, maxIterations: params.max_iter, signal };
  if (plan.solver === 'lbfgs') {
    const result = minimizeLbfgs(smooth, x0, options);
    return { w: result.x, result, scale };
  }
  const p = X.cols + (plan.interceptFeature !== 0 ? 1 : 0);
  const l1Weights = new Float64Array(smooth.dimension);
  const l1 = plan.penalized ? plan.l1Ratio / scale : 0;
  for (let k = 0; k < smooth.dimension / p; k++) {
    for (let j = 0; j < p; j++) l1Weights[k * p + j] = j < X.cols || plan.liblinear ? l1 : 0;
  }
  const result = minimizeOwlqn({ smooth, l1Weights }, x0, options);
  return { w: result.x, result, scale };
}

/** The smooth part for one problem: over X's CSR entries when X is sparse, else the dense passes. */
function objectiveFor(
  X: Features,
  problem: Problem,
  K: number,
  sampleWeights: Float64Array,
  interceptFeature: number,
  l2: { strength: number; penalizeIntercept: boolean },
): SmoothObjective {
  const shape = { rows: X.rows, cols: X.cols, sampleWeights, interceptFeature };
  if (X.sparse !== undefined) {
    const data = { ...shape, X: X.sparse };
    return problem.kind === 'binary'
      ? createSparseBinaryLogisticObjective({ ...data, targets: problem.targets }, l2)
      : createSparseMultinomialLogisticObjective({ ...data, codes: problem.codes, classCount: K }, l2);
  }
  const data: LogisticData = { ...shape, X: X.data };
  return problem.kind === 'binary'
    ? createBinaryLogisticObjective({ ...data, targets: problem.targets }, l2)
    : createMultinomialLogisticObjective({ ...data, codes: problem.codes, classCount: K }, l2);
}
