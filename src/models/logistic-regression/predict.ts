import { argmaxRows } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { multiplyRowsByRows } from '../../linalg/dense-products.js';
import { csrScoreBlock } from '../../linalg/sparse-products.js';
import { sigmoid, softmaxInPlace } from '../../linalg/stable.js';
import type { LogisticRegressionState } from './fit.js';

/** Decision values X·Wᵀ + b: `rows x coefficients.rows` (one column for binary models). */
export function decisionValues(X: Matrix | Features, state: LogisticRegressionState): Matrix {
  const { coefficients, intercepts } = state;
  const k = coefficients.rows;
  const d = coefficients.cols;
  const out = new Float64Array(X.rows * k);
  const sparse = 'sparse' in X ? X.sparse : undefined;
  if (sparse !== undefined) {
    const { indptr, indices, data } = sparse;
    csrScoreBlock(indptr, indices, data, 0, X.rows, coefficients.data, d, k, intercepts, out);
    return { rows: X.rows, cols: k, data: out };
  }
  multiplyRowsByRows(X.data, X.rows, d, coefficients.data, k, d, out);
  for (let i = 0; i < X.rows; i++) for (let c = 0; c < k; c++) out[i * k + c] += intercepts[c];
  return { rows: X.rows, cols: k, data: out };
}

/**
 * The predicting half of a fitted linear classifier (logistic regression, SGD): decision values, class
 * indices and probabilities, all from one `decide` that checks the input and returns X·Wᵀ + b.
 */
export function linearClassifierPredictions(
  decide: (X: Features) => Matrix,
  state: LogisticRegressionState,
): {
  decisionFunction(X: Features): Matrix;
  predict(X: Features): Promise<Int32Array>;
  predictProba(X: Features): Promise<Matrix>;
} {
  return {
    decisionFunction: decide,
    predict: async (X) => predictFromDecisions(decide(X)),
    predictProba: async (X) => probabilitiesFromDecisions(decide(X), state),
  };
}

/** sklearn's predict: binary d > 0 → class 1; otherwise argmax of the decisions, ties to the first. */
export function predictFromDecisions(decisions: Matrix): Int32Array {
  if (decisions.cols !== 1) return argmaxRows(decisions);
  const out = new Int32Array(decisions.rows);
  for (let i = 0; i < decisions.rows; i++) out[i] = decisions.data[i] > 0 ? 1 : 0;
  return out;
}

/** Class probabilities from decisions, by the probability model the fit used (see ProbabilityModel). */
export function probabilitiesFromDecisions(decisions: Matrix, state: LogisticRegressionState): Matrix {
  const n = decisions.rows;
  if (decisions.cols === 1) {
    const factor = state.probability === 'softmax-binary' ? 2 : 1;
    const data = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const p1 = sigmoid(factor * decisions.data[i]);
      data[2 * i] = 1 - p1;
      data[2 * i + 1] = p1;
    }
    return { rows: n, cols: 2, data };
  }
  const K = decisions.cols;
  const data = Float64Array.from(decisions.data);
  for (let i = 0; i < n; i++) {
    if (state.probability === 'softmax') {
      softmaxInPlace(data, i * K, K);
      continue;
    }
    let sum = 0;
    for (let k = i * K; k < (i + 1) * K; k++) {
      data[k] = sigmoid(data[k]);
      sum += data[k];
    }
    for (let k = i * K; k < (i + 1) * K; k++) data[k] /= sum;
  }
  return { rows: n, cols: K, data };
}
