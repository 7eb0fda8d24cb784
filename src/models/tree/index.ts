export { buildTree, type TreeGrowth, type TreeLabels } from './build-tree.js';
export { createDecisionTree, type DecisionTree } from './decision-tree.js';
export { createFittedDecisionTree, type FittedDecisionTree } from './fitted-decision-tree.js';
export { loadDecisionTree } from './load-decision-tree.js';
export { type PresortedColumns, presortColumns } from './presorted-columns.js';
export type { Criterion } from './split-criterion.js';
export {
  accumulateTreeProba,
  applyTree,
  impurityImportances,
  LEAF,
  type TreeArrays,
  treeDepth,
} from './tree-arrays.js';
export { deserializeTree, type SerializedTree, serializedTreeSchema, serializeTree } from './tree-json.js';
export {
  DECISION_TREE_KIND,
  type DecisionTreeParams,
  decisionTreeParamsSchema,
  parseDecisionTreeParams,
  resolveGrowth,
  type TreeGrowthParams,
  treeGrowthShape,
} from './tree-params.js';
