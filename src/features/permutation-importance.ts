import { predictInClassSpace } from '../core/class-space.js';
import { ModeldebugError } from '../core/errors.js';
import type { FittedClassifier } from '../core/estimator.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { createRng } from '../core/rng.js';
import { getScorer, type Scorer } from '../metrics/index.js';

export interface PermutationImportanceOptions {
  /** Shuffles per feature; default 5. */
  readonly nRepeats?: number;
  /** An sklearn scorer name; default accuracy. */
  readonly scoring?: string;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  readonly onFeatureDone?: (done: number, total: number) => void;
}

export interface PermutationImportanceResult {
  readonly scoring: string;
  /** The score on the unshuffled held-out rows. */
  readonly baseline: number;
  readonly featureNames: readonly string[];
  /** Per feature: baseline − score with that feature shuffled, averaged over repeats. */
  readonly mean: Float64Array;
  /** Population std over repeats (sklearn's `importances_std`). */
  readonly std: Float64Array;
  /** `[feature][repeat]` (sklearn's `importances`). */
  readonly importances: readonly Float64Array[];
}

/**
 * sklearn's permutation_importance on held-out rows: how much the score drops when one column's values
 * are shuffled across rows, breaking its link to the label while keeping its distribution. As in
 * sklearn every feature is shuffled with the same sequence of permutations (one seed), so features are
 * compared under identical draws. Works for any fitted classifier, a pipeline on its raw input columns.
 */
export async function permutationImportance(
  model: FittedClassifier,
  X: Features,
  y: Labels,
  options: PermutationImportanceOptions = {},
): Promise<PermutationImportanceResult> {
  const nRepeats = options.nRepeats ?? 5;
  if (!Number.isInteger(nRepeats) || nRepeats < 1) {
    throw new ModeldebugError('invalid_argument', `n_repeats must be a whole number >= 1, got ${nRepeats}`, {
      hint: 'use --repeats 5',
    });
  }
  if (X.rows !== y.codes.length) {
    throw new ModeldebugError('shape_mismatch', `X has ${X.rows} rows but y has ${y.codes.length} labels`);
  }
  const scorer = getScorer(options.scoring ?? 'accuracy');
  const score = (features: Features) => scoreOn(scorer, model, features, y);
  const baseline = await score(X);

  // One working copy; each feature's column is overwritten per repeat and restored afterwards.
  const data = Float64Array.from(X.data);
  const shuffled: Features = { ...X, data };
  const order = new Int32Array(X.rows);
  const saved = new Float64Array(X.rows);
  const importances: Float64Array[] = [];
  for (let j = 0; j < X.cols; j++) {
    options.signal?.throwIfAborted();
    const rng = createRng(options.seed ?? 0);
    for (let i = 0; i < X.rows; i++) saved[i] = X.data[i * X.cols + j];
    const drops = new Float64Array(nRepeats);
    for (let r = 0; r < nRepeats; r++) {
      for (let i = 0; i < X.rows; i++) order[i] = i;
      rng.shuffle(order);
      for (let i = 0; i < X.rows; i++) data[i * X.cols + j] = saved[order[i]];
      drops[r] = baseline - (await score(shuffled));
    }
    for (let i = 0; i < X.rows; i++) data[i * X.cols + j] = saved[i];
    importances.push(drops);
    options.onFeatureDone?.(j + 1, X.cols);
  }
  const mean = Float64Array.from(importances, (drops) => drops.reduce((a, b) => a + b, 0) / nRepeats);
  const std = Float64Array.from(importances, (drops, j) =>
    Math.sqrt(drops.reduce((a, b) => a + (b - mean[j]) ** 2, 0) / nRepeats),
  );
  return {
    scoring: scorer.name,
    baseline,
    featureNames: X.columns.map((column) => column.name),
    mean,
    std,
    importances,
  };
}

/** Probabilities are computed only for scorers that read them: a predict is half the work per repeat. */
async function scoreOn(scorer: Scorer, model: FittedClassifier, X: Features, y: Labels): Promise<number> {
  if (scorer.needsProba) {
    const { predicted, proba } = await predictInClassSpace(model, X, y.classes);
    return scorer.score(y.codes, predicted, proba, y.classes.length);
  }
  const own = await model.predict(X);
  const codeOf = model.classes.map((name) => y.classes.indexOf(name));
  if (codeOf.includes(-1)) {
    const unknown = model.classes.find((_, k) => codeOf[k] === -1);
    throw new ModeldebugError(
      'unknown_label',
      `the model predicts class "${unknown}", which is not among ${y.classes.join(', ')}`,
    );
  }
  const predicted = Int32Array.from(own, (k) => codeOf[k]);
  return scorer.score(y.codes, predicted, undefined, y.classes.length);
}
