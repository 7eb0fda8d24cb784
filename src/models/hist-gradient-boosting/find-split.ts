/** sklearn's min_hessian_to_split. */
export const MIN_HESSIAN = 1e-3;

/** The best cut found over a node's histogram: feature −1 when no cut satisfies the limits. */
export interface SplitChoice {
  feature: number;
  /** Non-missing bins <= bin go left. */
  bin: number;
  gain: number;
  /** Where the rows with a missing value go (their bin is the feature's last slot). */
  missingLeft: boolean;
  /** The children's sums as the scan accumulated them (sklearn gives these to the children). */
  gLeft: number;
  hLeft: number;
  gRight: number;
  hRight: number;
}

export interface SplitLimits {
  readonly l2: number;
  readonly minSamplesLeaf: number;
}

/**
 * Best cut over features [fromFeature, toFeature) of a node's histogram (Σg, Σh, count per slot;
 * feature f's non-missing bins at slots offsets[f] .. offsets[f+1] − 2, its missing bin at
 * offsets[f+1] − 1), as sklearn's SplitFinder: each feature is scanned left to right with the missing
 * rows on the right — up to the last non-missing bin when the feature has missing values (a split of
 * missing against present) — and, if it has missing values, right to left with them on the left. The
 * gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), computed as sklearn's _split_gain (loss of the node's
 * value minus the children's, values −G/(H+λ+1e-15)) so that a pure node's splits round to no gain as
 * they do there, must beat the best so far strictly (ties keep the first feature and the left-to-right
 * scan). Writes the choice into `best` when it beats `best.gain`.
 */
export function findBestSplit(
  histogram: Float64Array,
  offsets: Int32Array,
  hasMissing: Uint8Array,
  node: { readonly sumG: number; readonly sumH: number; readonly count: number },
  limits: SplitLimits,
  fromFeature: number,
  toFeature: number,
  best: SplitChoice,
): void {
  const { sumG, sumH, count } = node;
  const { l2, minSamplesLeaf } = limits;
  const lossParent = sumG * nodeValue(sumG, sumH, l2);
  for (let f = fromFeature; f < toFeature; f++) {
    const nonMissing = offsets[f + 1] - offsets[f] - 1;
    const base = offsets[f] * 3;
    let gLeft = 0;
    let hLeft = 0;
    let nLeft = 0;
    const end = nonMissing - 1 + hasMissing[f];
    for (let b = 0; b < end; b++) {
      gLeft += histogram[base + 3 * b];
      hLeft += histogram[base + 3 * b + 1];
      nLeft += histogram[base + 3 * b + 2];
      const nRight = count - nLeft;
      if (nLeft < minSamplesLeaf) continue;
      if (nRight < minSamplesLeaf) break;
      const hRight = sumH - hLeft;
      if (hLeft < MIN_HESSIAN) continue;
      if (hRight < MIN_HESSIAN) break;
      const gRight = sumG - gLeft;
      const gain = lossParent - gLeft * nodeValue(gLeft, hLeft, l2) - gRight * nodeValue(gRight, hRight, l2);
      if (gain > best.gain) {
        record(best, gain, f, b, false, gLeft, hLeft, gRight, hRight);
      }
    }
    if (hasMissing[f] === 0) continue;
    let gRight = 0;
    let hRight = 0;
    let nRight = 0;
    for (let b = nonMissing - 2; b >= 0; b--) {
      gRight += histogram[base + 3 * (b + 1)];
      hRight += histogram[base + 3 * (b + 1) + 1];
      nRight += histogram[base + 3 * (b + 1) + 2];
      const nLeftSide = count - nRight;
      if (nRight < minSamplesLeaf) continue;
      if (nLeftSide < minSamplesLeaf) break;
      const hLeftSide = sumH - hRight;
      if (hRight < MIN_HESSIAN) continue;
      if (hLeftSide < MIN_HESSIAN) break;
      const gLeftSide = sumG - gRight;
      const gain =
        lossParent - gLeftSide * nodeValue(gLeftSide, hLeftSide, l2) - gRight * nodeValue(gRight, hRight, l2);
      if (gain > best.gain) {
        record(best, gain, f, b, true, gLeftSide, hLeftSide, gRight, hRight);
      }
    }
  }
}

/** A node's (unshrunk) value, sklearn's compute_node_value: −G / (H + λ + 1e-15). */
export function nodeValue(sumG: number, sumH: number, l2: number): number {
  return -sumG / (sumH + l2 + 1e-15);
}

function record(
  best: SplitChoice,
  gain: number,
  feature: number,
  bin: number,
  missingLeft: boolean,
  gLeft: number,
  hLeft: number,
  gRight: number,
  hRight: number,
): void {
  best.gain = gain;
  best.feature = feature;
  best.bin = bin;
  best.missingLeft = missingLeft;
  best.gLeft = gLeft;
  best.hLeft = hLeft;
  best.gRight = gRight;
  best.hRight = hRight;
}
