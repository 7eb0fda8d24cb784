import { gradientBlock, scoreBlock } from '../linalg/row-blocks.js';
import type { SmoothObjective } from './objective.js';

/** The data side of a (binary or multinomial) logistic objective. */
export interface LogisticData {
  /** Row-major `rows x cols` design matrix. */
  readonly X: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** Per-row loss weights, used as given (callers fold in class weights and any 1/Σweights scaling). */
  readonly sampleWeights: Float64Array;
  /**
   * 0 for no intercept; otherwise the value of an implicit constant column whose weight is the last
   * parameter (1 for an ordinary intercept, `intercept_scaling` in liblinear mode). Never materialised,
   * so X is not copied.
   */
  readonly interceptFeature: number;
}

/** 0.5·strength·Σ w_j² over the coefficients, and over the intercept too when `penalizeIntercept`. */
export interface L2Term {
  readonly strength: number;
  readonly penalizeIntercept: boolean;
}

export interface BinaryLogisticData extends LogisticData {
  /** +1 / −1 per row. */
  readonly targets: Float64Array;
}

/** Rows per block of a pass: the block's scores stay in L1 and its rows (BLOCK x cols) in L2. */
const BLOCK = 256;
/**
 * Largest relative score whose exp softmaxResiduals3 takes unshifted: a row's sum of exps then stays
 * below 3·e^300 < 6e130, far from overflow.
 */
const SHIFT_ABOVE = 300;

/** Parameters per class row: the coefficients, then the intercept weight if there is one. */
export function parametersPerRow(data: LogisticData): number {
  return data.cols + (data.interceptFeature !== 0 ? 1 : 0);
}

/**
 * Binary logistic loss f(w) = Σ_i s_i·log(1 + e^{−y_i z_i}) + L2, z_i = x_i·w + c·b, with gradient
 * ∇f = Σ_i s_i·(−y_i·σ(−y_i z_i))·[x_i, c] + strength·w. One pass over X per evaluation (see
 * binaryLossRows). The loss branches on the sign of the margin so exp never overflows (liblinear's
 * l2r_lr_fun).
 */
export function createBinaryLogisticObjective(data: BinaryLogisticData, l2: L2Term): SmoothObjective {
  const { X, rows, cols, sampleWeights, targets, interceptFeature: c } = data;
  const dimension = parametersPerRow(data);
  const hasIntercept = c !== 0;
  const residuals = new Float64Array(BLOCK);
  const bias = new Float64Array(1);
  return {
    dimension,
    evaluate(w, grad) {
      bias[0] = hasIntercept ? c * w[cols] : 0;
      const { loss, interceptGrad } = binaryLossRows(
        X,
        rows,
        cols,
        targets,
        sampleWeights,
        w,
        bias,
        grad,
        residuals,
      );
      if (hasIntercept) grad[cols] = c * interceptGrad;
      return loss + addL2(w, grad, cols, hasIntercept, l2);
    },
  };
}

/**
 * The data part of the binary objective in blocks of rows (margins for the block, then the block's
 * gradient share while its rows are still in cache, so X streams from memory once): returns Σ_i s_i·log(1 + e^{−y_i z_i}) and
 * Σ_i r_i, and overwrites grad[0 .. cols) with Σ_i r_i·x_i, where r_i = −s_i·y_i·σ(−y_i z_i).
 * `residuals` is caller-owned scratch of BLOCK entries.
 */
export function binaryLossRows(
  X: Float64Array,
  rows: number,
  cols: number,
  targets: Float64Array,
  sampleWeights: Float64Array,
  w: Float64Array,
  bias: Float64Array,
  grad: Float64Array,
  residuals: Float64Array,
): { loss: number; interceptGrad: number } {
  grad.fill(0, 0, cols);
  let loss = 0;
  let interceptGrad = 0;
  for (let i0 = 0; i0 < rows; i0 += BLOCK) {
    const m = Math.min(BLOCK, rows - i0);
    scoreBlock(X, cols, i0, m, w, cols, 1, bias, residuals);
    for (let b = 0; b < m; b++) {
      const y = targets[i0 + b];
      const margin = y * residuals[b];
      let rowLoss: number;
      let q: number; // σ(−margin)
      if (margin >= 0) {
        const e = Math.exp(-margin);
        rowLoss = Math.log1p(e);
        q = e / (1 + e);
      } else {
        const e = Math.exp(margin);
        rowLoss = -margin + Math.log1p(e);
        q = 1 / (1 + e);
      }
      const weight = sampleWeights[i0 + b];
      loss += weight * rowLoss;
      const r = -weight * y * q;
      residuals[b] = r;
      interceptGrad += r;
    }
    gradientBlock(residuals, 1, X, cols, i0, m, grad, cols, 1);
  }
  return { loss, interceptGrad };
}

export interface MultinomialLogisticData extends LogisticData {
  /** Class index per row, in [0, classCount). */
  readonly codes: Int32Array;
  readonly classCount: number;
}

/**
 * Multinomial (softmax) loss f(W) = Σ_i s_i·(logΣ_k e^{z_ik} − z_{i,y_i}) + L2, z_ik = x_i·W_k + c·b_k,
 * with ∇_{W_k} f = Σ_i s_i·(p_ik − [y_i = k])·[x_i, c] + strength·W_k. W is row-major, one row of
 * `cols (+1)` parameters per class. One pass over X per evaluation (see softmaxLossRows), with scratch
 * buffers allocated once per objective.
 */
