import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';
import { fromNestedRows, parseSerializedState } from '../training-checks/index.js';
import { createFittedKNeighbors, type FittedKNeighbors } from './fitted-k-neighbors.js';
import { K_NEIGHBORS_KIND, parseKNeighborsParams } from './k-neighbors-params.js';

const stateSchema = z.object({
  train: z.array(z.array(z.number())),
  codes: z.array(z.number().int().nonnegative()),
  featureNames: z.array(z.string()),
});

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadKNeighbors(serialized: SerializedModel): FittedKNeighbors {
  const state = parseSerializedState(serialized, K_NEIGHBORS_KIND, stateSchema);
  if (
    state.codes.length !== state.train.length ||
    state.codes.some((code) => code >= serialized.classes.length)
  ) {
    throw new ModeldebugError(
      'shape_mismatch',
      `corrupt ${K_NEIGHBORS_KIND} model: labels do not match the rows`,
    );
  }
  return createFittedKNeighbors(
    parseKNeighborsParams(serialized.params),
    serialized.classes,
    {
      train: fromNestedRows(state.train, state.featureNames.length, K_NEIGHBORS_KIND),
      codes: Int32Array.from(state.codes),
    },
    state.featureNames,
  );
}
