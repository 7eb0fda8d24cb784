import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FittedClassifier } from '../../core/estimator.js';
import { type Features, takeFeatureRows } from '../../core/features.js';
import { type Labels, takeLabelRows } from '../../core/labels.js';
import type { RunSummary } from '../../llm/engine/run-progress.js';
import { isFittedLlmClassifier } from '../../models/llm-classifier/fitted-model.js';
import { OUTCOME_CODE } from '../../models/llm-classifier/llm-outcome.js';
import type { Fold } from '../../splits/fold.js';

/**
 * Every row predicted once, by the model fitted on the folds that do not hold it (sklearn's
 * cross_val_predict), with what an LLM adds: which rows got a real label, and each sample's answer.
 */
export interface LlmOutOfFold {
  /** Codes into the dataset's classes; -1 where an LLM gave no label (unparseable, refusal, error). */
  readonly predicted: Int32Array;
  /** Samples per row (1 for a classical model). */
  readonly samples: number;
  /** Row-major (row * samples + sample), codes into the dataset's classes, -1 for no label. */
  readonly sampleLabels: Int32Array;
  /** Which fold predicted each row. */
  readonly foldOf: Int32Array;
  /** Summed over folds; all zero for a classical model. */
  readonly usage: RunSummary;
}

const NO_USAGE: RunSummary = {
  calls: 0,
  cacheHits: 0,
  errors: 0,
  promptTokens: 0,
  completionTokens: 0,
  costUsd: undefined,
};

/**
 * Fits `model` on each fold's training rows only (an LLM's few-shot examples come from them) and predicts
 * its test rows. A row an LLM did not label counts as wrong, never as the fallback class `predict` gives.
 * `xPredict` (same rows and columns as `X`) is what the test rows are asked as, e.g. with edited text,
 * while the fit still sees `X`.
 */
export async function llmOutOfFold(
  model: Classifier,
  X: Features,
  y: Labels,
  folds: readonly Fold[],
  signal?: AbortSignal,
  xPredict: Features = X,
): Promise<LlmOutOfFold> {
  let samples = 1;
  const predicted = new Int32Array(X.rows).fill(-1);
  let sampleLabels = predicted;
  const foldOf = new Int32Array(X.rows).fill(-1);
  let usage = NO_USAGE;
  // All folds at once: an LLM's calls then share its one scheduler (see concurrentExecutor); a classical
  // model's folds still compute one after another on this thread.
  const runs = await Promise.all(
    folds.map(async (fold) => {
      signal?.throwIfAborted();
      const fitted = await model.fit(takeFeatureRows(X, fold.train), takeLabelRows(y, fold.train), {
        signal,
      });
      const xTest = takeFeatureRows(xPredict, fold.test);
      if (isFittedLlmClassifier(fitted))
        return { fitted, llm: await fitted.predictDetailed(xTest, { signal }) };
      return { fitted, own: await fitted.predict(xTest) };
    }),
  );
  for (const [f, fold] of folds.entries()) {
    const { fitted, llm, own } = runs[f];
    const columnOf = classColumns(fitted, y.classes);
    if (llm !== undefined) {
      const run = llm;
      if (f === 0 && run.samples !== 1) {
        samples = run.samples;
        sampleLabels = new Int32Array(X.rows * samples).fill(-1);
      }
      fold.test.forEach((row, t) => {
        const labelled = run.outcomes[t] === OUTCOME_CODE.label;
        predicted[row] = labelled ? columnOf[run.predicted[t]] : -1;
        for (let s = 0; s < samples; s++) {
          const code = run.sampleLabels[t * samples + s];
          sampleLabels[row * samples + s] = code < 0 ? -1 : columnOf[code];
        }
      });
      usage = addUsage(usage, run.usage);
    } else if (own !== undefined) {
      fold.test.forEach((row, t) => {
        predicted[row] = columnOf[own[t]];
      });
    }
    for (const row of fold.test) foldOf[row] = f;
  }
  if (samples === 1) sampleLabels = predicted;
  const missing = foldOf.indexOf(-1);
  if (missing >= 0) {
    throw new ModeldebugError('invalid_argument', `row ${missing} is in no test fold`, {
      hint: 'pass folds whose test rows cover every row once (e.g. stratified k-fold)',
    });
  }
  return { predicted, samples, sampleLabels, foldOf, usage };
}

/** Fold-local class indices mapped to the dataset's (a fold may lack a class). */
function classColumns(fitted: FittedClassifier, classes: readonly string[]): Int32Array {
  const index = new Map(classes.map((name, k) => [name, k]));
  return Int32Array.from(fitted.classes, (name) => index.get(name) ?? -1);
}

export function addUsage(a: RunSummary, b: RunSummary): RunSummary {
  return {
    calls: a.calls + b.calls,
    cacheHits: a.cacheHits + b.cacheHits,
    errors: a.errors + b.errors,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costUsd:
      a.costUsd === undefined && b.costUsd === undefined ? undefined : (a.costUsd ?? 0) + (b.costUsd ?? 0),
  };
}

/** Correct labels over all rows (a row with no label, -1, is wrong). */
export function accuracyOf(yTrue: Int32Array, predicted: Int32Array): number {
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (predicted[i] === yTrue[i]) correct++;
  return yTrue.length === 0 ? Number.NaN : correct / yTrue.length;
}

/** Accuracy within each fold, in fold order. */
export function foldAccuracies(
  yTrue: Int32Array,
  predicted: Int32Array,
  foldOf: Int32Array,
  nFolds: number,
): number[] {
  const correct = new Float64Array(nFolds);
  const total = new Float64Array(nFolds);
  for (let i = 0; i < yTrue.length; i++) {
    total[foldOf[i]]++;
    if (predicted[i] === yTrue[i]) correct[foldOf[i]]++;
  }
  return Array.from(total, (n, f) => correct[f] / n);
}
