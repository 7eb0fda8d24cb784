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
const BLOCK = 128;

/** Parameters per class row: the coefficients, then the intercept weight if there is one. */
export function parametersPerRow(data: LogisticData): number {
  return data.cols + (data.interceptFeature !== 0 ? 1 : 0);
}

/**
 * Binary logistic loss f(w) = Σ_i s_i·log(1 + e^{−y_i z_i}) + L2, z_i = x_i·w + c·b, with gradient
 * ∇f = Σ_i s_i·(−y_i·σ(−y_i z_i))·[x_i, c] + strength·w. One fused pass per evaluation: each row is
 * read once, its margin, loss and gradient contribution computed while it is in L1 cache. The loss
 * branches on the sign of the margin so exp never overflows (liblinear's l2r_lr_fun).
 */
export function createBinaryLogisticObjective(data: BinaryLogisticData, l2: L2Term): SmoothObjective {
  const { X, rows, cols, sampleWeights, targets, interceptFeature: c } = data;
  const dimension = parametersPerRow(data);
  const hasIntercept = c !== 0;
  const residuals = new Float64Array(BLOCK);
  return {
    dimension,
    evaluate(w, grad) {
      const bias = hasIntercept ? c * w[cols] : 0;
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
 * gradient share while its rows are in cache): returns Σ_i s_i·log(1 + e^{−y_i z_i}) and
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
  bias: number,
  grad: Float64Array,
  residuals: Float64Array,
): { loss: number; interceptGrad: number } {
  grad.fill(0, 0, cols);
  let loss = 0;
  let interceptGrad = 0;
  for (let i0 = 0; i0 < rows; i0 += BLOCK) {
    const m = Math.min(BLOCK, rows - i0);
    scoreBlock(X, cols, i0, m, w, cols, 1, residuals);
    for (let b = 0; b < m; b++) {
      const y = targets[i0 + b];
      const margin = y * (residuals[b] + bias);
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
 * `cols (+1)` parameters per class. One fused pass over X per evaluation; the per-row class scores
 * live in a scratch buffer allocated once.
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
 * Rows go in blocks: scores for the block (each row read once for all classes), then the softmax
 * class by class over the whole block (long loops instead of K-long ones per row, which cost more
 * than the arithmetic for K = 3), then the block's gradient share while its rows are still in cache.
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
  let loss = 0;
  for (let i0 = 0; i0 < rows; i0 += BLOCK) {
    const m = Math.min(BLOCK, rows - i0);
    const size = m * K;
    scoreBlock(X, cols, i0, m, W, stride, K, scores);
    for (let k = 0; k < K; k++) {
      const bk = bias[k];
      for (let t = k; t < size; t += K) scores[t] += bk;
    }
    for (let b = 0; b < m; b++) rowMax[b] = scores[b * K];
    for (let k = 1; k < K; k++) {
      for (let b = 0, t = k; b < m; b++, t += K) if (scores[t] > rowMax[b]) rowMax[b] = scores[t];
    }
    rowSum.fill(0, 0, m);
    for (let b = 0, t = 0; b < m; b++) {
      const y = codes[i0 + b];
      const weight = sampleWeights[i0 + b];
      loss -= weight * (scores[t + y] - rowMax[b]);
      t += K;
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
