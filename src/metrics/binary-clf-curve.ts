import { ModeldebugError } from '../core/errors.js';
import { checkSameLength } from './check-inputs.js';

/** Counts at each distinct score, from the highest score down (sklearn's `_binary_clf_curve`). */
export interface BinaryClfCurve {
  /** False positives among rows with score ≥ thresholds[i]. */
  readonly fps: Float64Array;
  /** True positives among rows with score ≥ thresholds[i]. */
  readonly tps: Float64Array;
  /** The distinct scores, decreasing. */
  readonly thresholds: Float64Array;
}

/** `isPositive[i]` is 1 for a positive row; scores must be finite. */
export function binaryClfCurve(isPositive: Uint8Array, scores: Float64Array): BinaryClfCurve {
  checkSameLength(isPositive, scores, 'labels and scores');
  for (const s of scores) {
    if (!Number.isFinite(s)) {
      throw new ModeldebugError('invalid_argument', 'Input contains NaN, infinity or a value too large.');
    }
  }
  const n = scores.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Within ties the order does not matter: only the count at the end of each tie group is kept.
  order.sort((a, b) => scores[b] - scores[a]);

  let distinct = 0;
  for (let r = 0; r < n; r++) if (r === n - 1 || scores[order[r]] !== scores[order[r + 1]]) distinct++;
  const fps = new Float64Array(distinct);
  const tps = new Float64Array(distinct);
  const thresholds = new Float64Array(distinct);
  let positives = 0;
  let out = 0;
  for (let r = 0; r < n; r++) {
    positives += isPositive[order[r]];
    if (r === n - 1 || scores[order[r]] !== scores[order[r + 1]]) {
      tps[out] = positives;
      fps[out] = r + 1 - positives;
      thresholds[out] = scores[order[r]];
      out++;
    }
  }
  return { fps, tps, thresholds };
}

/** 1 where `codes[i] === positive`. */
export function positiveMask(codes: Int32Array, positive: number): Uint8Array {
  const mask = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) mask[i] = codes[i] === positive ? 1 : 0;
  return mask;
}
