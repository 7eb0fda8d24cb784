import { describe, expect, it } from 'vitest';
import { kFold, stratifiedKFold, trainTestSplit } from '../../src/splits/index.js';
import { loadBundledDatasets } from '../helpers/datasets.js';
import { loadReference } from '../helpers/fixtures.js';

interface SplitFixture {
  splitter: { class: 'StratifiedKFold' | 'KFold'; n_splits: number };
  folds: { test_indices: number[]; n_train: number }[];
}
interface ModelSelection {
  cases: { id: string; dataset: { file: string; label_column: string }; splits: SplitFixture[] }[];
}

const reference = loadReference<ModelSelection>('model_selection');
const datasets = await loadBundledDatasets(reference.cases.map((c) => c.dataset));

describe.each(reference.cases)('fold assignment as sklearn: $id', ({ dataset, splits }) => {
  const { labels } = datasets.get(dataset.file)!;
  it.each(splits.map((split) => [split.splitter.class, split] as const))('%s', (_, split) => {
    const folds =
      split.splitter.class === 'KFold'
        ? kFold(labels.codes.length, split.splitter.n_splits)
        : stratifiedKFold(labels.codes, split.splitter.n_splits).folds;
    expect(folds.map((fold) => Array.from(fold.test))).toEqual(split.folds.map((fold) => fold.test_indices));
    folds.forEach((fold, f) => {
      expect(fold.train.length).toBe(split.folds[f].n_train);
      expect(new Set([...fold.train, ...fold.test]).size).toBe(labels.codes.length);
    });
  });
});

describe('stratifiedKFold', () => {
  it('numbers classes by first appearance, so the label coding does not change the folds', () => {
    const y = Int32Array.from([2, 2, 0, 1, 0, 2, 1, 1, 0, 2, 0, 1]);
    const relabelled = y.map((code) => (code + 1) % 3);
    const a = stratifiedKFold(y, 3).folds.map((fold) => Array.from(fold.test));
    const b = stratifiedKFold(relabelled, 3).folds.map((fold) => Array.from(fold.test));
    expect(a).toEqual(b);
  });

  it('warns when a class has fewer members than folds and fails when every class has', () => {
    const y = Int32Array.from([0, 0, 0, 0, 0, 1, 1]);
    expect(stratifiedKFold(y, 3).warnings.map((warning) => warning.code)).toEqual(['too_few_per_class']);
    expect(() => stratifiedKFold(Int32Array.from([0, 0, 1, 1]), 3)).toThrow(/cannot be greater/);
  });

  it('shuffles reproducibly per seed and keeps every class spread over the folds', () => {
    const y = Int32Array.from({ length: 60 }, (_, i) => i % 3);
    const first = stratifiedKFold(y, 5, { shuffle: true, seed: 7 }).folds.map((fold) =>
      Array.from(fold.test),
    );
    const again = stratifiedKFold(y, 5, { shuffle: true, seed: 7 }).folds.map((fold) =>
      Array.from(fold.test),
    );
    const other = stratifiedKFold(y, 5, { shuffle: true, seed: 8 }).folds.map((fold) =>
      Array.from(fold.test),
    );
    expect(first).toEqual(again);
    expect(first).not.toEqual(other);
    for (const test of first)
      expect(test.map((row) => y[row]).sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });
});

describe('trainTestSplit', () => {
  it('takes ceil(test_size * n) rows and keeps class proportions when stratified', () => {
    const y = Int32Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1));
    const { train, test } = trainTestSplit(100, { testSize: 0.25, seed: 1, stratify: y });
    expect(test.length).toBe(25);
    expect(train.length).toBe(75);
    const positives = Array.from(test).filter((row) => y[row] === 1).length;
    expect(positives).toBeGreaterThanOrEqual(7);
    expect(positives).toBeLessThanOrEqual(8);
    expect(new Set([...train, ...test]).size).toBe(100);
  });

  it('rejects a test size that leaves nothing to train on', () => {
    expect(() => trainTestSplit(10, { testSize: 1.5 })).toThrow(/leaves no rows/);
    expect(() => trainTestSplit(10, { testSize: 10 })).toThrow(/leaves no rows/);
    expect(trainTestSplit(10, { testSize: 3 }).test.length).toBe(3);
  });
});
