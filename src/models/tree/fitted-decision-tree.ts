import { argmaxRows, type FittedClassifier, type SerializedModel } from '../../core/estimator.js';
import type { Matrix } from '../../core/matrix.js';
import { checkPredictionInput } from '../training-checks/index.js';
import { accumulateTreeProba, impurityImportances, type TreeArrays, treeDepth } from './tree-arrays.js';
import { serializeTree } from './tree-json.js';
import { DECISION_TREE_KIND, type DecisionTreeParams } from './tree-params.js';

export interface FittedDecisionTree extends FittedClassifier {
  readonly params: Readonly<DecisionTreeParams>;
  readonly tree: TreeArrays;
  /** sklearn's `feature_importances_` (mean decrease in impurity). */
  readonly featureImportances: Float64Array;
  readonly depth: number;
  readonly leafCount: number;
}

export function createFittedDecisionTree(
  params: DecisionTreeParams,
  classes: readonly string[],
  tree: TreeArrays,
  featureNames: readonly string[],
): FittedDecisionTree {
  const d = featureNames.length;
  const K = classes.length;
  const proba = (X: Parameters<FittedClassifier['predict']>[0]): Matrix => {
    checkPredictionInput(X, d, DECISION_TREE_KIND);
    const data = new Float64Array(X.rows * K);
    accumulateTreeProba(tree, X.data, X.rows, d, 1, data);
    return { rows: X.rows, cols: K, data };
  };
  let leafCount = 0;
  for (let k = 0; k < tree.nodeCount; k++) if (tree.left[k] < 0) leafCount++;
  return {
    kind: DECISION_TREE_KIND,
    params,
    classes,
    diagnostics: { warnings: [] },
    tree,
    featureImportances: impurityImportances(tree, d),
    depth: treeDepth(tree),
    leafCount,
    predict: async (X) => argmaxRows(proba(X)),
    predictProba: async (X) => proba(X),
    toJSON(): SerializedModel {
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: DECISION_TREE_KIND,
        params,
        classes: [...classes],
        state: { tree: serializeTree(tree), featureNames: [...featureNames] },
      };
    },
  };
}
