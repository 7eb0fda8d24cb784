import { ModeldebugError } from '../../core/errors.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import type { RunSummary } from '../../llm/engine/run-progress.js';
import type { LlmClassifier } from '../../models/llm-classifier/llm-classifier.js';
import { summariseSplits } from '../../selection/cv-results.js';
import type { Fold } from '../../splits/fold.js';
import { accuracyOf, foldAccuracies, llmOutOfFold } from '../llm/llm-out-of-fold.js';
import { type MajorityAtKPoint, majorityAtK } from '../llm/majority-at-k.js';

export interface FewShotCurvePoint {
  readonly k: number;
  /** Out-of-fold accuracy over all rows (a row with no label is wrong). */
  readonly accuracy: number;
  readonly foldScores: readonly number[];
  readonly mean: number;
  readonly std: number;
  readonly usage: RunSummary;
}

export interface FewShotCurve {
  readonly selection: string;
  readonly points: readonly FewShotCurvePoint[];
}

export interface LlmCurveOptions {
  readonly folds: readonly Fold[];
  readonly signal?: AbortSignal;
  /** Called after each finished point (or fold, for maj@k). */
  readonly onPoint?: (done: number, total: number) => void;
}

/** Few-shot counts as given, checked: whole, ≥ 0, ascending without repeats. */
export function checkShotCounts(ks: readonly number[]): number[] {
  const sorted = [...ks].sort((a, b) => a - b);
  const bad = ks.find((k) => !(Number.isInteger(k) && k >= 0 && k <= 100));
  if (bad !== undefined || ks.length === 0 || new Set(ks).size !== ks.length) {
    throw new ModeldebugError('invalid_argument', `few-shot counts must be distinct whole numbers 0..100`, {
      where: '--few-shot',
      hint: 'e.g. --few-shot 0,1,2,4,8',
    });
  }
  return sorted;
}

/**
 * Accuracy against the number of few-shot examples, each k cross-validated on the same folds with the
 * examples drawn from the training folds only. The examples are nested: with one `random_state` the
 * fitted pool is the same seeded order of the fold's training rows for every k, and the prompt takes its
 * first k (for `random` and `stratified`; `similar` takes the k nearest, a subset of the 2k nearest) — so
 * the curve shows what more examples add, not what different examples add.
 */
export async function fewShotCurve(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  ks: readonly number[],
  options: LlmCurveOptions,
): Promise<FewShotCurve> {
  const counts = checkShotCounts(ks);
  const points: FewShotCurvePoint[] = [];
  for (const k of counts) {
    const candidate = model.withParams({ few_shot_k: k });
    const run = await llmOutOfFold(candidate, X, y, options.folds, options.signal);
    const foldScores = foldAccuracies(y.codes, run.predicted, run.foldOf, options.folds.length);
    const summary = summariseSplits(foldScores);
    points.push({
      k,
      accuracy: accuracyOf(y.codes, run.predicted),
      foldScores,
      mean: summary.mean ?? Number.NaN,
      std: summary.std ?? Number.NaN,
      usage: run.usage,
    });
    options.onPoint?.(points.length, counts.length);
  }
  return { selection: model.params.few_shot_selection, points };
}

export interface MajorityAtKCurve {
  readonly samples: number;
  readonly points: readonly MajorityAtKPoint[];
  readonly usage: RunSummary;
}

/**
 * One cross-validated run with `samples` answers per row (its calls, no more), then maj@k for k = 1..n
 * from those answers: how much self-consistency voting adds, and where it stops adding.
 */
export async function majorityAtKCurve(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  samples: number,
  options: LlmCurveOptions,
): Promise<MajorityAtKCurve> {
  if (!(Number.isInteger(samples) && samples >= 2 && samples <= 64)) {
    throw new ModeldebugError('invalid_argument', `maj@k needs 2..64 samples per row, got ${samples}`, {
      where: '--maj-at-k',
      hint: 'e.g. --maj-at-k 5 (and a temperature above 0, or every sample is the same)',
    });
  }
  const run = await llmOutOfFold(model.withParams({ samples }), X, y, options.folds, options.signal);
  options.onPoint?.(1, 1);
  return {
    samples,
    points: majorityAtK(y.codes, run.sampleLabels, samples, y.classes.length),
    usage: run.usage,
  };
}
