/**
 * Matrix–vector products over a dense row-major matrix `X` (`rows x cols`, element (i, j) at
 * `X[i * cols + j]`). Both walk X row by row, the order it sits in memory.
 */

/** out_i = Σ_j X_ij·w_j (+ `bias`), i.e. out = X·w + bias. */
export function multiplyRows(
  X: Float64Array,
  rows: number,
  cols: number,
  w: Float64Array,
  out: Float64Array,
  bias = 0,
): void {
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    let sum = bias;
    for (let j = 0; j < cols; j++) sum += X[offset + j] * w[j];
    out[i] = sum;
  }
}

/**
 * out_j = Σ_i X_ij·r_i, i.e. out = Xᵀ·r, computed as a sum of scaled rows (out += r_i·x_i) so X is read
 * row-major instead of striding down columns. Overwrites `out`.
 */
export function multiplyTransposed(
  X: Float64Array,
  rows: number,
  cols: number,
  r: Float64Array,
  out: Float64Array,
): void {
  out.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const ri = r[i];
    if (ri === 0) continue;
    const offset = i * cols;
    for (let j = 0; j < cols; j++) out[j] += ri * X[offset + j];
  }
}

/**
 * out = X·Wᵀ for a row-major `W` of `k` rows of length `stride` (≥ cols; entry `cols` of each row is
 * added as a bias when `stride > cols`): out_ic = Σ_j X_ij·W_cj (+ W_c,cols). `out` is `rows x k`.
 */
export function multiplyRowsByRows(
  X: Float64Array,
  rows: number,
  cols: number,
  W: Float64Array,
  k: number,
  stride: number,
  out: Float64Array,
): void {
  const hasBias = stride > cols;
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let c = 0; c < k; c++) {
      const w0 = c * stride;
      let sum = hasBias ? W[w0 + cols] : 0;
      for (let j = 0; j < cols; j++) sum += X[offset + j] * W[w0 + j];
      out[i * k + c] = sum;
    }
  }
}
