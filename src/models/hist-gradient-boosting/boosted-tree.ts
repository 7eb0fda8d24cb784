/**
 * One regression tree of a gradient-boosting model, as a struct of arrays: node k is internal when
 * `left[k] >= 0`, and a row goes left when x[feature[k]] <= threshold[k] (equivalently, its bin <=
 * binThreshold[k]), or, when x is missing (NaN), when missingLeft[k] is 1. `value[k]` is a leaf's
 * contribution to the raw score, learning rate included.
 */
export interface BoostedTree {
  readonly nodeCount: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly binThreshold: Uint8Array;
  readonly missingLeft: Uint8Array;
  readonly value: Float64Array;
}

/** raw[i * K + k] += the tree's value for row i of row-major X. */
export function addTreeScores(
  tree: BoostedTree,
  X: Float64Array,
  rows: number,
  d: number,
  raw: Float64Array,
  K: number,
  k: number,
): void {
  const { left, right, feature, threshold, missingLeft, value } = tree;
  for (let i = 0; i < rows; i++) {
    let node = 0;
    while (left[node] >= 0) {
      const x = X[i * d + feature[node]];
      const goesLeft = x <= threshold[node] || (missingLeft[node] === 1 && Number.isNaN(x));
      node = goesLeft ? left[node] : right[node];
    }
    raw[i * K + k] += value[node];
  }
}

/**
 * The same on binned rows (what training uses for its validation rows): feature f's missing values
 * have bin missingBins[f].
 */
export function addTreeScoresBinned(
  tree: BoostedTree,
  binned: Uint8Array,
  missingBins: Uint8Array,
  rows: number,
  d: number,
  raw: Float64Array,
  K: number,
  k: number,
): void {
  const { left, right, feature, binThreshold, missingLeft, value } = tree;
  for (let i = 0; i < rows; i++) {
    let node = 0;
    while (left[node] >= 0) {
      const f = feature[node];
      const bin = binned[i * d + f];
      const goesLeft = bin === missingBins[f] ? missingLeft[node] === 1 : bin <= binThreshold[node];
      node = goesLeft ? left[node] : right[node];
    }
    raw[i * K + k] += value[node];
  }
}
