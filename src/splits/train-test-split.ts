import { ModeldebugError } from '../core/errors.js';
import { createRng, type Rng } from '../core/rng.js';
import type { Fold } from './fold.js';

export interface TrainTestSplitOptions {
  /** A fraction in (0, 1) or a row count. */
  readonly testSize: number;
  readonly seed?: number;
  /** Class codes to keep the class proportions in both parts. */
  readonly stratify?: Int32Array;
}

/**
 * A seeded (stratified) train/test split. Sizes follow sklearn: `n_test = ceil(testSize * n)`; with
 * stratification each class gets its proportional share, the rounding remainder going to the classes
 * with the largest fractional parts (sklearn's `_approximate_mode`). The draw itself uses our seeded RNG,
 * so the rows chosen differ from sklearn's.
 */
export function trainTestSplit(nSamples: number, options: TrainTestSplitOptions): Fold {
  const { testSize } = options;
  const nTest =
    testSize > 0 && testSize < 1
      ? Math.ceil(testSize * nSamples)
      : Number.isInteger(testSize)
        ? testSize
        : -1;
  if (nTest <= 0 || nTest >= nSamples) {
    throw new ModeldebugError(
      'invalid_argument',
      `a test size of ${testSize} leaves no rows for training or testing`,
      {
        hint: 'use a fraction between 0 and 1 such as 0.2, or a whole number of rows',
      },
    );
  }
  const rng = createRng(options.seed ?? 0);
  const isTest = new Uint8Array(nSamples);
  if (options.stratify) {
    for (const rows of stratifiedTestRows(options.stratify, nTest, rng))
      for (const row of rows) isTest[row] = 1;
  } else {
    const order = rng.shuffle(Int32Array.from({ length: nSamples }, (_, i) => i));
    for (let k = 0; k < nTest; k++) isTest[order[k]] = 1;
  }
  const test = new Int32Array(nTest);
  const train = new Int32Array(nSamples - nTest);
  let t = 0;
  let r = 0;
  for (let i = 0; i < nSamples; i++) {
    if (isTest[i]) test[t++] = i;
    else train[r++] = i;
  }
  return { train, test };
}

function stratifiedTestRows(classes: Int32Array, nTest: number, rng: Rng): Int32Array[] {
  const nClasses = Math.max(...classes) + 1;
  const rowsByClass: number[][] = Array.from({ length: nClasses }, () => []);
  classes.forEach((code, i) => {
    rowsByClass[code].push(i);
  });
  const exact = rowsByClass.map((rows) => (rows.length * nTest) / classes.length);
  const take = exact.map(Math.floor);
  let remaining = nTest - take.reduce((a, b) => a + b, 0);
  const byFraction = exact
    .map((value, k) => ({ k, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.k - b.k);
  for (const { k } of byFraction) {
    if (remaining === 0) break;
    if (take[k] < rowsByClass[k].length) {
      take[k]++;
      remaining--;
    }
  }
  return rowsByClass.map((rows, k) => rng.shuffle(Int32Array.from(rows)).subarray(0, take[k]));
}