export function createMultinomialLogisticObjective(
  data: MultinomialLogisticData,
  l2: L2Term,
): SmoothObjective {
  const { X, rows, cols, sampleWeights, codes, classCount: K, interceptFeature: c } = data;
  const p = parametersPerRow(data);
  const hasIntercept = c !== 0;
  const scratch: SoftmaxScratch = {
    relative: new Float64Array((K - 1) * p),
    relativeBias: new Float64Array(K - 1),
    scores: new Float64Array(BLOCK * (K - 1)),
    rowMax: new Float64Array(BLOCK),
    rowSum: new Float64Array(BLOCK),
  };
  const interceptGrad = new Float64Array(K);
  const bias = new Float64Array(K);
  return {
    dimension: K * p,
    evaluate(W, grad) {
      for (let k = 0; k < K; k++) bias[k] = hasIntercept ? c * W[k * p + cols] : 0;
      const loss = softmaxLossRows(
        X,
        rows,
        cols,
        codes,
        sampleWeights,
        W,
        p,
        K,
        bias,
        grad,
        interceptGrad,
        scratch,
      );
      let penalty = 0;
      for (let k = 0; k < K; k++) {
        const w0 = k * p;
        if (hasIntercept) grad[w0 + cols] = c * interceptGrad[k];
        penalty += addL2(W.subarray(w0, w0 + p), grad.subarray(w0, w0 + p), cols, hasIntercept, l2);
      }
      return loss + penalty;
    },
  };
}

/**
 * Caller-owned scratch of softmaxLossRows: `relative` (K − 1)·stride and `relativeBias` K − 1 entries
 * (W_k − W_{K−1}), `scores` BLOCK·(K − 1), `rowMax` and `rowSum` BLOCK.
 */
export interface SoftmaxScratch {
  readonly relative: Float64Array;
  readonly relativeBias: Float64Array;
  readonly scores: Float64Array;
  readonly rowMax: Float64Array;
  readonly rowSum: Float64Array;
}

/**
 * The data part of the multinomial objective: returns Σ_i s_i·(logΣ_k e^{z_ik} − z_{i,y_i}) and
 * overwrites `grad` (row-major, `stride` per class; intercept slots left to the caller) with
 * Σ_i s_i·(p_ik − [y_i = k])·x_i and `interceptGrad` with Σ_i s_i·(p_ik − [y_i = k]).
 *
 * The softmax and the loss are unchanged by subtracting z_{i,K−1} from every score of row i, so the
 * pass scores only K − 1 classes, z_ik − z_{i,K−1} = x_i·(W_k − W_{K−1}) + (b_k − b_{K−1}), the last
 * being exactly 0: one class fewer in the pass that streams X from memory (measured 13.8 → 12.0 ms
 * per evaluation on 100k x 50 x 3). Likewise each row's residuals sum to 0 over classes (Σ_k p_ik = 1), so
 * the last class's coefficient gradient is minus the sum of the others'.
 *
 * Rows go in blocks: relative scores for the block, then the softmax (class by class over the whole
 * block, long loops rather than K-long ones per row), then the block's gradient share while its rows
 * are still in cache, so X streams from memory once per evaluation.
 */
export function softmaxLossRows(
  X: Float64Array,
  rows: number,
  cols: number,
  codes: Int32Array,
  sampleWeights: Float64Array,
  W: Float64Array,
  stride: number,
  K: number,
  bias: Float64Array,
  grad: Float64Array,
  interceptGrad: Float64Array,
  scratch: SoftmaxScratch,
): number {
  const { relative, relativeBias, scores, rowMax, rowSum } = scratch;
  const K1 = K - 1;
  const last = K1 * stride;
  grad.fill(0);
  interceptGrad.fill(0);
  // Solvers start from W = 0, where every score is its bias: skip that first pass of products.
  let zeroCoefficients = true;
  for (let k = 0; k < K1; k++) {
    relativeBias[k] = bias[k] - bias[K1];
    for (let j = 0; j < cols; j++) {
      const v = W[k * stride + j] - W[last + j];
      relative[k * stride + j] = v;
      if (v !== 0) zeroCoefficients = false;
    }
  }
  let loss = 0;
  for (let i0 = 0; i0 < rows; i0 += BLOCK) {
    const m = Math.min(BLOCK, rows - i0);
    if (zeroCoefficients) for (let t = 0; t < m * K1; t++) scores[t] = relativeBias[t % K1];
    else scoreBlock(X, cols, i0, m, relative, stride, K1, relativeBias, scores);
    loss +=
      K === 3
        ? softmaxResiduals3(scores, m, codes, sampleWeights, i0, interceptGrad, rowSum)
        : softmaxResiduals(scores, m, K, codes, sampleWeights, i0, interceptGrad, rowMax, rowSum);
    gradientBlock(scores, K1, X, cols, i0, m, grad, stride, K1);
  }
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let k = 0; k < K1; k++) sum += grad[k * stride + j];
    grad[last + j] = -sum;
  }
  return loss;
}

/**
 * In place over a block of `m` rows of K − 1 relative scores (the last class's is an implicit 0):
 * scores ← residuals s_i·(p_ik − [y_i = k]) of the first K − 1 classes, p_i = softmax(scores_i, 0);
 * adds Σ_b residuals of every class to interceptGrad and returns Σ_b s_i·(lse_i − z_{i,y_i}).
 * Classes go in long loops over the block (one per class), not K-long loops per row.
 */
function softmaxResiduals(
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
function softmaxResiduals3(
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

/** Adds strength·w to the gradient (coefficients, and the intercept if penalised); returns 0.5·strength·Σw². */
function addL2(w: Float64Array, grad: Float64Array, cols: number, hasIntercept: boolean, l2: L2Term): number {
  if (l2.strength === 0) return 0;
  const end = hasIntercept && l2.penalizeIntercept ? cols + 1 : cols;
  let sum = 0;
  for (let j = 0; j < end; j++) {
    sum += w[j] * w[j];
    grad[j] += l2.strength * w[j];
  }
  return 0.5 * l2.strength * sum;
}
