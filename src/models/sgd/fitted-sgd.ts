import type { FittedClassifier, HasCoefficients, SerializedModel } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { decisionValues, linearClassifierPredictions } from '../logistic-regression/predict.js';
import { checkPredictionInput, toNestedRows } from '../training-checks/index.js';
import type { SgdDiagnostics, SgdState } from './fit-sgd.js';
import { SGD_KIND, type SgdParams } from './sgd-params.js';

export interface FittedSgd extends FittedClassifier, HasCoefficients {
  readonly params: Readonly<SgdParams>;
  readonly diagnostics: SgdDiagnostics;
  /** sklearn's decision_function: `rows x 1` for two classes, `rows x classes` otherwise. */
  decisionFunction(X: Features): Matrix;
}

export interface SerializedSgdState {
  readonly coefficients: number[][];
  readonly intercepts: number[];
  readonly featureNames: string[];
  readonly diagnostics: SgdDiagnostics;
}

/**
 * Probabilities as sklearn's `_predict_proba_lr`: σ(decision) for two classes, one-vs-rest σ per class
 * normalised to sum 1 otherwise. For loss 'log_loss' that is sklearn's predict_proba; sklearn gives
 * hinge no predict_proba, and here the same transform serves as an uncalibrated score whose argmax is
 * the prediction (scorers that read probabilities, such as log loss, are not meaningful for it).
 */
export function createFittedSgd(
  params: SgdParams,
  classes: readonly string[],
  state: SgdState,
  diagnostics: SgdDiagnostics,
  featureNames: readonly string[],
): FittedSgd {
  const probability = state.coefficients.rows === 1 ? 'sigmoid' : 'ovr';
  const linear = { probability, coefficients: state.coefficients, intercepts: state.intercepts } as const;
  const decide = (X: Features): Matrix => {
    checkPredictionInput(X, state.coefficients.cols, SGD_KIND);
    return decisionValues(X, linear);
  };
  return {
    kind: SGD_KIND,
    params,
    classes,
    diagnostics,
    coefficients: state.coefficients,
    intercepts: state.intercepts,
    ...linearClassifierPredictions(decide, linear),
    toJSON(): SerializedModel {
      const serialized: SerializedSgdState = {
        coefficients: toNestedRows(state.coefficients.data, state.coefficients.cols),
        intercepts: Array.from(state.intercepts),
        featureNames: [...featureNames],
        diagnostics,
      };
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: SGD_KIND,
        params,
        classes: [...classes],
        state: serialized,
      };
    },
  };
}
