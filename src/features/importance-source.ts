import { ModeldebugError } from '../core/errors.js';
import type { FittedClassifier, HasCoefficients } from '../core/estimator.js';

/**
 * For fitted models that rank features without a linear decision function (trees, forests): one
 * non-negative value per input feature, sklearn's `feature_importances_`. Kept here, not in core, until
 * a second module needs it.
 */
export interface HasFeatureImportances {
  readonly featureImportances: Float64Array;
}

export function hasCoefficients(model: unknown): model is HasCoefficients {
  if (typeof model !== 'object' || model === null) return false;
  const candidate = model as Partial<HasCoefficients>;
  return (
    typeof candidate.coefficients === 'object' &&
    candidate.coefficients !== null &&
    candidate.coefficients.data instanceof Float64Array &&
    candidate.intercepts instanceof Float64Array
  );
}

export function hasFeatureImportances(model: unknown): model is HasFeatureImportances {
  if (typeof model !== 'object' || model === null) return false;
  return (model as Partial<HasFeatureImportances>).featureImportances instanceof Float64Array;
}

/** The estimator that holds the coefficients: a pipeline's final step, or the model itself. */
export function innermostModel(model: FittedClassifier): FittedClassifier {
  const maybePipeline = model as FittedClassifier & { finalEstimator?: FittedClassifier };
  return maybePipeline.finalEstimator === undefined ? model : innermostModel(maybePipeline.finalEstimator);
}

/**
 * sklearn's `importance_getter='auto'` with RFE's `transform_func='square'`: Σ_k coef[k][j]² over the
 * rows of `coef_` (one per class, or one for a binary model), else `feature_importances_`. A pipeline is
 * asked through its final step, which must see one column per input feature (scalers and imputers keep
 * the columns; a one-hot encoder does not, so RFE cannot map its importances back).
 */
export function featureImportance(model: FittedClassifier, nFeatures: number): Float64Array {
  const source = innermostModel(model);
  let importance: Float64Array;
  if (hasCoefficients(source)) {
    const { rows, cols, data } = source.coefficients;
    importance = new Float64Array(cols);
    for (let k = 0; k < rows; k++) {
      for (let j = 0; j < cols; j++) importance[j] += data[k * cols + j] * data[k * cols + j];
    }
  } else if (hasFeatureImportances(source)) {
    importance = source.featureImportances;
  } else {
    throw new ModeldebugError(
      'unsupported',
      `a fitted ${source.kind} exposes neither coefficients nor feature importances`,
      {
        hint: 'rank features with a linear model (logreg) or a tree model, or use permutation importance',
      },
    );
  }
  if (importance.length !== nFeatures) {
    throw new ModeldebugError(
      'unsupported',
      `the final model sees ${importance.length} columns but the data has ${nFeatures}, so its importances cannot be mapped to input features`,
      { hint: 'encode categorical columns before selecting (one-hot changes the column count)' },
    );
  }
  return importance;
}
