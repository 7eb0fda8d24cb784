import { z } from 'zod';
import type { SerializedModel } from '../../core/estimator.js';
import { parseSerializedState } from '../training-checks/index.js';
import { DUMMY_KIND, parseDummyParams } from './dummy-params.js';
import { createFittedDummy, type FittedDummy } from './fitted-dummy.js';

const stateSchema = z.object({ classPrior: z.array(z.number().nonnegative()).min(2) });

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadDummy(serialized: SerializedModel): FittedDummy {
  const state = parseSerializedState(serialized, DUMMY_KIND, stateSchema);
  return createFittedDummy(
    parseDummyParams(serialized.params),
    serialized.classes,
    Float64Array.from(state.classPrior),
  );
}
