import { predictInClassSpace } from '../core/class-space.js';
import type { Classifier, FittedClassifier, FitWarning, HasCoefficients } from '../core/estimator.js';
import { type Features, takeFeatureRows } from '../core/features.js';
import { type Labels, takeLabelRows } from '../core/labels.js';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { getScorer, type Scorer } from '../metrics/index.js';
import type { Fold } from '../splits/fold.js';
import { stratifiedKFold } from '../splits/stratified-k-fold.js';

export interface CrossValidateOptions {
  /** A fold count (stratified, as sklearn's `cv=int` for classifiers) or explicit folds. */
  readonly cv?: number | readonly Fold[];
  /** sklearn scorer names; default `['accuracy']`. */
  readonly scoring?: readonly string[];
  readonly returnTrainScore?: boolean;
  /** Keep each row's out-of-fold prediction (sklearn's cross_val_predict) for a pooled report. */
  readonly returnPredictions?: boolean;
  readonly shuffle?: boolean;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  readonly onFoldDone?: (done: number, total: number) => void;
  /** Each fold's fitted model right after it predicted the fold's test rows (e.g. an LLM's outcomes). */
  readonly onFoldPredicted?: (fitted: FittedClassifier, testRows: Int32Array) => void;
  /** A starting point per fold (index into the folds) for models that take one (a regularisation path). */
  readonly warmStartFor?: (fold: number) => HasCoefficients | undefined;
  /**
   * Fit and predict every fold at once: for a model that waits on an endpoint (an LLM), whose calls
   * then share its one scheduler instead of each fold waiting out its own slowest calls.
   */
  readonly concurrentFolds?: boolean;
}

export interface FoldScores {
  readonly fitSeconds: number;
  readonly scoreSeconds: number;
  readonly test: Readonly<Record<string, number>>;
  readonly train?: Readonly<Record<string, number>>;
  readonly warnings: readonly FitWarning[];
}

export interface ScoreSummary {
  readonly mean: number;
  /** Population std over folds (ddof = 0), as sklearn's `std_test_score`. */
  readonly std: number;
}

export interface CrossValidateResult {
  readonly folds: readonly FoldScores[];
  readonly test: Readonly<Record<string, ScoreSummary>>;
  readonly train?: Readonly<Record<string, ScoreSummary>>;
  readonly outOfFold?: { readonly predicted: Int32Array; readonly proba: Matrix };
  readonly warnings: readonly FitWarning[];
}

/** sklearn's cross_validate: fit a fresh copy of the estimator on each training fold, score both sides. */
export async function crossValidate(
  estimator: Classifier,
  X: Features,
  y: Labels,
  options: CrossValidateOptions = {},
): Promise<CrossValidateResult> {
  const scorers = (options.scoring ?? ['accuracy']).map(getScorer);
  const { folds, warnings } = resolveFolds(y, options);
  const nClasses = y.classes.length;
  const outOfFold = options.returnPredictions
    ? { predicted: new Int32Array(X.rows), proba: createMatrix(X.rows, nClasses) }
    : undefined;

  let done = 0;
  options.onFoldDone?.(0, folds.length);
  const evaluateFold = async (f: number): Promise<FoldScores> => {
    const fold = folds[f];
    options.signal?.throwIfAborted();
    const xTrain = takeFeatureRows(X, fold.train);
    const yTrain = takeLabelRows(y, fold.train);
    const fitStart = performance.now();
    const warmStart = options.warmStartFor?.(f);
    const fitted = await estimator.fit(xTrain, yTrain, { signal: options.signal, warmStart });
    const fitSeconds = (performance.now() - fitStart) / 1000;

    const scoreStart = performance.now();
    const xTest = takeFeatureRows(X, fold.test);
    const testPredictions = await predictInClassSpace(fitted, xTest, y.classes);
    options.onFoldPredicted?.(fitted, fold.test);
    const test = scoreAll(scorers, takeLabelRows(y, fold.test).codes, testPredictions, nClasses);
    const scoreSeconds = (performance.now() - scoreStart) / 1000;
    let train: Record<string, number> | undefined;
    if (options.returnTrainScore) {
      train = scoreAll(scorers, yTrain.codes, await predictInClassSpace(fitted, xTrain, y.classes), nClasses);
    }
    if (outOfFold) {
      fold.test.forEach((row, i) => {
        outOfFold.predicted[row] = testPredictions.predicted[i];
        outOfFold.proba.data.set(
          testPredictions.proba.data.subarray(i * nClasses, (i + 1) * nClasses),
          row * nClasses,
        );
      });
    }
    options.onFoldDone?.(++done, folds.length);
    return { fitSeconds, scoreSeconds, test, train, warnings: fitted.diagnostics.warnings };
  };
  const indices = folds.map((_, f) => f);
  const results: FoldScores[] = [];
  if (options.concurrentFolds) results.push(...(await Promise.all(indices.map(evaluateFold))));
  else for (const f of indices) results.push(await evaluateFold(f));
  return {
    folds: results,
    test: summarise(results.map((fold) => fold.test)),
    train: options.returnTrainScore ? summarise(results.map((fold) => fold.train ?? {})) : undefined,
    outOfFold,
    warnings,
  };
}

function resolveFolds(
  y: Labels,
  options: CrossValidateOptions,
): { folds: readonly Fold[]; warnings: FitWarning[] } {
  const cv = options.cv ?? 5;
  if (typeof cv !== 'number') return { folds: cv, warnings: [] };
  return stratifiedKFold(y.codes, cv, { shuffle: options.shuffle, seed: options.seed });
}

function scoreAll(
  scorers: readonly Scorer[],
  yTrue: Int32Array,
  predictions: { predicted: Int32Array; proba: Matrix },
  nClasses: number,
): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const scorer of scorers) {
    scores[scorer.name] = scorer.score(yTrue, predictions.predicted, predictions.proba, nClasses);
  }
  return scores;
}

export function summarise(rows: readonly Readonly<Record<string, number>>[]): Record<string, ScoreSummary> {
  const summary: Record<string, ScoreSummary> = {};
  for (const name of Object.keys(rows[0] ?? {})) {
    const values = rows.map((row) => row[name]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    summary[name] = { mean, std: Math.sqrt(variance) };
  }
  return summary;
}
