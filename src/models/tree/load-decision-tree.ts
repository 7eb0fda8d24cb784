import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';
import { parseSerializedState } from '../training-checks/index.js';
import { createFittedDecisionTree, type FittedDecisionTree } from './fitted-decision-tree.js';
import { deserializeTree, serializedTreeSchema } from './tree-json.js';
import { DECISION_TREE_KIND, parseDecisionTreeParams } from './tree-params.js';

const stateSchema = z.object({ tree: serializedTreeSchema, featureNames: z.array(z.string()) });

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadDecisionTree(serialized: SerializedModel): FittedDecisionTree {
  const state = parseSerializedState(serialized, DECISION_TREE_KIND, stateSchema);
  const tree = deserializeTree(state.tree, state.featureNames.length, DECISION_TREE_KIND);
  if (tree.classCount !== serialized.classes.length) {
    throw new ModeldebugError(
      'shape_mismatch',
      `corrupt ${DECISION_TREE_KIND} model: tree classes differ from classes`,
    );
  }
  return createFittedDecisionTree(
    parseDecisionTreeParams(serialized.params),
    serialized.classes,
    tree,
    state.featureNames,
  );
}
