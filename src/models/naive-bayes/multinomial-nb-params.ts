import { z } from 'zod';
import { parseParams } from '../../core/params.js';

export const MULTINOMIAL_NB_KIND = 'multinomial-nb';

/**
 * scikit-learn's MultinomialNB names and defaults. `alpha` below 1e-10 is raised to 1e-10 (with a
 * warning) unless `force_alpha`, as sklearn does to keep log θ finite.
 */
export const multinomialNbParamsSchema = z.strictObject({
  alpha: z.number().nonnegative().default(1),
  force_alpha: z.boolean().default(false),
  fit_prior: z.boolean().default(true),
  class_prior: z.array(z.number().nonnegative()).min(2).nullable().default(null),
});

export type MultinomialNbParams = z.infer<typeof multinomialNbParamsSchema>;

export function parseMultinomialNbParams(input: unknown): MultinomialNbParams {
  return parseParams(MULTINOMIAL_NB_KIND, multinomialNbParamsSchema, input);
}
