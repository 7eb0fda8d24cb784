import { z } from 'zod';
import type { SerializedModel } from '../../core/estimator.js';
import { fromNestedRows, parseSerializedState } from '../training-checks/index.js';
import { createFittedGaussianNb, type FittedGaussianNb } from './fitted-gaussian-nb.js';
import { GAUSSIAN_NB_KIND, parseGaussianNbParams } from './gaussian-nb-params.js';

const stateSchema = z.object({
  theta: z.array(z.array(z.number())).min(2),
  variance: z.array(z.array(z.number())).min(2),
  priors: z.array(z.number()),
  epsilon: z.number(),
  featureNames: z.array(z.string()),
});

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadGaussianNb(serialized: SerializedModel): FittedGaussianNb {
  const state = parseSerializedState(serialized, GAUSSIAN_NB_KIND, stateSchema);
  const d = state.featureNames.length;
  return createFittedGaussianNb(
    parseGaussianNbParams(serialized.params),
    serialized.classes,
    {
      theta: fromNestedRows(state.theta, d, GAUSSIAN_NB_KIND),
      variance: fromNestedRows(state.variance, d, GAUSSIAN_NB_KIND),
      priors: Float64Array.from(state.priors),
      epsilon: state.epsilon,
    },
    state.featureNames,
  );
}
