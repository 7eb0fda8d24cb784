import type { Classifier, FitContext } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import { accuracy, type McNemarResult, mcnemarTest } from '../../metrics/index.js';
import { crossValidate } from '../../selection/cross-validate.js';
import type { Fold } from '../../splits/fold.js';

export interface BaselineComparison {
  /** `most-frequent class` (sklearn's DummyClassifier) or the baseline model's kind. */
  readonly baseline: string;
  readonly baselineAccuracy: number;
  readonly modelAccuracy: number;
  /** First model: the analysed one; second: the baseline. */
  readonly mcnemar: McNemarResult;
}

/**
 * Out-of-fold predictions of a baseline on the same folds: a classifier when given, else the most frequent
 * class of each training fold (ties to the first class, as DummyClassifier's argmax).
 */
export async function baselinePredictions(
  features: Features,
  labels: Labels,
  folds: readonly Fold[],
  baseline: Classifier | undefined,
  context: FitContext,
): Promise<Int32Array> {
  if (baseline) {
    const result = await crossValidate(baseline, features, labels, {
      cv: folds,
      returnPredictions: true,
      signal: context.signal,
    });
    // returnPredictions: true always fills outOfFold.
    return result.outOfFold!.predicted;
  }
  const predicted = new Int32Array(labels.codes.length);
  const counts = new Int32Array(labels.classes.length);
  for (const fold of folds) {
    counts.fill(0);
    for (const row of fold.train) counts[labels.codes[row]]++;
    let majority = 0;
    for (let k = 1; k < counts.length; k++) if (counts[k] > counts[majority]) majority = k;
    for (const row of fold.test) predicted[row] = majority;
  }
  return predicted;
}

export function compareWithBaseline(
  yTrue: Int32Array,
  modelPredicted: Int32Array,
  baselinePredicted: Int32Array,
  nLabels: number,
  baseline: string,
): BaselineComparison {
  return {
    baseline,
    baselineAccuracy: accuracy(yTrue, baselinePredicted),
    modelAccuracy: accuracy(yTrue, modelPredicted),
    mcnemar: mcnemarTest(yTrue, modelPredicted, baselinePredicted, nLabels),
  };
}
