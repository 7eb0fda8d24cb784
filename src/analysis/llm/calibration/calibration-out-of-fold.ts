import { ModeldebugError } from '../../../core/errors.js';
import type { Features } from '../../../core/features.js';
import { takeFeatureRows } from '../../../core/features.js';
import { type Labels, takeLabelRows } from '../../../core/labels.js';
import type { RunSummary } from '../../../llm/engine/run-progress.js';
import { contentFreeFeatures } from '../../../models/llm-classifier/content-free-inputs.js';
import { contentFreeDistribution } from '../../../models/llm-classifier/contextual-calibration.js';
import { probabilitiesFromScores } from '../../../models/llm-classifier/label-scores.js';
import type { LlmClassifier } from '../../../models/llm-classifier/llm-classifier.js';
import { OUTCOME_CODE } from '../../../models/llm-classifier/llm-outcome.js';
import type { LlmPrediction } from '../../../models/llm-classifier/predict-rows.js';
import type { Fold } from '../../../splits/fold.js';
import { addUsage } from '../llm-out-of-fold.js';

/** Where the class probabilities that calibration rescales come from. */
export type ProbabilityBasis = 'logprob' | 'samples';

/** The uncalibrated classifier's answers, out of fold, with what calibration needs. */
export interface CalibrationInputs {
  readonly basis: ProbabilityBasis;
  /** Dataset class codes; -1 for a row with no label. */
  readonly predicted: Int32Array;
  /** Row-major class probabilities as configured (the training prior on rows with no label). */
  readonly proba: Float64Array;
  /** Row-major label log-likelihoods (basis `logprob`); NaN on rows without them. */
  readonly scores: Float64Array;
  /** 1 where calibration can rescale the row: it has label scores (logprob) or a vote (samples). */
  readonly calibratable: Uint8Array;
  readonly foldOf: Int32Array;
  /** Per fold, the content-free class distribution, or null when no content-free input got a label. */
  readonly contentFree: readonly (Float64Array | null)[];
  readonly usage: RunSummary;
}

/**
 * Fits the classifier (with no calibration of its own) on each fold's training rows and predicts its
 * test rows and the content-free inputs through the same prompt — its few-shot examples included.
 * Label scores need logprobs; without them, vote shares over `samples` > 1 answers stand in.
 */
export async function calibrationOutOfFold(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  folds: readonly Fold[],
  signal?: AbortSignal,
): Promise<CalibrationInputs> {
  const base = model.withParams({ calibration: 'none', label_bias: {} });
  // Fail before any call when the params rule out both kinds of class probabilities.
  if (!mayHaveScores(base)) basisOf(base, []);
  const nClasses = y.classes.length;
  const runs = await Promise.all(
    folds.map(async (fold) => {
      signal?.throwIfAborted();
      const fitted = await base.fit(takeFeatureRows(X, fold.train), takeLabelRows(y, fold.train), { signal });
      if (fitted.classes.length !== nClasses) {
        throw new ModeldebugError('too_few_per_class', 'a training fold lacks a class', {
          hint: 'use fewer folds, so that every training fold holds every class',
        });
      }
      const test = await fitted.predictDetailed(takeFeatureRows(X, fold.test), { signal });
      const contentFree = await fitted.predictDetailed(contentFreeFeatures(X), { signal, onItem: () => {} });
      return { test, contentFree };
    }),
  );
  const basis = basisOf(
    base,
    runs.map((run) => run.test),
  );
  const predicted = new Int32Array(X.rows).fill(-1);
  const proba = new Float64Array(X.rows * nClasses);
  const scores = new Float64Array(X.rows * nClasses).fill(Number.NaN);
  const calibratable = new Uint8Array(X.rows);
  const foldOf = new Int32Array(X.rows).fill(-1);
  let usage: RunSummary | undefined;
  const contentFree = folds.map((fold, f) => {
    const { test } = runs[f];
    fold.test.forEach((row, t) => {
      foldOf[row] = f;
      const labelled = test.outcomes[t] === OUTCOME_CODE.label;
      predicted[row] = labelled ? test.predicted[t] : -1;
      proba.set(test.proba.data.subarray(t * nClasses, (t + 1) * nClasses), row * nClasses);
      const rowScores = test.labelLogprobs?.subarray(t * nClasses, (t + 1) * nClasses);
      if (basis === 'logprob' && rowScores && !Number.isNaN(rowScores[0])) {
        scores.set(rowScores, row * nClasses);
        calibratable[row] = 1;
      } else if (basis === 'samples' && labelled) {
        calibratable[row] = 1;
      }
    });
    usage = usage ? addUsage(usage, test.usage) : test.usage;
    usage = addUsage(usage, runs[f].contentFree.usage);
    return contentFreeOf(runs[f].contentFree, basis, nClasses);
  });
  return { basis, predicted, proba, scores, calibratable, foldOf, contentFree, usage: usage! };
}

function mayHaveScores(model: LlmClassifier): boolean {
  const { params } = model;
  const json = params.parse === 'json' || params.structured_output;
  return (
    params.scoring === 'logprob' ||
    (!json && (params.probabilities === 'auto' || params.probabilities === 'logprobs'))
  );
}

function basisOf(model: LlmClassifier, tests: readonly LlmPrediction[]): ProbabilityBasis {
  const scored = tests.some((test) => test.labelLogprobs?.some((score) => !Number.isNaN(score)));
  if (scored) return 'logprob';
  if (model.params.samples > 1 && model.params.probabilities !== 'one-hot') return 'samples';
  throw new ModeldebugError(
    'unsupported',
    'the answers carry no label logprobs and one sample per row, so there are no class probabilities to calibrate',
    {
      where: 'param scoring',
      hint: "use scoring='logprob' with an endpoint that returns logprobs, or samples=5 with a temperature above 0",
    },
  );
}

function contentFreeOf(
  prediction: LlmPrediction,
  basis: ProbabilityBasis,
  nClasses: number,
): Float64Array | null {
  const rows: Float64Array[] = [];
  for (let r = 0; r < prediction.outcomes.length; r++) {
    const rowScores = prediction.labelLogprobs?.subarray(r * nClasses, (r + 1) * nClasses);
    if (basis === 'logprob' && rowScores && !Number.isNaN(rowScores[0])) {
      rows.push(probabilitiesFromScores(rowScores));
    } else if (basis === 'samples' && prediction.outcomes[r] === OUTCOME_CODE.label) {
      rows.push(prediction.proba.data.slice(r * nClasses, (r + 1) * nClasses));
    }
  }
  if (rows.length === 0) return null;
  const stacked = new Float64Array(rows.length * nClasses);
  for (const [r, row] of rows.entries()) stacked.set(row, r * nClasses);
  return contentFreeDistribution(
    stacked,
    nClasses,
    basis === 'samples' ? { samples: prediction.samples, pseudoVotes: 0.5 } : undefined,
  );
}
