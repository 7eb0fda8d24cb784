import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import type { Dataset } from '../../data/dataset.js';
import { trainTestSplit } from '../../splits/train-test-split.js';

/** A dataset split once into train and test rows, stratified by label and seeded; `split` gives each part's rows. */
export function stratifiedHoldout(
  dataset: Dataset,
  testSize: number,
  seed: number,
): { train: Dataset; test: Dataset; split: { readonly train: Int32Array; readonly test: Int32Array } } {
  const split = trainTestSplit(dataset.features.rows, { testSize, seed, stratify: dataset.labels.codes });
  const part = (rows: Int32Array): Dataset => ({
    ...dataset,
    features: takeFeatureRows(dataset.features, rows),
    labels: takeLabelRows(dataset.labels, rows),
  });
  return { train: part(split.train), test: part(split.test), split };
}
