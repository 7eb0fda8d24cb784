import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FittedClassifier, FitWarning, HasCoefficients } from '../../core/estimator.js';
import { type Features, takeFeatureRows } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import type { Matrix } from '../../core/matrix.js';
import { hasCoefficients, innermostModel } from '../../features/importance-source.js';
import { crossValidate } from '../../selection/cross-validate.js';
import { stratifiedKFold } from '../../splits/stratified-k-fold.js';
import { logSpace } from './log-space.js';

export interface RegularizationPathOptions {
  /** A count of Cs, log-spaced over [1e-4, 1e4] as LogisticRegressionCV's `Cs`; or the Cs themselves. */
  readonly cs?: number | readonly number[];
  /** Stratified folds; default 5. */
  readonly cv?: number;
  readonly scoring?: string;
  readonly shuffle?: boolean;
  readonly seed?: number;
  /**
   * Start each fit (on all rows, and on each fold) from the previous C's coefficients, as sklearn's
   * logistic_regression_path; default true. The optimum is the same, reached in fewer iterations.
   */
  readonly warmStart?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PathChoice {
  readonly index: number;
  readonly C: number;
  readonly meanScore: number;
}

export interface RegularizationPathResult {
  /** Ascending: from the most regularised model to the least. */
  readonly cs: Float64Array;
  readonly featureNames: readonly string[];
  /** Per C, the model fitted on all rows: `coef_` as `[nClassesOrOne][nFeatures]`. */
  readonly coefficients: readonly Matrix[];
  readonly intercepts: readonly Float64Array[];
  /** Per C: features with a non-zero coefficient for at least one class (the L1 sparsity). */
  readonly nonZero: Int32Array;
  readonly scoring: string;
  /** `[C][fold]`. */
  readonly foldScores: readonly Float64Array[];
  readonly meanScores: Float64Array;
  /** Standard error of the mean over folds: sample std / √folds. */
  readonly standardErrors: Float64Array;
  readonly best: PathChoice;
  /** The most regularised C whose mean score is within one standard error of the best one. */
  readonly oneStandardError: PathChoice;
  /**
   * Whether each fit started from the previous C's solution (Cs ascending: from the strongest penalty
   * to the weakest, as sklearn's logistic_regression_path).
   */
  readonly warmStarted: boolean;
  /** Per C: solver iterations summed over the fit on all rows and the fold fits (0 if not reported). */
  readonly iterations: Int32Array;
  readonly warnings: readonly FitWarning[];
}

/**
 * A regularisation path: for each C, the coefficients fitted on all rows and the cross-validated score,
 * then the best C and the one-standard-error choice (the simplest model statistically tied with the
 * best). `modelForC` builds the estimator (a classifier or a pipeline ending in one) at a given C.
 */
export async function regularizationPath(
  modelForC: (C: number) => Classifier,
  X: Features,
  y: Labels,
  options: RegularizationPathOptions = {},
): Promise<RegularizationPathResult> {
  const cs = resolveCs(options.cs ?? 20);
  const { folds, warnings: foldWarnings } = stratifiedKFold(y.codes, options.cv ?? 5, {
    shuffle: options.shuffle,
    seed: options.seed,
  });
  const scoring = options.scoring ?? 'accuracy';
  const total = cs.length * (folds.length + 1);
  const warnings: FitWarning[] = [...foldWarnings];
  const coefficients: Matrix[] = [];
  const intercepts: Float64Array[] = [];
  const foldScores: Float64Array[] = [];
  let featureNames: readonly string[] = [];
  const warm = options.warmStart ?? true;
  const iterations = new Int32Array(cs.length);
  // The previous C's solutions: on all rows, and per fold.
  let previous: HasCoefficients | undefined;
  const previousByFold: (HasCoefficients | undefined)[] = folds.map(() => undefined);
  options.onProgress?.(0, total);

  for (const [c, C] of cs.entries()) {
    const estimator = modelForC(C);
    const fitted = await estimator.fit(X, y, { signal: options.signal, warmStart: previous });
    const source = coefficientsOf(fitted);
    if (warm) previous = source;
    iterations[c] = fitted.diagnostics.iterations ?? 0;
    if (c === 0) featureNames = namesSeenByFinalStep(fitted, X);
    coefficients.push(source.coefficients);
    intercepts.push(source.intercepts);
    warnings.push(...tagged(C, fitted.diagnostics.warnings));
    const done = (c + 1) * (folds.length + 1);
    let foldIndex = 0;
    const cv = await crossValidate(estimator, X, y, {
      cv: folds,
      scoring: [scoring],
      signal: options.signal,
      onFoldDone: (fold) => options.onProgress?.(done - folds.length + fold, total),
      warmStartFor: (fold) => previousByFold[fold],
      onFoldPredicted: (foldFitted) => {
        if (warm) previousByFold[foldIndex] = coefficientsOf(foldFitted);
        iterations[c] += foldFitted.diagnostics.iterations ?? 0;
        foldIndex++;
      },
    });
    foldScores.push(Float64Array.from(cv.folds, (fold) => fold.test[scoring]));
    for (const fold of cv.folds) warnings.push(...tagged(C, fold.warnings));
  }

  const meanScores = Float64Array.from(foldScores, (scores) => mean(scores));
  const standardErrors = Float64Array.from(foldScores, (scores, c) => standardError(scores, meanScores[c]));
  let best = 0;
  for (let c = 1; c < cs.length; c++) if (meanScores[c] > meanScores[best]) best = c;
  const threshold = meanScores[best] - standardErrors[best];
  let simplest = best;
  for (let c = 0; c < best; c++) {
    if (meanScores[c] >= threshold) {
      simplest = c;
      break;
    }
  }
  const choice = (index: number): PathChoice => ({ index, C: cs[index], meanScore: meanScores[index] });
  return {
    cs,
    featureNames,
    coefficients,
    intercepts,
    nonZero: Int32Array.from(coefficients, countNonZeroFeatures),
    scoring,
    foldScores,
    meanScores,
    standardErrors,
    best: choice(best),
    oneStandardError: choice(simplest),
    warmStarted: warm,
    iterations,
    warnings: dedupe(warnings),
  };
}

function coefficientsOf(fitted: FittedClassifier): HasCoefficients {
  const source = innermostModel(fitted);
  if (!hasCoefficients(source)) {
    throw new ModeldebugError('unsupported', `a fitted ${source.kind} has no coefficients to trace`, {
      hint: 'use a linear model such as logreg',
    });
  }
  return source;
}

function resolveCs(cs: number | readonly number[]): Float64Array {
  if (typeof cs === 'number') {
    if (!Number.isInteger(cs) || cs < 1) {
      throw new ModeldebugError(
        'invalid_argument',
        `the number of Cs must be a whole number >= 1, got ${cs}`,
        {
          hint: 'use --cs 20',
        },
      );
    }
    return logSpace(-4, 4, cs);
  }
  if (cs.length === 0 || cs.some((C) => !(C > 0))) {
    throw new ModeldebugError('invalid_argument', 'every C must be a positive number', {
      hint: 'e.g. 0.01,0.1,1',
    });
  }
  return Float64Array.from(cs).sort();
}

/** A pipeline's final step may see other columns than X (one-hot): name what it saw, from one row. */
function namesSeenByFinalStep(fitted: FittedClassifier, X: Features): string[] {
  const pipeline = fitted as FittedClassifier & { transform?: (X: Features) => Features };
  const seen = pipeline.transform === undefined ? X : pipeline.transform(takeFeatureRows(X, [0]));
  return seen.columns.map((column) => column.name);
}

/** Features with a non-zero coefficient for at least one class. */
export function countNonZeroFeatures(coef: Matrix): number {
  let count = 0;
  for (let j = 0; j < coef.cols; j++) {
    for (let k = 0; k < coef.rows; k++) {
      if (coef.data[k * coef.cols + j] !== 0) {
        count++;
        break;
      }
    }
  }
  return count;
}

function mean(values: Float64Array): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample std (ddof 1) / √k: the spread of a k-fold mean, as the one-standard-error rule uses it. */
function standardError(values: Float64Array, centre: number): number {
  if (values.length < 2) return 0;
  const squares = values.reduce((a, b) => a + (b - centre) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1) / values.length);
}

function tagged(C: number, warnings: readonly FitWarning[]): FitWarning[] {
  return warnings.map((warning) => ({ code: warning.code, message: `C=${formatC(C)}: ${warning.message}` }));
}

/** Keeps the first of each code: one convergence warning per C would drown the output. */
function dedupe(warnings: readonly FitWarning[]): FitWarning[] {
  const counts = new Map<string, number>();
  for (const warning of warnings) counts.set(warning.code, (counts.get(warning.code) ?? 0) + 1);
  const seen = new Set<string>();
  return warnings.flatMap((warning) => {
    if (seen.has(warning.code)) return [];
    seen.add(warning.code);
    const more = (counts.get(warning.code) ?? 1) - 1;
    return [
      {
        code: warning.code,
        message: more > 0 ? `${warning.message} (and ${more} more like it)` : warning.message,
      },
    ];
  });
}

export function formatC(C: number): string {
  return Number(C.toPrecision(3)).toString();
}
