import type { Dataset } from '../../data/index.js';
import { type Fold, foldsFromAssignment, stratifiedKFold, trainTestSplit } from '../../splits/index.js';

/**
 * For each row, the index of the first row with the same feature values and label (itself when
 * unique). Missing cells compare equal to each other, as pandas' `duplicated()` treats NaN.
 */
export function duplicateGroups(dataset: Dataset): Int32Array {
  const { rows, cols, data } = dataset.features;
  const firstOf = new Map<string, number>();
  const group = new Int32Array(rows);
  const cells = new Array<number>(cols + 1);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) cells[j] = data[i * cols + j];
    cells[cols] = dataset.labels.codes[i];
    // JSON writes NaN as null, so two missing cells give the same key.
    const key = JSON.stringify(cells);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    group[i] = first ?? i;
  }
  return group;
}

/** The rows that repeat an earlier row exactly (every copy but the first). */
export function repeatedRows(groups: Int32Array): number[] {
  const repeated: number[] = [];
  groups.forEach((first, i) => {
    if (first !== i) repeated.push(i);
  });
  return repeated;
}

/**
 * Stratified k folds that keep every copy of a row in the same fold (sklearn's StratifiedGroupKFold in
 * spirit): the first copies are split by StratifiedKFold and each copy follows its first. Otherwise a
 * row's twin in the training folds would flatter every score and hide what dropping duplicates does.
 */
export function groupedStratifiedFolds(
  labels: Int32Array,
  groups: Int32Array,
  k: number,
  seed: number,
): Fold[] {
  const firsts = firstRows(groups);
  const { folds } = stratifiedKFold(
    Int32Array.from(firsts, (row) => labels[row]),
    k,
    { shuffle: true, seed },
  );
  const foldOfFirst = new Int32Array(groups.length);
  folds.forEach((fold, f) => {
    for (const i of fold.test) foldOfFirst[firsts[i]] = f;
  });
  return foldsFromAssignment(
    Int32Array.from(groups, (first) => foldOfFirst[first]),
    k,
  );
}

/** A stratified, seeded hold-out in which all copies of a row fall on the same side. */
export function groupedHoldout(labels: Int32Array, groups: Int32Array, testSize: number, seed: number): Fold {
  const firsts = firstRows(groups);
  const split = trainTestSplit(firsts.length, {
    testSize,
    seed,
    stratify: Int32Array.from(firsts, (row) => labels[row]),
  });
  const isTest = new Uint8Array(groups.length);
  for (const i of split.test) isTest[firsts[i]] = 1;
  const train: number[] = [];
  const test: number[] = [];
  groups.forEach((first, i) => {
    (isTest[first] ? test : train).push(i);
  });
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

function firstRows(groups: Int32Array): number[] {
  const firsts: number[] = [];
  groups.forEach((first, i) => {
    if (first === i) firsts.push(i);
  });
  return firsts;
}
