/**
 * histogram[(offsets[f] + bin)·3 + {0,1,2}] += (g[r], h[r], 1) for the node's rows indices[start + r]
 * (r < count), features [fromFeature, toFeature) four at a time: one pass over the rows loads each
 * row's index, gradient and hessian once for four features, whose histograms (a few KB each) stay in
 * L1 cache together, as sklearn keeps one feature's. `g` and `h` are the node's gradients and
 * hessians already in its row order. Every slot still sums its rows in row order, whichever thread
 * builds it and however the features are grouped, so the histogram is the same bit for bit.
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
  let f = fromFeature;
  for (; f + 4 <= toFeature; f += 4) {
    const column0 = f * rows;
    const column1 = column0 + rows;
    const column2 = column1 + rows;
    const column3 = column2 + rows;
    const base0 = offsets[f] * 3;
    const base1 = offsets[f + 1] * 3;
    const base2 = offsets[f + 2] * 3;
    const base3 = offsets[f + 3] * 3;
    for (let r = 0; r < count; r++) {
      const row = indices[start + r];
      const gr = g[r];
      const hr = h[r];
      const slot0 = base0 + 3 * binned[column0 + row];
      histogram[slot0] += gr;
      histogram[slot0 + 1] += hr;
      histogram[slot0 + 2] += 1;
      const slot1 = base1 + 3 * binned[column1 + row];
      histogram[slot1] += gr;
      histogram[slot1 + 1] += hr;
      histogram[slot1 + 2] += 1;
      const slot2 = base2 + 3 * binned[column2 + row];
      histogram[slot2] += gr;
      histogram[slot2 + 1] += hr;
      histogram[slot2 + 2] += 1;
      const slot3 = base3 + 3 * binned[column3 + row];
      histogram[slot3] += gr;
      histogram[slot3 + 1] += hr;
      histogram[slot3 + 2] += 1;
    }
  }
  for (; f < toFeature; f++) {
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

/**
 * The root's histogram over features [fromFeature, toFeature): every row, in row order, so no index
 * to read and g, h are the gradients as they are. Only Σg and Σh: the counts of the root are the same
 * in every tree (all training rows), so they come from `rootCounts` (binCounts), a third fewer writes
 * on the pass that takes half of all histogram work.
 */
export function fillRootHistogramFeatures(
  binned: Uint8Array,
  rows: number,
  offsets: Int32Array,
  rootCounts: Float64Array,
  g: Float64Array,
  h: Float64Array,
  histogram: Float64Array,
  fromFeature: number,
  toFeature: number,
): void {
  let f = fromFeature;
  for (; f + 4 <= toFeature; f += 4) {
    const column0 = f * rows;
    const column1 = column0 + rows;
    const column2 = column1 + rows;
    const column3 = column2 + rows;
    const base0 = offsets[f] * 3;
    const base1 = offsets[f + 1] * 3;
    const base2 = offsets[f + 2] * 3;
    const base3 = offsets[f + 3] * 3;
    for (let row = 0; row < rows; row++) {
      const gr = g[row];
      const hr = h[row];
      const slot0 = base0 + 3 * binned[column0 + row];
      histogram[slot0] += gr;
      histogram[slot0 + 1] += hr;
      const slot1 = base1 + 3 * binned[column1 + row];
      histogram[slot1] += gr;
      histogram[slot1 + 1] += hr;
      const slot2 = base2 + 3 * binned[column2 + row];
      histogram[slot2] += gr;
      histogram[slot2 + 1] += hr;
      const slot3 = base3 + 3 * binned[column3 + row];
      histogram[slot3] += gr;
      histogram[slot3 + 1] += hr;
    }
  }
  for (; f < toFeature; f++) {
    const column = f * rows;
    const base = offsets[f] * 3;
    for (let row = 0; row < rows; row++) {
      const slot = base + 3 * binned[column + row];
      histogram[slot] += g[row];
      histogram[slot + 1] += h[row];
    }
  }
  for (let slot = offsets[fromFeature]; slot < offsets[toFeature]; slot++)
    histogram[3 * slot + 2] = rootCounts[slot];
}

/** Rows per histogram slot (offsets[f] + bin) over all rows, features [fromFeature, toFeature). */
export function binCounts(
  binned: Uint8Array,
  rows: number,
  offsets: Int32Array,
  counts: Float64Array,
  fromFeature: number,
  toFeature: number,
): void {
  for (let f = fromFeature; f < toFeature; f++) {
    const column = f * rows;
    const base = offsets[f];
    for (let row = 0; row < rows; row++) counts[base + binned[column + row]] += 1;
  }
}

/** parent −= child over features [fromFeature, toFeature): the parent's histogram becomes the sibling's. */
export function subtractHistogramFeatures(
  parent: Float64Array,
  child: Float64Array,
  offsets: Int32Array,
  fromFeature: number,
  toFeature: number,
): void {
  const end = offsets[toFeature] * 3;
  for (let b = offsets[fromFeature] * 3; b < end; b++) parent[b] -= child[b];
}
