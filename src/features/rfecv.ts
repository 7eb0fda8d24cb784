import { predictInClassSpace } from '../core/class-space.js';
import type { Classifier, FitWarning } from '../core/estimator.js';
import { type Features, takeFeatureColumns, takeFeatureRows } from '../core/features.js';
import { type Labels, takeLabelRows } from '../core/labels.js';
import { getScorer } from '../metrics/index.js';
import type { Fold } from '../splits/fold.js';
import { stratifiedKFold } from '../splits/stratified-k-fold.js';
import { type RfeResult, recursiveFeatureElimination, resolveStep } from './rfe.js';

export interface RfecvOptions {
  readonly step?: number;
  readonly minFeaturesToSelect?: number;
  /** A fold count (stratified, no shuffle unless asked) or explicit folds; default 5. */
  readonly cv?: number | readonly Fold[];
  readonly shuffle?: boolean;
  readonly seed?: number;
  /** An sklearn scorer name; default accuracy (what `estimator.score` is for a classifier). */
  readonly scoring?: string;
  readonly signal?: AbortSignal;
  readonly onFoldDone?: (done: number, total: number) => void;
}

export interface RfecvResult {
  /** Feature counts scored, ascending (sklearn's `cv_results_` order). */
  readonly featureCounts: Int32Array;
  /** `[fold][count]`, counts ascending. */
  readonly foldScores: readonly Float64Array[];
  readonly meanScores: Float64Array;
  /** Population std over folds, as sklearn's `std_test_score`. */
  readonly stdScores: Float64Array;
  readonly scoring: string;
  /** The chosen count, then the RFE refitted on all rows down to it. */
  readonly nFeatures: number;
  readonly rfe: RfeResult;
  readonly warnings: readonly FitWarning[];
}

/**
 * sklearn's RFECV: every training fold runs its own RFE down to `minFeaturesToSelect`, scoring each
 * elimination step on its test fold; the count whose SUM of fold scores is largest wins, ties going to
 * the fewest features; a final RFE on all rows selects that many.
 */
export async function recursiveFeatureEliminationCV(
  estimator: Classifier,
  X: Features,
  y: Labels,
  options: RfecvOptions = {},
): Promise<RfecvResult> {
  const minFeatures = options.minFeaturesToSelect ?? 1;
  const step = resolveStep(options.step ?? 1, X.cols);
  const scorer = getScorer(options.scoring ?? 'accuracy');
  const { folds, warnings } =
    typeof options.cv === 'object'
      ? { folds: options.cv, warnings: [] }
      : stratifiedKFold(y.codes, options.cv ?? 5, { shuffle: options.shuffle, seed: options.seed });

  const foldScoresDescending: number[][] = [];
  let countsDescending: number[] = [];
  options.onFoldDone?.(0, folds.length);
  for (const fold of folds) {
    const xTest = takeFeatureRows(X, fold.test);
    const yTest = takeLabelRows(y, fold.test).codes;
    const scores: number[] = [];
    const counts: number[] = [];
    await recursiveFeatureElimination(
      estimator,
      takeFeatureRows(X, fold.train),
      takeLabelRows(y, fold.train),
      {
        nFeaturesToSelect: minFeatures,
        step,
        signal: options.signal,
        onFit: async (fitted, columns) => {
          const predictions = await predictInClassSpace(
            fitted,
            takeFeatureColumns(xTest, columns),
            y.classes,
          );
          scores.push(scorer.score(yTest, predictions.predicted, predictions.proba, y.classes.length));
          counts.push(columns.length);
        },
      },
    );
    foldScoresDescending.push(scores);
    countsDescending = counts;
    options.onFoldDone?.(foldScoresDescending.length, folds.length);
  }

  const nSteps = countsDescending.length;
  // Summed in fold order, then scanned from the fewest features so that a tie keeps the fewest.
  const sums = new Float64Array(nSteps);
  for (const scores of foldScoresDescending) for (let s = 0; s < nSteps; s++) sums[s] += scores[s];
  let best = nSteps - 1;
  for (let s = nSteps - 2; s >= 0; s--) if (sums[s] > sums[best]) best = s;
  // sklearn's count: n − index·step (not the count actually scored when the last step was shorter).
  const nFeatures = Math.max(X.cols - best * step, minFeatures);

  const rfe = await recursiveFeatureElimination(estimator, X, y, {
    nFeaturesToSelect: nFeatures,
    step,
    signal: options.signal,
  });
  const foldScores = foldScoresDescending.map((scores) => Float64Array.from(scores).reverse());
  const { mean, std } = columnMeanStd(foldScores, nSteps);
  return {
    featureCounts: Int32Array.from(countsDescending).reverse(),
    foldScores,
    meanScores: mean,
    stdScores: std,
    scoring: scorer.name,
    nFeatures,
    rfe,
    warnings,
  };
}

function columnMeanStd(
  rows: readonly Float64Array[],
  width: number,
): { mean: Float64Array; std: Float64Array } {
  const mean = new Float64Array(width);
  const std = new Float64Array(width);
  for (let s = 0; s < width; s++) {
    let sum = 0;
    for (const row of rows) sum += row[s];
    mean[s] = sum / rows.length;
    let squares = 0;
    for (const row of rows) squares += (row[s] - mean[s]) ** 2;
    std[s] = Math.sqrt(squares / rows.length);
  }
  return { mean, std };
}
