import { argmaxRows, type FittedClassifier, type SerializedModel } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { checkPredictionInput, toNestedRows } from '../training-checks/index.js';
import type { MlpDiagnostics } from './fit-mlp.js';
import { MLP_KIND, type MlpParams } from './mlp-params.js';
import { createWorkspace, type Network, predictProbabilities } from './network.js';

export interface FittedMlp extends FittedClassifier {
  readonly params: Readonly<MlpParams>;
  readonly diagnostics: MlpDiagnostics;
  /** Layer widths: inputs, hidden layers, output units (1 for two classes). */
  readonly layerSizes: readonly number[];
  /** Per layer `out x in`, row-major (sklearn's `coefs_[l]` transposed). */
  readonly weights: readonly Float64Array[];
  readonly biases: readonly Float64Array[];
}

/** Everything `toJSON` writes under `state`. */
export interface SerializedMlpState {
  readonly sizes: number[];
  /** Per layer, `out` rows of `in` weights. */
  readonly weights: number[][][];
  readonly biases: number[][];
  readonly featureNames: string[];
  readonly diagnostics: MlpDiagnostics;
}

/** Rows per block when predicting: bounds the buffers whatever the number of rows. */
const PREDICT_BLOCK = 256;

export function createFittedMlp(
  params: MlpParams,
  classes: readonly string[],
  network: Network,
  diagnostics: MlpDiagnostics,
  featureNames: readonly string[],
): FittedMlp {
  const { sizes } = network;
  const predictProba = (X: Features): Matrix => {
    checkPredictionInput(X, sizes[0], MLP_KIND);
    const ws = createWorkspace(network, Math.max(1, Math.min(PREDICT_BLOCK, X.rows)));
    const out = new Float64Array(X.rows * classes.length);
    predictProbabilities(network, X.data, X.rows, ws, out);
    return { rows: X.rows, cols: classes.length, data: out };
  };
  return {
    kind: MLP_KIND,
    params,
    classes,
    diagnostics,
    layerSizes: sizes,
    weights: network.weights,
    biases: network.biases,
    predict: async (X) => argmaxRows(predictProba(X)),
    predictProba: async (X) => predictProba(X),
    toJSON(): SerializedModel {
      const state: SerializedMlpState = {
        sizes: [...sizes],
        weights: network.weights.map((W, l) => toNestedRows(W, sizes[l])),
        biases: network.biases.map((b) => Array.from(b)),
        featureNames: [...featureNames],
        diagnostics,
      };
      return { format: 'modeldebug-model', version: 1, kind: MLP_KIND, params, classes: [...classes], state };
    },
  };
}
