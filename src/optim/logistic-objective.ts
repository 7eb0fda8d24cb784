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
  const interceptGrad = new Float64Array(K);
  const scores = new Float64Array(BLOCK * K);
  const rowMax = new Float64Array(BLOCK);
  const rowSum = new Float64Array(BLOCK);
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
        scores,
        rowMax,
        rowSum,
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
 * The data part of the multinomial objective: returns Σ_i s_i·(logΣ_k e^{z_ik} − z_{i,y_i}) and
 * overwrites `grad` (row-major, `stride` per class; intercept slots left to the caller) with
 * Σ_i s_i·(p_ik − [y_i = k])·x_i and `interceptGrad` with Σ_i s_i·(p_ik − [y_i = k]).
 * Rows go in blocks: scores (bias_k + x_i·W_k) for the block, then the softmax class by class over
 * the whole block (long loops rather than K-long ones per row), then the block's gradient share while
 * its rows are still in cache, so X streams from memory once per evaluation.
 * `scores` and `rowMax`/`rowSum` are caller-owned scratch of BLOCK·K and BLOCK entries.
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
  scores: Float64Array,
  rowMax: Float64Array,
  rowSum: Float64Array,
): number {
  grad.fill(0);
  interceptGrad.fill(0);
  // Solvers start from W = 0, where every score is its bias: skip that first pass of products.
  let zeroCoefficients = true;
  for (let k = 0; k < K && zeroCoefficients; k++) {
    for (let j = 0; j < cols; j++) if (W[k * stride + j] !== 0) zeroCoefficients = false;
  }
  let loss = 0;
  for (let i0 = 0; i0 < rows; i0 += BLOCK) {
    const m = Math.min(BLOCK, rows - i0);
    if (zeroCoefficients) for (let t = 0; t < m * K; t++) scores[t] = bias[t % K];
    else scoreBlock(X, cols, i0, m, W, stride, K, bias, scores);
    loss +=
      K === 3
        ? softmaxResiduals3(scores, m, codes, sampleWeights, i0, interceptGrad)
        : softmaxResiduals(scores, m, K, codes, sampleWeights, i0, interceptGrad, rowMax, rowSum);
    gradientBlock(scores, K, X, cols, i0, m, grad, stride, K - 1);
  }
  // Each row's residuals sum to 0 over classes (Σ_k p_ik = 1), so the last class's gradient is minus the
  // sum of the others: one class fewer in the costliest loop.
  const last = (K - 1) * stride;
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let k = 0; k < K - 1; k++) sum += grad[k * stride + j];
    grad[last + j] = -sum;
  }
  return loss;
}

/**
 * In place over a block of `m` rows of K scores: scores ← residuals s_i·(p_ik − [y_i = k]) with
 * p_i = softmax(scores_i); adds Σ_b residuals to interceptGrad and returns Σ_b s_i·(lse_i − z_{i,y_i}).
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
  let loss = 0;
  for (let b = 0; b < m; b++) rowMax[b] = scores[b * K];
  for (let k = 1; k < K; k++) {
    for (let b = 0, t = k; b < m; b++, t += K) if (scores[t] > rowMax[b]) rowMax[b] = scores[t];
  }
  rowSum.fill(0, 0, m);
  for (let b = 0, t = 0; b < m; b++, t += K) {
    loss -= sampleWeights[i0 + b] * (scores[t + codes[i0 + b]] - rowMax[b]);
  }
  for (let k = 0; k < K; k++) {
    for (let b = 0, t = k; b < m; b++, t += K) {
      const e = Math.exp(scores[t] - rowMax[b]);
      scores[t] = e;
      rowSum[b] += e;
    }
  }
  for (let b = 0; b < m; b++) {
    const weight = sampleWeights[i0 + b];
    loss += weight * Math.log(rowSum[b]);
    rowSum[b] = weight / rowSum[b];
  }
  for (let k = 0; k < K; k++) {
    let sum = 0;
    for (let b = 0, t = k; b < m; b++, t += K) {
      const r = scores[t] * rowSum[b];
      scores[t] = r;
      sum += r;
    }
    interceptGrad[k] += sum;
  }
  for (let b = 0; b < m; b++) {
    const weight = sampleWeights[i0 + b];
    scores[b * K + codes[i0 + b]] -= weight;
    interceptGrad[codes[i0 + b]] -= weight;
  }
  return loss;
}

/**
 * softmaxResiduals for K = 3, row by row in locals: with K a run-time value V8 cannot unroll the
 * per-class loops, and at K = 3 their overhead exceeded the arithmetic (measured: this halves the
 * softmax share of an evaluation on 100k x 50 x 3).
 */
function softmaxResiduals3(
  scores: Float64Array,
  m: number,
  codes: Int32Array,
  sampleWeights: Float64Array,
  i0: number,
  interceptGrad: Float64Array,
): number {
  let loss = 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  for (let b = 0, t = 0; b < m; b++, t += 3) {
    const s0 = scores[t];
    const s1 = scores[t + 1];
    const s2 = scores[t + 2];
    const max = Math.max(s0, s1, s2);
    // The largest score's exp is exactly 1: skipping it saves a third of the exps.
    const e0 = s0 === max ? 1 : Math.exp(s0 - max);
    const e1 = s1 === max ? 1 : Math.exp(s1 - max);
    const e2 = s2 === max ? 1 : Math.exp(s2 - max);
    const sum = e0 + e1 + e2;
    const y = codes[i0 + b];
    const weight = sampleWeights[i0 + b];
    loss += weight * (max + Math.log(sum) - (y === 0 ? s0 : y === 1 ? s1 : s2));
    const scale = weight / sum;
    const r0 = e0 * scale - (y === 0 ? weight : 0);
    const r1 = e1 * scale - (y === 1 ? weight : 0);
    const r2 = e2 * scale - (y === 2 ? weight : 0);
    scores[t] = r0;
    scores[t + 1] = r1;
    scores[t + 2] = r2;
    g0 += r0;
    g1 += r1;
    g2 += r2;
  }
  interceptGrad[0] += g0;
  interceptGrad[1] += g1;
  interceptGrad[2] += g2;
  return loss;
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
