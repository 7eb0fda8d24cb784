import { ModeldebugError } from './errors.js';
import type { FittedClassifier } from './estimator.js';
import type { Features } from './features.js';
import type { Matrix } from './matrix.js';

export interface Predictions {
  /** Codes into the dataset's full class list. */
  readonly predicted: Int32Array;
  /** `rows x classes.length`, a zero column for each class the model never saw in training. */
  readonly proba: Matrix;
}

/**
 * A model fitted on a fold knows only the classes of that fold; metrics need the dataset's full class
 * list. This maps predictions and probabilities into it.
 */
export async function predictInClassSpace(
  fitted: FittedClassifier,
  X: Features,
  classes: readonly string[],
): Promise<Predictions> {
  const index = new Map(classes.map((name, k) => [name, k]));
  const columnOf = fitted.classes.map((name) => {
    const k = index.get(name);
    if (k === undefined) {
      throw new ModeldebugError(
        'unknown_label',
        `the model predicts class "${name}", which is not among ${classes.join(', ')}`,
      );
    }
    return k;
  });
  const [own, ownProba] = await Promise.all([fitted.predict(X), fitted.predictProba(X)]);
  const predicted = new Int32Array(own.length);
  for (let i = 0; i < own.length; i++) predicted[i] = columnOf[own[i]];
  const nClasses = classes.length;
  const data = new Float64Array(ownProba.rows * nClasses);
  for (let i = 0; i < ownProba.rows; i++) {
    for (let c = 0; c < ownProba.cols; c++)
      data[i * nClasses + columnOf[c]] = ownProba.data[i * ownProba.cols + c];
  }
  return { predicted, proba: { rows: ownProba.rows, cols: nClasses, data } };
}
