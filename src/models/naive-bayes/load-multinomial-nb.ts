import { z } from 'zod';
import type { SerializedModel } from '../../core/estimator.js';
import { fromNestedRows, parseSerializedState } from '../training-checks/index.js';
import { createFittedMultinomialNb, type FittedMultinomialNb } from './fitted-multinomial-nb.js';
import { MULTINOMIAL_NB_KIND, parseMultinomialNbParams } from './multinomial-nb-params.js';

const stateSchema = z.object({
  featureLogProb: z.array(z.array(z.number())).min(2),
  logPrior: z.array(z.number().nullable()),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  featureNames: z.array(z.string()),
});

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadMultinomialNb(serialized: SerializedModel): FittedMultinomialNb {
  const state = parseSerializedState(serialized, MULTINOMIAL_NB_KIND, stateSchema);
  return createFittedMultinomialNb(
    parseMultinomialNbParams(serialized.params),
    serialized.classes,
    {
      featureLogProb: fromNestedRows(state.featureLogProb, state.featureNames.length, MULTINOMIAL_NB_KIND),
      logPrior: Float64Array.from(state.logPrior, (value) => value ?? Number.NEGATIVE_INFINITY),
      warnings: state.warnings,
    },
    state.featureNames,
  );
}
