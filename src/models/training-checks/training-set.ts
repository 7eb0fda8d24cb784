import { ModeldebugError } from '../../core/errors.js';
import { assertNumericComplete, type Features } from '../../core/features.js';
import { compactLabels, type Labels } from '../../core/labels.js';

/**
 * The checks every numeric estimator makes before fitting (rows match labels, numbers only, no missing
 * values, at least two classes) and the labels it then fits: the classes present, re-coded densely.
 */
export function prepareTrainingSet(X: Features, y: Labels, kind: string): Labels {
  assertRowsMatchLabels(X.rows, y);
  assertNumericComplete(X, kind);
  return presentClasses(y, kind);
}

export function assertRowsMatchLabels(rows: number, y: Labels): void {
  if (rows !== y.codes.length) {
    throw new ModeldebugError('shape_mismatch', `X has ${rows} rows but y has ${y.codes.length} labels`);
  }
}

/** The classes present in y, re-coded densely; at least two of them. */
export function presentClasses(y: Labels, kind: string): Labels {
  const present = compactLabels(y);
  if (present.classes.length < 2) {
    throw new ModeldebugError(
      'single_class',
      `${kind} needs samples of at least 2 classes, but y holds only class ${present.classes[0] ?? '(none)'}`,
      { hint: 'check the label column, or use a stratified split so every fold sees every class' },
    );
  }
  return present;
}

/** The checks before predicting: the columns the model was fitted on, numbers only. */
export function checkPredictionInput(X: Features, nFeatures: number, kind: string): void {
  checkFeatureCount(X, nFeatures, kind);
  assertNumericComplete(X, kind);
}

/** The column-count half of checkPredictionInput (for estimators that also take sparse features). */
export function checkFeatureCount(X: Features, nFeatures: number, kind: string): void {
  if (X.cols !== nFeatures) {
    throw new ModeldebugError(
      'shape_mismatch',
      `${kind} was fitted on ${nFeatures} features, got ${X.cols}`,
      {
        hint: 'predict with the same columns the model was trained on',
      },
    );
  }
}
