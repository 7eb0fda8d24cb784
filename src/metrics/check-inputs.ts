import { ModeldebugError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';

/** Throws unless every code is an integer in [0, nLabels). */
export function checkCodes(codes: Int32Array, nLabels: number, name: string): void {
  if (!Number.isInteger(nLabels) || nLabels < 1) {
    throw new ModeldebugError('invalid_argument', `nLabels must be a positive integer, got ${nLabels}`);
  }
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code < 0 || code >= nLabels) {
      throw new ModeldebugError('unknown_label', `${name}[${i}] is code ${code}, outside [0, ${nLabels})`, {
        hint: 'pass nLabels as the length of the full class list',
      });
    }
  }
}

export function checkSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, names: string): void {
  if (a.length !== b.length) {
    throw new ModeldebugError(
      'shape_mismatch',
      `${names} have different lengths (${a.length} and ${b.length})`,
    );
  }
}

export function checkCodePair(yTrue: Int32Array, yPred: Int32Array, nLabels: number): void {
  checkSameLength(yTrue, yPred, 'yTrue and yPred');
  checkCodes(yTrue, nLabels, 'yTrue');
  checkCodes(yPred, nLabels, 'yPred');
}

export function checkProbaRows(yTrue: Int32Array, scores: Matrix | Float64Array): void {
  const rows = scores instanceof Float64Array ? scores.length : scores.rows;
  if (rows !== yTrue.length) {
    throw new ModeldebugError('shape_mismatch', `yTrue has ${yTrue.length} rows but the scores have ${rows}`);
  }
}

/**
 * sklearn's `labels=`: which codes to report on and in what order. Default: every code in
 * [0, nLabels), so a class with no true and no predicted row still appears.
 */
export function resolveLabels(labels: ArrayLike<number> | undefined, nLabels: number): Int32Array {
  if (labels === undefined) return Int32Array.from({ length: nLabels }, (_, k) => k);
  if (labels.length === 0) {
    throw new ModeldebugError('invalid_argument', "'labels' should contains at least one label.");
  }
  const seen = new Uint8Array(nLabels);
  const out = Int32Array.from(labels);
  for (const code of out) {
    if (code < 0 || code >= nLabels) {
      throw new ModeldebugError('unknown_label', `label code ${code} is outside [0, ${nLabels})`);
    }
    if (seen[code]) throw new ModeldebugError('invalid_argument', `label code ${code} is listed twice`);
    seen[code] = 1;
  }
  return out;
}

/** The codes that occur in yTrue or yPred, ascending: sklearn's `unique_labels` for coded labels. */
export function presentLabels(yTrue: Int32Array, yPred: Int32Array | undefined, nLabels: number): Int32Array {
  const seen = new Uint8Array(nLabels);
  for (const code of yTrue) seen[code] = 1;
  if (yPred) for (const code of yPred) seen[code] = 1;
  const out: number[] = [];
  for (let k = 0; k < nLabels; k++) if (seen[k]) out.push(k);
  return Int32Array.from(out);
}

/** Per-code row counts (`np.bincount` with `minlength`). */
export function countCodes(codes: Int32Array, nLabels: number): Float64Array {
  const counts = new Float64Array(nLabels);
  for (const code of codes) counts[code]++;
  return counts;
}
