import { ModeldebugError } from '../core/errors.js';
import { takeFeatureColumns } from '../core/features.js';
import { encodeLabels, sortLabelValues } from '../core/labels.js';
import type { Dataset } from './dataset.js';

/**
 * Puts a separate test file into the training file's terms: its columns reordered to the training order
 * (by name), and both label sets re-coded over the union of their classes, so that a class seen only in
 * one file still gets its row in the metrics.
 */
export function alignTestSet(train: Dataset, test: Dataset): { train: Dataset; test: Dataset } {
  const testIndex = new Map(test.features.columns.map((column, j) => [column.name, j]));
  const missing = train.features.columns
    .filter((column) => !testIndex.has(column.name))
    .map((column) => column.name);
  if (missing.length > 0) {
    throw new ModeldebugError(
      'missing_column',
      `the test file lacks training column(s) ${missing.join(', ')}`,
      {
        where: test.source,
        hint: 'give a test file with the same columns as the training file',
      },
    );
  }
  const order = train.features.columns.map((column) => testIndex.get(column.name)!);
  const mismatched = train.features.columns.find(
    (column, j) => test.features.columns[order[j]].kind !== column.kind,
  );
  if (mismatched) {
    const testKind = test.features.columns[testIndex.get(mismatched.name)!].kind;
    throw new ModeldebugError(
      'non_numeric_feature',
      `column "${mismatched.name}" is ${mismatched.kind} in training but ${testKind} in the test file`,
      {
        where: test.source,
        hint: 'make the column hold the same kind of values in both files',
      },
    );
  }
  const classes = sortLabelValues([...train.labels.classes, ...test.labels.classes]);
  const recode = (dataset: Dataset) =>
    encodeLabels(
      Array.from(dataset.labels.codes, (code) => dataset.labels.classes[code]),
      classes,
    );
  return {
    train: { ...train, labels: recode(train) },
    test: { ...test, features: takeFeatureColumns(test.features, order), labels: recode(test) },
  };
}
