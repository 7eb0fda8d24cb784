import type { CsrMatrix } from '../../core/csr-matrix.js';

export interface TfidfWeighting {
  readonly binary: boolean;
  readonly sublinearTf: boolean;
  /** Per column; null when use_idf is false. */
  readonly idf: Float64Array | null;
  readonly norm: 'l1' | 'l2' | null;
}

/**
 * sklearn's TfidfTransformer.fit: df_j = documents holding term j; idf_j = ln((n + s)/(df_j + s)) + 1
 * with s = 1 for smooth_idf (as if one extra document held every term), else 0.
 */
export function inverseDocumentFrequency(counts: CsrMatrix, smooth: boolean): Float64Array {
  const df = new Float64Array(counts.cols);
  for (let t = 0; t < counts.indptr[counts.rows]; t++) df[counts.indices[t]]++;
  const s = smooth ? 1 : 0;
  const n = counts.rows + s;
  return df.map((documents) => Math.log(n / (documents + s)) + 1);
}

/**
 * In place over raw counts, in sklearn's order: binary → 1; sublinear tf → 1 + ln(tf); × idf_j; then each
 * row divided by its L2 norm √Σx² (or L1 norm Σ|x|), rows of zeros left as they are.
 */
export function weighCounts(matrix: CsrMatrix, weighting: TfidfWeighting): CsrMatrix {
  const { rows, indptr, indices, data } = matrix;
  const { idf, norm } = weighting;
  for (let i = 0; i < rows; i++) {
    const start = indptr[i];
    const end = indptr[i + 1];
    for (let t = start; t < end; t++) {
      let x = weighting.binary ? 1 : data[t];
      if (weighting.sublinearTf) x = Math.log(x) + 1;
      data[t] = idf === null ? x : x * idf[indices[t]];
    }
    if (norm === null) continue;
    let sum = 0;
    for (let t = start; t < end; t++) sum += norm === 'l2' ? data[t] * data[t] : Math.abs(data[t]);
    if (sum === 0) continue;
    const divisor = norm === 'l2' ? Math.sqrt(sum) : sum;
    for (let t = start; t < end; t++) data[t] /= divisor;
  }
  return matrix;
}
