import { createRng } from '../core/rng.js';

/**
 * `n` of a fold's training rows for successive halving: a seeded shuffle's first `n`, sorted back to
 * ascending order. The same seed gives the same rows in every round, so a candidate promoted to more
 * rows sees a superset of what it saw before.
 */
export function subsampleRows(train: Int32Array, n: number, seed: number): Int32Array {
  if (n >= train.length) return train;
  const order = createRng(seed ^ 0x5bd1e995).shuffle(Int32Array.from(train));
  return order.subarray(0, n).sort();
}
