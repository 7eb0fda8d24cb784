import type { FittedClassifier, FitWarning, SerializedModel } from '../../core/estimator.js';
import { argmaxRows } from '../../core/estimator.js';
import { assertSparseComplete, type Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { checkFeatureCount, checkPredictionInput, toNestedRows } from '../training-checks/index.js';
import { MULTINOMIAL_NB_KIND, type MultinomialNbParams } from './multinomial-nb-params.js';
import {
  multinomialJointLogLikelihood,
  probabilitiesFromJointLogLikelihood,
  sparseMultinomialJointLogLikelihood,
} from './naive-bayes-kernels.js';

export interface MultinomialNbState {
  /** `[classes][features]`, sklearn's `feature_log_prob_`. */
  readonly featureLogProb: Float64Array;
  /** sklearn's `class_log_prior_`. */
  readonly logPrior: Float64Array;
  readonly warnings: readonly FitWarning[];
}

export interface FittedMultinomialNb extends FittedClassifier {
  readonly params: Readonly<MultinomialNbParams>;
  readonly state: MultinomialNbState;
  jointLogLikelihood(X: Features): Matrix;
}

export function createFittedMultinomialNb(
  params: MultinomialNbParams,
  classes: readonly string[],
  state: MultinomialNbState,
  featureNames: readonly string[],
): FittedMultinomialNb {
  const K = classes.length;
  const d = state.featureLogProb.length / K;
  const jointLogLikelihood = (X: Features): Matrix => {
    const out = new Float64Array(X.rows * K);
    if (X.sparse !== undefined) {
      checkFeatureCount(X, d, MULTINOMIAL_NB_KIND);
      assertSparseComplete(X.sparse, MULTINOMIAL_NB_KIND);
      sparseMultinomialJointLogLikelihood(X.sparse, state.featureLogProb, state.logPrior, out);
      return { rows: X.rows, cols: K, data: out };
    }
    checkPredictionInput(X, d, MULTINOMIAL_NB_KIND);
    multinomialJointLogLikelihood(X.data, X.rows, d, state.featureLogProb, state.logPrior, out);
    return { rows: X.rows, cols: K, data: out };
  };
  return {
    kind: MULTINOMIAL_NB_KIND,
    params,
    classes,
    diagnostics: { warnings: state.warnings },
    state,
    jointLogLikelihood,
    predict: async (X) => argmaxRows(jointLogLikelihood(X)),
    predictProba: async (X) => {
      const jll = jointLogLikelihood(X);
      probabilitiesFromJointLogLikelihood(jll.data, jll.rows, K);
      return jll;
    },
    toJSON(): SerializedModel {
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: MULTINOMIAL_NB_KIND,
        params,
        classes: [...classes],
        state: {
          // A class prior of 0 gives log 0 = −∞, which JSON cannot hold: null stands for it.
          featureLogProb: toNestedRows(state.featureLogProb, d),
          logPrior: Array.from(state.logPrior, (value) => (Number.isFinite(value) ? value : null)),
          warnings: [...state.warnings],
          featureNames: [...featureNames],
        },
      };
    },
  };
}
