import { z } from 'zod';
import { parseParams } from '../../core/params.js';

export const MULTINOMIAL_NB_KIND = 'multinomial-nb';

/**
 * scikit-learn's MultinomialNB names and defaults. `alpha` below 1e-10 is raised to 1e-10 (with a
 * warning) unless `force_alpha`, as sklearn does to keep log θ finite.
 */
export const multinomialNbParamsSchema = z.strictObject({
  alpha: z
    .number()
    .nonnegative()
    .default(1)
    .describe('additive (Laplace/Lidstone) smoothing of the feature counts; 0 for none'),
  force_alpha: z
    .boolean()
    .default(false)
    .describe('keep an alpha below 1e-10 as given (false raises it to 1e-10, as scikit-learn does)'),
  fit_prior: z
    .boolean()
    .default(true)
    .describe('learn the class priors from the training rows; false uses a uniform prior'),
  class_prior: z
    .array(z.number().nonnegative())
    .min(2)
    .nullable()
    .default(null)
    .describe(
      'class prior probabilities in class order; null learns them (or uniform, with fit_prior false)',
    ),
});

export type MultinomialNbParams = z.infer<typeof multinomialNbParamsSchema>;

export function parseMultinomialNbParams(input: unknown): MultinomialNbParams {
  return parseParams(MULTINOMIAL_NB_KIND, multinomialNbParamsSchema, input);
}
