/**
 * One regression tree of a gradient-boosting model, as a struct of arrays: node k is internal when
 * `left[k] >= 0`, and a row goes left when x[feature[k]] <= threshold[k] (equivalently, its bin <=
 * binThreshold[k]). `value[k]` is a leaf's contribution to the raw score, learning rate included.
 */
export interface BoostedTree {
  readonly nodeCount: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly binThreshold: Uint8Array;
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
  const { left, right, feature, threshold, value } = tree;
  for (let i = 0; i < rows; i++) {
    let node = 0;
    while (left[node] >= 0) node = X[i * d + feature[node]] <= threshold[node] ? left[node] : right[node];
    raw[i * K + k] += value[node];
  }
}

/** The same on binned rows (what training uses for its validation rows). */
export function addTreeScoresBinned(
  tree: BoostedTree,
  binned: Uint8Array,
  rows: number,
  d: number,
  raw: Float64Array,
  K: number,
  k: number,
): void {
  const { left, right, feature, binThreshold, value } = tree;
  for (let i = 0; i < rows; i++) {
    let node = 0;
    while (left[node] >= 0)
      node = binned[i * d + feature[node]] <= binThreshold[node] ? left[node] : right[node];
    raw[i * K + k] += value[node];
  }
}
