import type { Classifier, FitContext } from '../../core/estimator.js';
import { featureNames } from '../../core/features.js';
import { createRng } from '../../core/rng.js';
import { prepareTrainingSet } from '../training-checks/index.js';
import { buildTree } from './build-tree.js';
import { createFittedDecisionTree, type FittedDecisionTree } from './fitted-decision-tree.js';
import { presortColumns } from './presorted-columns.js';
import {
  DECISION_TREE_KIND,
  type DecisionTreeParams,
  parseDecisionTreeParams,
  resolveGrowth,
} from './tree-params.js';

export interface DecisionTree extends Classifier<DecisionTreeParams> {
  withParams(patch: Partial<DecisionTreeParams>): DecisionTree;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedDecisionTree>;
}

/**
 * scikit-learn's DecisionTreeClassifier (CART, best splitter): gini or entropy, max_depth,
 * min_samples_split, min_samples_leaf, max_features, min_impurity_decrease. Seeded by our RNG, so with
 * max_features < all the chosen features differ from sklearn's; with every feature and no tie for the
 * best cut, the tree is sklearn's.
 */
export function createDecisionTree(
  params: Partial<DecisionTreeParams> | Readonly<Record<string, unknown>> = {},
): DecisionTree {
  const parsed = parseDecisionTreeParams(params);
  return {
    kind: DECISION_TREE_KIND,
    params: parsed,
    withParams: (patch) => createDecisionTree({ ...parsed, ...patch }),
    async fit(X, y, _context: FitContext = {}) {
      const present = prepareTrainingSet(X, y, DECISION_TREE_KIND);
      const data = presortColumns(X.data, X.rows, X.cols);
      const growth = resolveGrowth(parsed, X.rows, X.cols);
      const tree = buildTree(
        data,
        { codes: present.codes, classCount: present.classes.length, weights: null },
        growth,
        createRng(parsed.random_state ?? 0),
      );
      return createFittedDecisionTree(parsed, present.classes, tree, featureNames(X));
    },
  };
}
