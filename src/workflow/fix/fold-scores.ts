import { predictInClassSpace } from '../../core/class-space.js';
import { type Features, takeFeatureColumns, takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { createMatrix, type Matrix, takeRows } from '../../core/matrix.js';
import { applyFeatureRepairs, type Dataset } from '../../data/index.js';
import { getScorer } from '../../metrics/index.js';
import type { ModelRuntime } from '../../models/index.js';
import type { Fold } from '../../splits/index.js';
import type { FixState } from './fix-types.js';
import { stateModel } from './state-model.js';

/** The features a state keeps: its encodings applied, then every column but the dropped ones. */
export function keptFeatures(raw: Features, state: FixState): Features {
  const features = state.repairs ? applyFeatureRepairs(raw, state.repairs) : raw;
  if (state.droppedColumns.length === 0) return features;
  const dropped = new Set(state.droppedColumns);
  const kept = features.columns.flatMap((column, j) => (dropped.has(column.name) ? [] : [j]));
  return takeFeatureColumns(features, kept);
}

export interface StateEvaluation {
  /** The metric on each fold's held-out rows. */
  readonly scores: number[];
  /** Every training row's out-of-fold probabilities (its fold's model). */
  readonly proba: Matrix;
}

/**
 * Cross-validates a state on fixed folds. Dropped rows leave the training side only: every fold is
 * scored on all of its held-out rows, so dropping the rows a model finds hard cannot flatter the score
 * — or, with `scoredRows`, on the held-out rows it marks (the first copy of each duplicated row).
 */
export async function evaluateState(
  train: Dataset,
  state: FixState,
  folds: readonly Fold[],
  metric: string,
  signal?: AbortSignal,
  scoredRows?: Uint8Array,
  runtime?: ModelRuntime,
): Promise<StateEvaluation> {
  const scorer = getScorer(metric);
  const features = keptFeatures(train.features, state);
  const dropped = new Set(state.droppedRows);
  const classes = train.labels.classes;
  const outOfFold = createMatrix(features.rows, classes.length);
  const scores: number[] = [];
  for (const fold of folds) {
    signal?.throwIfAborted();
    const trainRows = fold.train.filter((row) => !dropped.has(row));
    const fitted = await stateModel(state, runtime).fit(
      takeFeatureRows(features, trainRows),
      takeLabelRows(train.labels, trainRows),
      { signal },
    );
    const predictions = await predictInClassSpace(fitted, takeFeatureRows(features, fold.test), classes);
    const predicted = predictions.predicted;
    const scored = scoredRows
      ? Array.from(fold.test.keys()).filter((i) => scoredRows[fold.test[i]])
      : undefined;
    const yTrue = takeLabelRows(train.labels, fold.test).codes;
    scores.push(
      scored
        ? scorer.score(
            Int32Array.from(scored, (i) => yTrue[i]),
            Int32Array.from(scored, (i) => predicted[i]),
            takeRows(predictions.proba, scored),
            classes.length,
          )
        : scorer.score(yTrue, predicted, predictions.proba, classes.length),
    );
    fold.test.forEach((row, i) => {
      outOfFold.data.set(
        predictions.proba.data.subarray(i * classes.length, (i + 1) * classes.length),
        row * classes.length,
      );
    });
  }
  return { scores, proba: outOfFold };
}
