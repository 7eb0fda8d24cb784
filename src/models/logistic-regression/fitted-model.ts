import type { FittedClassifier, HasCoefficients, SerializedModel } from '../../core/estimator.js';
import { assertNumericComplete, assertSparseComplete, type Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { checkFeatureCount } from '../training-checks/index.js';
import type { LogisticRegressionDiagnostics, LogisticRegressionState } from './fit.js';
import { LOGISTIC_REGRESSION_KIND, type LogisticRegressionParams } from './params.js';
import { decisionValues, linearClassifierPredictions } from './predict.js';

export interface FittedLogisticRegression extends FittedClassifier, HasCoefficients {
  readonly params: Readonly<LogisticRegressionParams>;
  readonly diagnostics: LogisticRegressionDiagnostics;
  /** sklearn's decision_function: `rows x 1` for a binary model, `rows x classes` otherwise. */
  decisionFunction(X: Features): Matrix;
}

/** Everything `toJSON` writes under `state` (plain JSON: float64s round-trip exactly). */
export interface SerializedLogisticRegressionState {
  readonly probability: LogisticRegressionState['probability'];
  readonly coefficients: number[][];
  readonly intercepts: number[];
  readonly featureNames: string[];
  readonly diagnostics: LogisticRegressionDiagnostics;
}

export function createFittedLogisticRegression(
  params: LogisticRegressionParams,
  classes: readonly string[],
  state: LogisticRegressionState,
  diagnostics: LogisticRegressionDiagnostics,
  featureNames: readonly string[],
): FittedLogisticRegression {
  const nFeatures = state.coefficients.cols;
  const decide = (X: Features): Matrix => {
    checkFeatureCount(X, nFeatures, LOGISTIC_REGRESSION_KIND);
    if (X.sparse !== undefined) assertSparseComplete(X.sparse, 'logistic-regression');
    else assertNumericComplete(X, 'logistic-regression');
    return decisionValues(X, state);
  };
  return {
    kind: LOGISTIC_REGRESSION_KIND,
    params,
    classes,
    diagnostics,
    coefficients: state.coefficients,
    intercepts: state.intercepts,
    ...linearClassifierPredictions(decide, state),
    toJSON(): SerializedModel {
      const { rows, cols, data } = state.coefficients;
      const serialized: SerializedLogisticRegressionState = {
        probability: state.probability,
        coefficients: Array.from({ length: rows }, (_, k) =>
          Array.from(data.subarray(k * cols, (k + 1) * cols)),
        ),
        intercepts: Array.from(state.intercepts),
        featureNames: [...featureNames],
        diagnostics,
      };
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: LOGISTIC_REGRESSION_KIND,
        params,
        classes: [...classes],
        state: serialized,
      };
    },
  };
}
