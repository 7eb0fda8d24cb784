import type { CsrMatrix } from '../core/csr-matrix.js';
import { csrGradientBlock, csrScoreBlock } from '../linalg/sparse-products.js';
import { addL2, type L2Term, type LogisticData } from './logistic-data.js';
import type { SoftmaxScratch } from './multinomial-logistic-objective.js';
import type { SmoothObjective } from './objective.js';
import { softmaxResiduals, softmaxResiduals3 } from './softmax-residuals.js';

/** Rows per block: the block's scores and residuals stay in L1 (see the dense objectives). */
const ROW_BLOCK = 256;

/** LogisticData over a CSR design matrix (TF-IDF): the same objectives, one pass over stored entries. */
export interface SparseLogisticData extends Omit<LogisticData, 'X'> {
  readonly X: CsrMatrix;
}

/**
 * The binary logistic objective of createBinaryLogisticObjective (same loss, gradient and sign-branched
 * stable loss) with z_i = Σ_k data_k·w[indices_k] + c·b over row i's stored entries: a separate file
 * so that the dense pass stays as tuned. One class, so the loops are written out rather than calling
 * the k-class block kernels (whose inner loop over classes does not pay at k = 1).
 */
export function createSparseBinaryLogisticObjective(
  data: SparseLogisticData & { readonly targets: Float64Array },
  l2: L2Term,
): SmoothObjective {
  const { X, cols, sampleWeights, targets, interceptFeature: c } = data;
  const { indptr, indices, data: values, rows } = X;
  const hasIntercept = c !== 0;
  return {
    dimension: cols + (hasIntercept ? 1 : 0),
    evaluate(w, grad) {
      const bias = hasIntercept ? c * w[cols] : 0;
      grad.fill(0, 0, cols);
      let loss = 0;
      let interceptGrad = 0;
      // Row by row, the score then the gradient share while the row's entries are in cache.
      for (let i = 0; i < rows; i++) {
        const start = indptr[i];
        const end = indptr[i + 1];
        let z = bias;
        for (let t = start; t < end; t++) z += values[t] * w[indices[t]];
        const y = targets[i];
        const margin = y * z;
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
        const weight = sampleWeights[i];
        loss += weight * rowLoss;
        const r = -weight * y * q;
        interceptGrad += r;
        if (r === 0) continue;
        for (let t = start; t < end; t++) grad[indices[t]] += r * values[t];
      }
      if (hasIntercept) grad[cols] = c * interceptGrad;
      return loss + addL2(w, grad, cols, hasIntercept, l2);
    },
  };
}

/**
 * The multinomial objective of createMultinomialLogisticObjective over CSR rows: scores relative to the
 * last class (K − 1 per row), the shared softmax residual kernels, the last class's gradient as minus
 * the sum of the others'.
 */
export function createSparseMultinomialLogisticObjective(
  data: SparseLogisticData & { readonly codes: Int32Array; readonly classCount: number },
  l2: L2Term,
): SmoothObjective {
  const { X, cols, sampleWeights, codes, classCount: K, interceptFeature: c } = data;
  const { indptr, indices, data: values, rows } = X;
  const hasIntercept = c !== 0;
  const p = cols + (hasIntercept ? 1 : 0);
  const K1 = K - 1;
  const scratch: SoftmaxScratch = {
    relative: new Float64Array(K1 * p),
    relativeBias: new Float64Array(K1),
    scores: new Float64Array(ROW_BLOCK * K1),
    rowMax: new Float64Array(ROW_BLOCK),
    rowSum: new Float64Array(ROW_BLOCK),
  };
  const interceptGrad = new Float64Array(K);
  return {
    dimension: K * p,
    evaluate(W, grad) {
      const { relative, relativeBias, scores, rowMax, rowSum } = scratch;
      const last = K1 * p;
      grad.fill(0);
      interceptGrad.fill(0);
      for (let k = 0; k < K1; k++) {
        relativeBias[k] = hasIntercept ? c * (W[k * p + cols] - W[last + cols]) : 0;
        for (let j = 0; j < cols; j++) relative[k * p + j] = W[k * p + j] - W[last + j];
      }
      let loss = 0;
      for (let i0 = 0; i0 < rows; i0 += ROW_BLOCK) {
        const m = Math.min(ROW_BLOCK, rows - i0);
        csrScoreBlock(indptr, indices, values, i0, m, relative, p, K1, relativeBias, scores);
        loss +=
          K === 3
            ? softmaxResiduals3(scores, m, codes, sampleWeights, i0, interceptGrad, rowSum)
            : softmaxResiduals(scores, m, K, codes, sampleWeights, i0, interceptGrad, rowMax, rowSum);
        csrGradientBlock(scores, K1, indptr, indices, values, i0, m, grad, p);
      }
      let penalty = 0;
      for (let j = 0; j < cols; j++) {
        let sum = 0;
        for (let k = 0; k < K1; k++) sum += grad[k * p + j];
        grad[last + j] = -sum;
      }
      for (let k = 0; k < K; k++) {
        const w0 = k * p;
        if (hasIntercept) grad[w0 + cols] = c * interceptGrad[k];
        penalty += addL2(W.subarray(w0, w0 + p), grad.subarray(w0, w0 + p), cols, hasIntercept, l2);
      }
      return loss + penalty;
    },
  };
}
