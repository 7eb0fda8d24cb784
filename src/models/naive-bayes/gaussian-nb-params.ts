import { z } from 'zod';
import { parseParams } from '../../core/params.js';

export const GAUSSIAN_NB_KIND = 'gaussian-nb';

/** scikit-learn's GaussianNB names and defaults. `priors`: one per class present at fit, summing to 1. */
export const gaussianNbParamsSchema = z.strictObject({
  priors: z
    .array(z.number().nonnegative())
    .min(2)
    .nullable()
    .default(null)
    .describe('class prior probabilities in class order; null uses the training class frequencies'),
  var_smoothing: z
    .number()
    .nonnegative()
    .default(1e-9)
    .describe('the share of the largest feature variance added to every variance, for stability'),
});

export type GaussianNbParams = z.infer<typeof gaussianNbParamsSchema>;

export function parseGaussianNbParams(input: unknown): GaussianNbParams {
  return parseParams(GAUSSIAN_NB_KIND, gaussianNbParamsSchema, input);
}
