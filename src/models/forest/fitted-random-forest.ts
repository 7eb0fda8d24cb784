import {
  argmaxRows,
  type FittedClassifier,
  type FitWarning,
  type SerializedModel,
} from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { checkPredictionInput } from '../training-checks/index.js';
import { accumulateTreeProba, impurityImportances, serializeTree, type TreeArrays } from '../tree/index.js';
import { RANDOM_FOREST_KIND, type RandomForestParams } from './forest-params.js';

export interface FittedRandomForest extends FittedClassifier {
  readonly params: Readonly<RandomForestParams>;
  readonly trees: readonly TreeArrays[];
  /** The mean of the trees' impurity importances, normalised (sklearn's `feature_importances_`). */
  readonly featureImportances: Float64Array;
}

export function createFittedRandomForest(
  params: RandomForestParams,
  classes: readonly string[],
  trees: readonly TreeArrays[],
  featureNames: readonly string[],
  warnings: readonly FitWarning[],
): FittedRandomForest {
  const d = featureNames.length;
  const K = classes.length;
  const proba = (X: Features): Matrix => {
    checkPredictionInput(X, d, RANDOM_FOREST_KIND);
    const data = new Float64Array(X.rows * K);
    for (const tree of trees) accumulateTreeProba(tree, X.data, X.rows, d, 1, data);
    for (let k = 0; k < data.length; k++) data[k] /= trees.length;
    return { rows: X.rows, cols: K, data };
  };
  return {
    kind: RANDOM_FOREST_KIND,
    params,
    classes,
    trees,
    featureImportances: meanImportances(trees, d),
    diagnostics: { warnings },
    predict: async (X) => argmaxRows(proba(X)),
    predictProba: async (X) => proba(X),
    toJSON(): SerializedModel {
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: RANDOM_FOREST_KIND,
        params,
        classes: [...classes],
        state: { trees: trees.map(serializeTree), featureNames: [...featureNames], warnings: [...warnings] },
      };
    },
  };
}

function meanImportances(trees: readonly TreeArrays[], d: number): Float64Array {
  const mean = new Float64Array(d);
  for (const tree of trees) {
    const importances = impurityImportances(tree, d);
    for (let j = 0; j < d; j++) mean[j] += importances[j] / trees.length;
  }
  let total = 0;
  for (const value of mean) total += value;
  if (total > 0) for (let j = 0; j < d; j++) mean[j] /= total;
  return mean;
}
