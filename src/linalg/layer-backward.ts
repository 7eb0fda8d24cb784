/**
 * Backpropagation through a dense layer over row-major Float64Arrays, weights stored `out x in` (see
 * dense-layers.ts): 2 x 4 tiles of the input deltas in local accumulators, or scaled rows of W when the
 * layer has only a few output units.
 */

/**
 * P = D·W: P[i, j] = Σ_o D[i, o]·W[o, j], the deltas passed back to a layer's inputs (`n x inDim`,
 * overwritten), for D `n x outDim` and W `outDim x inDim`.
 */
export function layerBackward(
  D: Float64Array,
  n: number,
  outDim: number,
  W: Float64Array,
  inDim: number,
  P: Float64Array,
): void {
  if (outDim < 8) {
    // A few output units (a small softmax): sum scaled rows of W, P_i = Σ_o D_io·W_o, instead of
    // setting up a 2 x 4 tile for a loop of only `outDim` steps. Two rows of W per pass over P_i,
    // the first pass writing rather than adding: measured 1.6x over fill + one row per pass (3 units).
    for (let i = 0; i < n; i++) {
      const p0 = i * inDim;
      const d0 = i * outDim;
      let o = 0;
      if (outDim === 1) {
        const d = D[d0];
        for (let j = 0; j < inDim; j++) P[p0 + j] = d * W[j];
        continue;
      }
      for (; o + 1 < outDim; o += 2) {
        const x = D[d0 + o];
        const y = D[d0 + o + 1];
        const w0 = o * inDim;
        const w1 = w0 + inDim;
        if (o === 0) for (let j = 0; j < inDim; j++) P[p0 + j] = x * W[w0 + j] + y * W[w1 + j];
        else for (let j = 0; j < inDim; j++) P[p0 + j] += x * W[w0 + j] + y * W[w1 + j];
      }
      if (o < outDim) {
        const x = D[d0 + o];
        const w0 = o * inDim;
        for (let j = 0; j < inDim; j++) P[p0 + j] += x * W[w0 + j];
      }
    }
    return;
  }
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const d0 = i * outDim;
    const d1 = d0 + outDim;
    const p0 = i * inDim;
    const p1 = p0 + inDim;
    let j = 0;
    for (; j + 3 < inDim; j += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let o = 0; o < outDim; o++) {
        const x = D[d0 + o];
        const y = D[d1 + o];
        const w = o * inDim + j;
        const p = W[w];
        const q = W[w + 1];
        const r = W[w + 2];
        const s = W[w + 3];
        s00 += x * p;
        s01 += x * q;
        s02 += x * r;
        s03 += x * s;
        s10 += y * p;
        s11 += y * q;
        s12 += y * r;
        s13 += y * s;
      }
      P[p0 + j] = s00;
      P[p0 + j + 1] = s01;
      P[p0 + j + 2] = s02;
      P[p0 + j + 3] = s03;
      P[p1 + j] = s10;
      P[p1 + j + 1] = s11;
      P[p1 + j + 2] = s12;
      P[p1 + j + 3] = s13;
    }
    for (; j < inDim; j++) {
      let s0 = 0;
      let s1 = 0;
      for (let o = 0; o < outDim; o++) {
        const w = W[o * inDim + j];
        s0 += D[d0 + o] * w;
        s1 += D[d1 + o] * w;
      }
      P[p0 + j] = s0;
      P[p1 + j] = s1;
    }
  }
  for (; i < n; i++) {
    for (let j = 0; j < inDim; j++) {
      let s = 0;
      for (let o = 0; o < outDim; o++) s += D[i * outDim + o] * W[o * inDim + j];
      P[i * inDim + j] = s;
    }
  }
}
