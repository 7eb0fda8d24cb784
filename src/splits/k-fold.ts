import { ModeldebugError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { type Fold, foldsFromAssignment } from './fold.js';

export interface SplitOptions {
  readonly shuffle?: boolean;
  readonly seed?: number;
}

/**
 * sklearn's KFold: contiguous blocks of (optionally shuffled) row order, the first `n % k` folds one row
 * larger.
 */
export function kFold(nSamples: number, nSplits: number, options: SplitOptions = {}): Fold[] {
  checkSplitCount(nSplits, nSamples);
  const order = Int32Array.from({ length: nSamples }, (_, i) => i);
  if (options.shuffle) createRng(options.seed ?? 0).shuffle(order);
  const testFold = new Int32Array(nSamples);
  let start = 0;
  for (let f = 0; f < nSplits; f++) {
    const size = Math.floor(nSamples / nSplits) + (f < nSamples % nSplits ? 1 : 0);
    for (let k = start; k < start + size; k++) testFold[order[k]] = f;
    start += size;
  }
  return foldsFromAssignment(testFold, nSplits);
}

export function checkSplitCount(nSplits: number, nSamples: number): void {
  if (!Number.isInteger(nSplits) || nSplits < 2) {
    throw new ModeldebugError(
      'invalid_argument',
      `the number of folds must be an integer of at least 2, got ${nSplits}`,
      {
        hint: 'use --cv 5 (or any k >= 2)',
      },
    );
  }
  if (nSplits > nSamples) {
    throw new ModeldebugError('invalid_argument', `cannot make ${nSplits} folds from ${nSamples} rows`, {
      hint: `use at most ${nSamples} folds`,
    });
  }
}
