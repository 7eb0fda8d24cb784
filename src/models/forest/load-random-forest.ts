import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';
import { parseSerializedState } from '../training-checks/index.js';
import { deserializeTree, serializedTreeSchema } from '../tree/index.js';
import { createFittedRandomForest, type FittedRandomForest } from './fitted-random-forest.js';
import { parseRandomForestParams, RANDOM_FOREST_KIND } from './forest-params.js';

const stateSchema = z.object({
  trees: z.array(serializedTreeSchema).min(1),
  featureNames: z.array(z.string()),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadRandomForest(serialized: SerializedModel): FittedRandomForest {
  const state = parseSerializedState(serialized, RANDOM_FOREST_KIND, stateSchema);
  const d = state.featureNames.length;
  const trees = state.trees.map((tree) => deserializeTree(tree, d, RANDOM_FOREST_KIND));
  if (trees.some((tree) => tree.classCount !== serialized.classes.length)) {
    throw new ModeldebugError(
      'shape_mismatch',
      `corrupt ${RANDOM_FOREST_KIND} model: tree classes differ from classes`,
    );
  }
  return createFittedRandomForest(
    parseRandomForestParams(serialized.params),
    serialized.classes,
    trees,
    state.featureNames,
    state.warnings,
  );
}
