import type { StepSpec } from '../catalog/model-spec.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import type { Fold } from '../splits/fold.js';
import { summariseSplits } from './cv-results.js';
import { type FoldOutcome, type FoldTask, inProcessExecutor, type TaskExecutor } from './fold-task.js';

/** Train and cross-validated scores of one point of a curve (a training size or a param value). */
export interface CurvePoint {
  /** Per fold; `null` where the fit failed (sklearn's error_score=NaN, never a silent number). */
  readonly trainScores: readonly (number | null)[];
  readonly testScores: readonly (number | null)[];
  /** Null when any fold failed (sklearn's mean of a NaN). */
  readonly trainMean: number | null;
  readonly testMean: number | null;
  readonly trainStd: number | null;
  readonly testStd: number | null;
  readonly fitSeconds: number;
}

export interface CurveFailure {
  /** Index of the point (size or value) and the fold. */
  readonly point: number;
  readonly fold: number;
  readonly error: string;
}

export interface CurveRunOptions {
  readonly scoring?: string;
  readonly executor?: TaskExecutor;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One fit per (point, fold), in that order; reshaped into points. Shared by both curves. */
export async function runCurve(
  X: Features,
  y: Labels,
  folds: readonly Fold[],
  pointTask: (point: number, fold: Fold) => { steps: readonly StepSpec[]; train: Int32Array },
  nPoints: number,
  options: CurveRunOptions,
): Promise<{ points: CurvePoint[]; failures: CurveFailure[] }> {
  const executor = options.executor ?? inProcessExecutor({ features: X, labels: y }, options.signal);
  const tasks: FoldTask[] = [];
  for (let p = 0; p < nPoints; p++) {
    for (const fold of folds) {
      tasks.push({
        ...pointTask(p, fold),
        test: fold.test,
        scoring: options.scoring ?? 'accuracy',
        returnTrainScore: true,
      });
    }
  }
  let done = 0;
  options.onProgress?.(0, tasks.length);
  let outcomes: FoldOutcome[];
  try {
    outcomes = await executor.run(tasks, () => options.onProgress?.(++done, tasks.length));
  } finally {
    if (!options.executor) await executor.close();
  }
  const failures: CurveFailure[] = [];
  const points: CurvePoint[] = [];
  for (let p = 0; p < nPoints; p++) {
    const slice = outcomes.slice(p * folds.length, (p + 1) * folds.length);
    slice.forEach((outcome, fold) => {
      if (!outcome.ok) failures.push({ point: p, fold, error: outcome.error });
    });
    const trainScores = slice.map((outcome) => (outcome.ok ? (outcome.train ?? null) : null));
    const testScores = slice.map((outcome) => (outcome.ok ? outcome.test : null));
    const train = summariseSplits(trainScores);
    const test = summariseSplits(testScores);
    points.push({
      trainScores,
      testScores,
      trainMean: train.mean,
      testMean: test.mean,
      trainStd: train.std,
      testStd: test.std,
      fitSeconds: slice.reduce((sum, outcome) => sum + outcome.fitSeconds, 0),
    });
  }
  return { points, failures };
}
