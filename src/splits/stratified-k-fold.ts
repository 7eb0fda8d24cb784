import { ModeldebugError } from '../core/errors.js';
import type { FitWarning } from '../core/estimator.js';
import { createRng } from '../core/rng.js';
import { type Fold, foldsFromAssignment } from './fold.js';
import { checkSplitCount, type SplitOptions } from './k-fold.js';

export interface StratifiedFolds {
  readonly folds: Fold[];
  readonly warnings: FitWarning[];
}

/**
 * sklearn's StratifiedKFold (>= 0.22), fold for fold: classes are numbered by first appearance; fold f
 * gets `bincount(sort(y)[f::k])` rows of each class (a round robin over the sorted labels); each class's
 * rows take their fold numbers in file order (or shuffled with `seed`).
 */
export function stratifiedKFold(y: Int32Array, nSplits: number, options: SplitOptions = {}): StratifiedFolds {
  checkSplitCount(nSplits, y.length);
  const firstSeen = new Map<number, number>();
  const encoded = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    let code = firstSeen.get(y[i]);
    if (code === undefined) {
      code = firstSeen.size;
      firstSeen.set(y[i], code);
    }
    encoded[i] = code;
  }
  const nClasses = firstSeen.size;
  const counts = new Int32Array(nClasses);
  for (const code of encoded) counts[code]++;
  const smallest = Math.min(...counts);
  if (counts.every((count) => count < nSplits)) {
    throw new ModeldebugError(
      'too_few_per_class',
      `n_splits=${nSplits} cannot be greater than the number of members in each class`,
      {
        hint: `use at most ${Math.max(...counts)} folds`,
      },
    );
  }
  const warnings: FitWarning[] = [];
  if (smallest < nSplits) {
    warnings.push({
      code: 'too_few_per_class',
      message: `The least populated class in y has only ${smallest} members, which is less than n_splits=${nSplits}.`,
    });
  }

  const sorted = Int32Array.from(encoded).sort();
  const allocation = new Int32Array(nSplits * nClasses);
  for (let i = 0; i < sorted.length; i++) allocation[(i % nSplits) * nClasses + sorted[i]]++;

  const rng = options.shuffle ? createRng(options.seed ?? 0) : undefined;
  const testFold = new Int32Array(y.length);
  for (let k = 0; k < nClasses; k++) {
    const foldsForClass = new Int32Array(counts[k]);
    let position = 0;
    for (let f = 0; f < nSplits; f++) {
      for (let c = 0; c < allocation[f * nClasses + k]; c++) foldsForClass[position++] = f;
    }
    rng?.shuffle(foldsForClass);
    position = 0;
    for (let i = 0; i < y.length; i++) if (encoded[i] === k) testFold[i] = foldsForClass[position++];
  }
  return { folds: foldsFromAssignment(testFold, nSplits), warnings };
}
