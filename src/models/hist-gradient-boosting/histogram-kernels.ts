/**
 * histogram[(offsets[f] + bin)·3 + {0,1,2}] += (g[r], h[r], 1) for the node's rows indices[start + r]
 * (r < count), features [fromFeature, toFeature) one at a time, as sklearn builds them: one feature's
 * histogram stays in L1 cache while its bins are read. `g` and `h` are the node's gradients and
 * hessians already in its row order. A feature's sums run in row order whichever thread builds it, so
 * the histogram is the same for any number of threads.
 */
export function fillHistogramFeatures(
  binned: Uint8Array,
  rows: number,
  offsets: Int32Array,
  indices: Int32Array,
  start: number,
  count: number,
  g: Float64Array,
  h: Float64Array,
  histogram: Float64Array,
  fromFeature: number,
  toFeature: number,
): void {
  for (let f = fromFeature; f < toFeature; f++) {
    const column = f * rows;
    const base = offsets[f] * 3;
    for (let r = 0; r < count; r++) {
      const slot = base + 3 * binned[column + indices[start + r]];
      histogram[slot] += g[r];
      histogram[slot + 1] += h[r];
      histogram[slot + 2] += 1;
    }
  }
}

/** Features [from, to) of part `part` of `parts`: contiguous, as even as whole features allow. */
export function featureRange(features: number, part: number, parts: number): { from: number; to: number } {
  return {
    from: Math.floor((features * part) / parts),
    to: Math.floor((features * (part + 1)) / parts),
  };
}
