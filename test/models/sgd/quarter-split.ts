import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Features, numericFeatures, takeFeatureRows } from '../../../src/core/features.js';
import { type Labels, takeLabelRows } from '../../../src/core/labels.js';
import type { Dataset } from '../../../src/data/index.js';

export interface ReferenceCase {
  readonly params: Record<string, unknown>;
  readonly seeds: number[];
  readonly accuracies: number[];
  readonly mean_accuracy: number;
}

export interface GradientReference {
  readonly sklearn_version: string;
  readonly datasets: Record<string, Record<string, ReferenceCase>>;
}

/** test/fixtures/gradient/reference.json, written by make_reference.py beside it. */
export function loadGradientReference(): GradientReference {
  const path = join(import.meta.dirname, '..', '..', 'fixtures', 'gradient', 'reference.json');
  return JSON.parse(readFileSync(path, 'utf8')) as GradientReference;
}

/**
 * make_reference.py's protocol: rows with index % 4 == 0 are the test set; features standardised with
 * the training rows' mean and population std (constant columns get scale 1).
 */
export function quarterSplit(dataset: Dataset): {
  train: { X: Features; y: Labels };
  test: { X: Features; y: Labels };
} {
  const { features, labels } = dataset;
  const testRows = Int32Array.from({ length: Math.ceil(features.rows / 4) }, (_, k) => 4 * k);
  const trainRows = Int32Array.from({ length: features.rows }, (_, i) => i).filter((i) => i % 4 !== 0);
  const standardise = (X: Features, mean: Float64Array, scale: Float64Array): Features => {
    const data = Float64Array.from(X.data, (v, k) => (v - mean[k % X.cols]) / scale[k % X.cols]);
    return numericFeatures(
      { rows: X.rows, cols: X.cols, data },
      X.columns.map((c) => c.name),
    );
  };
  const xTrain = takeFeatureRows(features, trainRows);
  const d = xTrain.cols;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let i = 0; i < xTrain.rows; i++)
    for (let j = 0; j < d; j++) mean[j] += xTrain.data[i * d + j] / xTrain.rows;
  for (let i = 0; i < xTrain.rows; i++)
    for (let j = 0; j < d; j++) scale[j] += (xTrain.data[i * d + j] - mean[j]) ** 2 / xTrain.rows;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  return {
    train: { X: standardise(xTrain, mean, scale), y: takeLabelRows(labels, trainRows) },
    test: {
      X: standardise(takeFeatureRows(features, testRows), mean, scale),
      y: takeLabelRows(labels, testRows),
    },
  };
}

export function accuracy(predicted: Int32Array, y: Labels): number {
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === y.codes[i]) correct++;
  return correct / predicted.length;
}
