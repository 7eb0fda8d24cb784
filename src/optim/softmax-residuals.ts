/**
 * Largest relative score whose exp softmaxResiduals3 takes unshifted: a row's sum of exps then stays
 * below 3·e^300 < 6e130, far from overflow.
 */
const SHIFT_ABOVE = 300;

/**
 * In place over a block of `m` rows of K − 1 relative scores (the last class's is an implicit 0):
 * scores ← residuals s_i·(p_ik − [y_i = k]) of the first K − 1 classes, p_i = softmax(scores_i, 0);
 * adds Σ_b residuals of every class to interceptGrad and returns Σ_b s_i·(lse_i − z_{i,y_i}).
 * Classes go in long loops over the block (one per class), not K-long loops per row.
 */
export function softmaxResiduals(
  scores: Float64Array,
  m: number,
  K: number,
  codes: Int32Array,
  sampleWeights: Float64Array,
  i0: number,
  interceptGrad: Float64Array,
  rowMax: Float64Array,
  rowSum: Float64Array,
): number {
  const K1 = K - 1;
  let loss = 0;
  rowMax.fill(0, 0, m);
  for (let k = 0; k < K1; k++) {
    for (let b = 0, t = k; b < m; b++, t += K1) if (scores[t] > rowMax[b]) rowMax[b] = scores[t];
  }
  for (let b = 0, t = 0; b < m; b++, t += K1) {
    const y = codes[i0 + b];
    loss -= sampleWeights[i0 + b] * ((y < K1 ? scores[t + y] : 0) - rowMax[b]);
  }
  rowSum.fill(0, 0, m);
  for (let k = 0; k < K1; k++) {
    for (let b = 0, t = k; b < m; b++, t += K1) {
      const e = Math.exp(scores[t] - rowMax[b]);
      scores[t] = e;
      rowSum[b] += e;
    }
  }
  // The last class's exp, kept in rowMax (the max is no longer needed).
  for (let b = 0; b < m; b++) {
    const e = Math.exp(-rowMax[b]);
    rowMax[b] = e;
    rowSum[b] += e;
  }
  for (let b = 0; b < m; b++) {
    const weight = sampleWeights[i0 + b];
    loss += weight * Math.log(rowSum[b]);
    rowSum[b] = weight / rowSum[b];
  }
  for (let k = 0; k < K1; k++) {
    let sum = 0;
    for (let b = 0, t = k; b < m; b++, t += K1) {
      const r = scores[t] * rowSum[b];
      scores[t] = r;
      sum += r;
    }
    interceptGrad[k] += sum;
  }
  let lastSum = 0;
  for (let b = 0; b < m; b++) lastSum += rowMax[b] * rowSum[b];
  interceptGrad[K1] += lastSum;
  for (let b = 0; b < m; b++) {
    const weight = sampleWeights[i0 + b];
    const y = codes[i0 + b];
    if (y < K1) scores[b * K1 + y] -= weight;
    interceptGrad[y] -= weight;
  }
  return loss;
}

/**
 * softmaxResiduals for K = 3 (two relative scores per row, the third 0), row by row in locals: with K a
 * run-time value V8 cannot unroll the per-class loops, and at K = 3 their overhead exceeded the
 * arithmetic. Relative scores need no max shift unless one exceeds SHIFT_ABOVE: the implicit third
 * score is 0, so the sum of exps is ≥ 1 and only an overflow is to fear. Without the shift, and with
 * the label's entries picked through `pick` (3 entries of scratch) rather than by comparisons on y
 * (random per row, so mispredicted branches), the loop has no data-dependent branch.
 */
export function softmaxResiduals3(
  scores: Float64Array,
  m: number,
  codes: Int32Array,
  sampleWeights: Float64Array,
  i0: number,
  interceptGrad: Float64Array,
  pick: Float64Array,
): number {
  let loss = 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  // Σ_b s_b·log(sum_b) as s·log(Π sum_b) over runs of rows of equal weight s: one log per run instead
  // of one per row when the weights are uniform. Each sum is ≥ 1 and < 6e130, so a product kept
  // ≤ 1e150 before each factor cannot overflow; its rounding (≤ 1 ulp per factor) is no larger than
  // that of summing the logs.
  let runWeight = 0;
  let product = 1;
  for (let b = 0, t = 0; b < m; b++, t += 2) {
    const s0 = scores[t];
    const s1 = scores[t + 1];
    // exp(s0 − shift)… with shift = 0 in the common case; exact either way (softmax is shift-invariant).
    const shift = s0 > SHIFT_ABOVE || s1 > SHIFT_ABOVE ? Math.max(s0, s1) : 0;
    const e0 = Math.exp(s0 - shift);
    const e1 = Math.exp(s1 - shift);
    const e2 = shift === 0 ? 1 : Math.exp(-shift);
    const sum = e0 + e1 + e2;
    const y = codes[i0 + b];
    const weight = sampleWeights[i0 + b];
    pick[0] = s0;
    pick[1] = s1;
    pick[2] = 0;
    if (weight !== runWeight || product > 1e150) {
      loss += runWeight * Math.log(product);
      runWeight = weight;
      product = 1;
    }
    product *= sum;
    loss += weight * (shift - pick[y]);
    const scale = weight / sum;
    pick[0] = e0 * scale;
    pick[1] = e1 * scale;
    pick[2] = e2 * scale;
    pick[y] -= weight;
    const r0 = pick[0];
    const r1 = pick[1];
    scores[t] = r0;
    scores[t + 1] = r1;
    g0 += r0;
    g1 += r1;
    g2 += pick[2];
  }
  interceptGrad[0] += g0;
  interceptGrad[1] += g1;
  interceptGrad[2] += g2;
  return loss + runWeight * Math.log(product);
}
