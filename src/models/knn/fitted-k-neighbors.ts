import type { FittedClassifier, SerializedModel } from '../../core/estimator.js';
import { argmaxRows } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { checkPredictionInput, toNestedRows } from '../training-checks/index.js';
import { K_NEIGHBORS_KIND, type KNeighborsParams, minkowskiPower } from './k-neighbors-params.js';
import { nearestNeighbors, neighborVotes } from './nearest-neighbors.js';

export interface KNeighborsState {
  /** The training rows, row-major. */
  readonly train: Float64Array;
  /** Their class codes into the fitted classes. */
  readonly codes: Int32Array;
}

export interface Neighbors {
  /** `[queries][n_neighbors]` training-row indices, nearest first. */
  readonly indices: Int32Array;
  readonly distances: Float64Array;
}

export interface FittedKNeighbors extends FittedClassifier {
  readonly params: Readonly<KNeighborsParams>;
  /** sklearn's `kneighbors(X)`. */
  kneighbors(X: Features): Neighbors;
}

/** Queries per block: bounds the neighbour buffers whatever the size of X. */
const BLOCK = 2048;

export function createFittedKNeighbors(
  params: KNeighborsParams,
  classes: readonly string[],
  state: KNeighborsState,
  featureNames: readonly string[],
): FittedKNeighbors {
  const d = featureNames.length;
  const nTrain = state.codes.length;
  const k = params.n_neighbors;
  const p = minkowskiPower(params);
  const K = classes.length;

  const kneighbors = (X: Features): Neighbors => {
    checkPredictionInput(X, d, K_NEIGHBORS_KIND);
    const indices = new Int32Array(X.rows * k);
    const distances = new Float64Array(X.rows * k);
    nearestNeighbors(state.train, nTrain, X.data, X.rows, d, k, p, indices, distances);
    return { indices, distances };
  };

  /** Unnormalised class scores, block by block. */
  const votes = (X: Features): Matrix => {
    checkPredictionInput(X, d, K_NEIGHBORS_KIND);
    const scores = new Float64Array(X.rows * K);
    const indices = new Int32Array(BLOCK * k);
    const distances = new Float64Array(BLOCK * k);
    for (let start = 0; start < X.rows; start += BLOCK) {
      const count = Math.min(BLOCK, X.rows - start);
      const query = X.data.subarray(start * d, (start + count) * d);
      nearestNeighbors(state.train, nTrain, query, count, d, k, p, indices, distances);
      const blockScores = scores.subarray(start * K, (start + count) * K);
      neighborVotes(indices, distances, count, k, state.codes, K, params.weights === 'distance', blockScores);
    }
    return { rows: X.rows, cols: K, data: scores };
  };

  return {
    kind: K_NEIGHBORS_KIND,
    params,
    classes,
    diagnostics: { warnings: [] },
    kneighbors,
    // The most (weighted) votes wins; ties go to the first class, as sklearn's mode does.
    predict: async (X) => argmaxRows(votes(X)),
    predictProba: async (X) => {
      const scores = votes(X);
      for (let i = 0; i < scores.rows; i++) {
        let sum = 0;
        for (let c = 0; c < K; c++) sum += scores.data[i * K + c];
        for (let c = 0; c < K; c++) scores.data[i * K + c] /= sum;
      }
      return scores;
    },
    toJSON(): SerializedModel {
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: K_NEIGHBORS_KIND,
        params,
        classes: [...classes],
        state: {
          train: toNestedRows(state.train, d),
          codes: Array.from(state.codes),
          featureNames: [...featureNames],
        },
      };
    },
  };
}
