/**
 * Products with a CSR matrix (`indptr`, `indices`, `data`; see core/csr-matrix.ts). Each walks the
 * stored entries once in memory order; absent entries cost nothing.
 */

/** out_i = Σ_k data_k·w[indices_k] over row i's entries (+ `bias`), i.e. out = X·w + bias. */
export function csrMultiplyRows(
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  rows: number,
  w: Float64Array,
  out: Float64Array,
  bias = 0,
): void {
  for (let i = 0; i < rows; i++) {
    let sum = bias;
    for (let k = indptr[i]; k < indptr[i + 1]; k++) sum += data[k] * w[indices[k]];
    out[i] = sum;
  }
}

/** out = Xᵀ·r over `cols` entries (out_j = Σ_i X_ij·r_i), as a sum of scaled rows. Overwrites `out`. */
export function csrMultiplyTransposed(
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  rows: number,
  cols: number,
  r: Float64Array,
  out: Float64Array,
): void {
  out.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const ri = r[i];
    if (ri === 0) continue;
    for (let k = indptr[i]; k < indptr[i + 1]; k++) out[indices[k]] += ri * data[k];
  }
}

/**
 * Scores of rows i0 .. i0+m for `k` coefficient rows: out[b·k + c] = x_{i0+b}·W_c + bias[c], with W
 * row-major of `stride` per class (the sparse twin of row-blocks' scoreBlock).
 */
export function csrScoreBlock(
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  i0: number,
  m: number,
  W: Float64Array,
  stride: number,
  k: number,
  bias: Float64Array,
  out: Float64Array,
): void {
  for (let b = 0; b < m; b++) {
    const o = b * k;
    for (let c = 0; c < k; c++) out[o + c] = bias[c];
    const end = indptr[i0 + b + 1];
    for (let t = indptr[i0 + b]; t < end; t++) {
      const j = indices[t];
      const v = data[t];
      for (let c = 0; c < k; c++) out[o + c] += v * W[c * stride + j];
    }
  }
}

/**
 * Adds the block's gradient share: grad[c·stride + j] += Σ_b residuals[b·k + c]·X_{i0+b, j} for the
 * block's stored entries (the sparse twin of row-blocks' gradientBlock; `grad` is not cleared).
 */
export function csrGradientBlock(
  residuals: Float64Array,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  i0: number,
  m: number,
  grad: Float64Array,
  stride: number,
): void {
  for (let b = 0; b < m; b++) {
    const o = b * k;
    const end = indptr[i0 + b + 1];
    for (let t = indptr[i0 + b]; t < end; t++) {
      const j = indices[t];
      const v = data[t];
      for (let c = 0; c < k; c++) grad[c * stride + j] += v * residuals[o + c];
    }
  }
}
