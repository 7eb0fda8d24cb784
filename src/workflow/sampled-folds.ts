import type { Dataset } from '../data/index.js';
import { type Fold, stratifiedKFold } from '../splits/index.js';
import { sampledRowIndices } from './prepare-data.js';

/** Folds over a stratified sample of a dataset's rows, and how many rows that sample holds. */
export interface SampledFolds {
  readonly rows: number;
  /** Row indices into the dataset (not into the sample): the executor holding it runs them as they are. */
  readonly folds: readonly Fold[];
}

/**
 * Shuffled stratified folds over at most `maxRows` rows of `dataset` (seeded), or `folds` themselves when
 * the dataset is no bigger. A step whose fits grow with the rows reads a big file from a sample this way
 * and keeps the executor (a worker pool holds the whole dataset) and the row numbering of the dataset.
 */
export function sampledFolds(
  dataset: Dataset,
  folds: readonly Fold[],
  maxRows: number,
  cv: number,
  seed: number,
): SampledFolds {
  const kept = sampledRowIndices(dataset, maxRows, seed);
  if (kept === undefined) return { rows: dataset.features.rows, folds };
  const codes = Int32Array.from(kept, (row) => dataset.labels.codes[row]);
  const local = stratifiedKFold(codes, cv, { shuffle: true, seed }).folds;
  const toDataset = (rows: Int32Array) => Int32Array.from(rows, (row) => kept[row]);
  return {
    rows: kept.length,
    folds: local.map((fold) => ({ train: toDataset(fold.train), test: toDataset(fold.test) })),
  };
}

/** A step's `max_rows` (0 = all) under the budget's row limit for it, if any. */
export function limitedRows(maxRows: number, budgetLimit: number | undefined): number {
  if (budgetLimit === undefined) return maxRows;
  return maxRows === 0 ? budgetLimit : Math.min(maxRows, budgetLimit);
}
