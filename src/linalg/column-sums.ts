/** Σ_i D[i, o] over `n` rows, for each o < outDim: the bias gradient. Overwrites `g`. */
export function columnSums(D: Float64Array, n: number, outDim: number, g: Float64Array): void {
  g.fill(0, 0, outDim);
  for (let i = 0; i < n; i++) {
    const d = i * outDim;
    for (let o = 0; o < outDim; o++) g[o] += D[d + o];
  }
}
