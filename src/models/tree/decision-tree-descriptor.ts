import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { createDecisionTree } from './decision-tree.js';
import { loadDecisionTree } from './load-decision-tree.js';
import { DECISION_TREE_KIND, decisionTreeParamsSchema } from './tree-params.js';

export const decisionTreeDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: DECISION_TREE_KIND,
  aliases: ['tree', 'decision-tree', 'cart'],
  summary:
    'CART decision tree: criterion gini|entropy, max_depth, min_samples_split, min_samples_leaf, max_features, random_state',
  schema: decisionTreeParamsSchema,
  tags: {
    ...PLAIN_CLASSIFIER_TAGS,
    featureImportances: true,
    probabilityQuality: 'coarse',
    complexity: [
      { param: 'max_depth', moreComplexWhen: 'up', probeValues: [2, 3, 5, 8, 12, null] },
      { param: 'min_samples_leaf', moreComplexWhen: 'down', probeValues: [1, 5, 20, 50] },
    ],
  },
  tuning: {
    curve: { param: 'max_depth', values: [1, 2, 3, 5, 8, 12, null] },
    grid: ['max_depth=3,5,8,null', 'min_samples_leaf=1,5,20'],
  },
  create: (params) => createDecisionTree(params as never),
  load: loadDecisionTree,
};
