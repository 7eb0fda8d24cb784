import { z } from 'zod';

/**
 * scikit-learn's `random_state` as every estimator here takes it: a seed, or null for 0, so that a fit
 * is reproducible whatever the user leaves out. `seeds` says what it seeds, for `modeldebug models`.
 */
export function randomStateParam(seeds: string) {
  return z.number().int().nonnegative().nullable().default(null).describe(`seeds ${seeds}; null means 0`);
}
