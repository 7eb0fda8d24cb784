import type { FitDiagnostics, FittedClassifier, SerializedModel } from '../../core/estimator.js';
import { argmaxRows } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { checkPredictionInput, toNestedRows } from '../training-checks/index.js';
import { GAUSSIAN_NB_KIND, type GaussianNbParams } from './gaussian-nb-params.js';
import { gaussianJointLogLikelihood, probabilitiesFromJointLogLikelihood } from './naive-bayes-kernels.js';

export interface GaussianNbState {
  /** `[classes][features]`, sklearn's `theta_`. */
  readonly theta: Float64Array;
  /** `[classes][features]`, sklearn's `var_` (smoothing included). */
  readonly variance: Float64Array;
  /** sklearn's `class_prior_`. */
  readonly priors: Float64Array;
  /** sklearn's `epsilon_`. */
  readonly epsilon: number;
}

export interface FittedGaussianNb extends FittedClassifier {
  readonly params: Readonly<GaussianNbParams>;
  readonly state: GaussianNbState;
  /** `rows x classes`: log P(y=k) + log P(x | y=k). */
  jointLogLikelihood(X: Features): Matrix;
}

export function createFittedGaussianNb(
  params: GaussianNbParams,
  classes: readonly string[],
  state: GaussianNbState,
  featureNames: readonly string[],
): FittedGaussianNb {
  const K = classes.length;
  const d = state.theta.length / K;
  const logPrior = state.priors.map(Math.log);
  const diagnostics: FitDiagnostics = { warnings: [] };
  const jointLogLikelihood = (X: Features): Matrix => {
    checkPredictionInput(X, d, GAUSSIAN_NB_KIND);
    const out = new Float64Array(X.rows * K);
    gaussianJointLogLikelihood(X.data, X.rows, d, state.theta, state.variance, logPrior, out);
    return { rows: X.rows, cols: K, data: out };
  };
  const predictProba = (X: Features): Matrix => {
    const jll = jointLogLikelihood(X);
    probabilitiesFromJointLogLikelihood(jll.data, jll.rows, K);
    return jll;
  };
  return {
    kind: GAUSSIAN_NB_KIND,
    params,
    classes,
    diagnostics,
    state,
    jointLogLikelihood,
    // sklearn predicts the argmax of the joint log likelihood (ties to the first class).
    predict: async (X) => argmaxRows(jointLogLikelihood(X)),
    predictProba: async (X) => predictProba(X),
    toJSON(): SerializedModel {
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: GAUSSIAN_NB_KIND,
        params,
        classes: [...classes],
        state: {
          theta: toNestedRows(state.theta, d),
          variance: toNestedRows(state.variance, d),
          priors: Array.from(state.priors),
          epsilon: state.epsilon,
          featureNames: [...featureNames],
        },
      };
    },
  };
}
