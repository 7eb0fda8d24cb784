import type { CsrMatrix } from '../../core/csr-matrix.js';
import { ModeldebugError } from '../../core/errors.js';
import { numpyArgsort } from '../numpy-argsort.js';
import { compareCodePoints } from './tokenize.js';

export interface VocabularyLimits {
  /** Keep terms in at least this many documents (sklearn's min_df after int/proportion resolution). */
  readonly minDocuments: number;
  /** Keep terms in at most this many documents. */
  readonly maxDocuments: number;
  /** Then keep only this many, the most frequent over the corpus; null keeps all. */
  readonly maxFeatures: number | null;
}

/**
 * sklearn's CountVectorizer after counting: terms sorted by code point (`_sort_features`), then pruned
 * by document frequency and max_features (`_limit_features`). Returns the kept terms in order and, per
 * learned column, its new column or −1.
 */
export function limitVocabulary(
  counts: CsrMatrix,
  learned: readonly string[],
  limits: VocabularyLimits,
): { terms: string[]; newColumn: Int32Array } {
  const n = learned.length;
  if (n === 0) {
    throw new ModeldebugError(
      'invalid_argument',
      'empty vocabulary: the documents hold no word of 2+ characters',
      {
        hint: 'check the text column, or vectorise another one',
      },
    );
  }
  const sorted = Int32Array.from(learned.keys()).sort((a, b) => compareCodePoints(learned[a], learned[b]));
  const documentFrequency = new Float64Array(n);
  const termFrequency = new Float64Array(n);
  const stored = counts.indptr[counts.rows];
  for (let t = 0; t < stored; t++) {
    documentFrequency[counts.indices[t]]++;
    termFrequency[counts.indices[t]] += counts.data[t];
  }
  const kept: number[] = [];
  for (const column of sorted) {
    const df = documentFrequency[column];
    if (df <= limits.maxDocuments && df >= limits.minDocuments) kept.push(column);
  }
  let chosen = kept;
  if (limits.maxFeatures !== null && kept.length > limits.maxFeatures) {
    // sklearn: mask_inds = (-tfs[mask]).argsort()[:limit], kept in sorted-term order.
    const order = numpyArgsort(kept.map((column) => -termFrequency[column]));
    const take = new Uint8Array(kept.length);
    for (let r = 0; r < limits.maxFeatures; r++) take[order[r]] = 1;
    chosen = kept.filter((_, r) => take[r] === 1);
  }
  if (chosen.length === 0) {
    throw new ModeldebugError('invalid_argument', 'after pruning, no terms remain', {
      hint: 'try a lower min_df or a higher max_df',
    });
  }
  const newColumn = new Int32Array(n).fill(-1);
  chosen.forEach((column, c) => {
    newColumn[column] = c;
  });
  return { terms: chosen.map((column) => learned[column]), newColumn };
}

/** The counts with columns renumbered by `newColumn` (−1 drops), each row re-sorted by column. */
export function renumberColumns(counts: CsrMatrix, newColumn: Int32Array, cols: number): CsrMatrix {
  const { rows, indptr, indices, data } = counts;
  // Bucket entries by new column (a transpose), then read the buckets back row by row: rows come out
  // with ascending columns without sorting each one.
  const columnStart = new Int32Array(cols + 1);
  for (let t = 0; t < indptr[rows]; t++) {
    const c = newColumn[indices[t]];
    if (c >= 0) columnStart[c + 1]++;
  }
  for (let c = 0; c < cols; c++) columnStart[c + 1] += columnStart[c];
  const kept = columnStart[cols];
  const rowOf = new Int32Array(kept);
  const valueAt = new Float64Array(kept);
  const next = columnStart.slice(0, cols);
  const outPtr = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    for (let t = indptr[i]; t < indptr[i + 1]; t++) {
      const c = newColumn[indices[t]];
      if (c < 0) continue;
      rowOf[next[c]] = i;
      valueAt[next[c]++] = data[t];
      outPtr[i + 1]++;
    }
  }
  for (let i = 0; i < rows; i++) outPtr[i + 1] += outPtr[i];
  const outIndices = new Int32Array(kept);
  const outData = new Float64Array(kept);
  const fill = outPtr.slice(0, rows);
  for (let c = 0; c < cols; c++) {
    for (let s = columnStart[c]; s < columnStart[c + 1]; s++) {
      const position = fill[rowOf[s]]++;
      outIndices[position] = c;
      outData[position] = valueAt[s];
    }
  }
  return { rows, cols, indptr: outPtr, indices: outIndices, data: outData };
}
