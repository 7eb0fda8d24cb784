/** One train/test split: ascending row indices, as sklearn's splitters yield them. */
export interface Fold {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** Builds folds from a per-row fold number, in fold order; train is the ascending complement of test. */
export function foldsFromAssignment(testFold: Int32Array, nSplits: number): Fold[] {
  const sizes = new Int32Array(nSplits);
  for (const fold of testFold) sizes[fold]++;
  const folds: Fold[] = [];
  for (let f = 0; f < nSplits; f++) {
    const test = new Int32Array(sizes[f]);
    const train = new Int32Array(testFold.length - sizes[f]);
    let t = 0;
    let r = 0;
    for (let i = 0; i < testFold.length; i++) {
      if (testFold[i] === f) test[t++] = i;
      else train[r++] = i;
    }
    folds.push({ train, test });
  }
  return folds;
}
