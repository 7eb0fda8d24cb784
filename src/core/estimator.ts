import type { Features } from './features.js';
import type { Labels } from './labels.js';
import type { Matrix } from './matrix.js';

/** A warning is data (returned with results), never a console print. */
export interface FitWarning {
  readonly code: string;
  readonly message: string;
}

export interface FitDiagnostics {
  readonly iterations?: number;
  readonly converged?: boolean;
  readonly warnings: readonly FitWarning[];
}

export interface FitContext {
  /** Aborts long fits (and LLM calls) cooperatively. */
  readonly signal?: AbortSignal;
  /**
   * A starting point for iterative linear models (sklearn's warm_start): the coefficients of a model
   * fitted on the same classes and columns, e.g. at the previous C of a regularisation path. Not a
   * hyperparameter, so it travels with the fit call; estimators without an initial solution ignore it.
   */
  readonly warmStart?: HasCoefficients;
}

/** What `toJSON` of a fitted model gives and `loadModel` takes back. */
export interface SerializedModel {
  readonly format: 'modeldebug-model';
  readonly version: 1;
  readonly kind: string;
  readonly params: unknown;
  readonly classes: readonly string[];
  readonly state: unknown;
}

/**
 * An estimator is its params and nothing else until fitted (sklearn's contract), typed: `withParams`
 * gives a validated copy and `fit` returns a separate fitted object, so an unfitted model has no
 * `predict`. `fit` is async so that thread, remote and LLM fits share one path.
 */
export interface Classifier<P extends object = object> {
  readonly kind: string;
  readonly params: Readonly<P>;
  withParams(patch: Partial<P>): Classifier<P>;
  fit(X: Features, y: Labels, context?: FitContext): Promise<FittedClassifier>;
}

export interface FittedClassifier {
  readonly kind: string;
  /** The classes seen in training, in the order of `Labels.classes` (sklearn's `classes_`). */
  readonly classes: readonly string[];
  readonly diagnostics: FitDiagnostics;
  /** Indices into `classes`. */
  predict(X: Features): Promise<Int32Array>;
  /** One row per sample, one column per class in `classes` order; rows sum to 1. */
  predictProba(X: Features): Promise<Matrix>;
  toJSON(): SerializedModel;
}

/** For estimators with a linear decision function or importances (RFE, reports). */
export interface HasCoefficients {
  /** `[nClassesOrOne][nFeatures]` as sklearn's `coef_`. */
  readonly coefficients: Matrix;
  readonly intercepts: Float64Array;
}

/** Anything that may wrap a kernel: `argmax` row-wise with ties to the lowest index, as numpy's argmax. */
export function argmaxRows(proba: Matrix): Int32Array {
  const out = new Int32Array(proba.rows);
  for (let i = 0; i < proba.rows; i++) {
    let best = 0;
    let bestValue = proba.data[i * proba.cols];
    for (let k = 1; k < proba.cols; k++) {
      const value = proba.data[i * proba.cols + k];
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    out[i] = best;
  }
  return out;
}
