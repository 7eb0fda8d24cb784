import { z } from 'zod';
import { parseParams } from '../core/params.js';

export const STACKING_KIND = 'stacking';

/**
 * scikit-learn's StackingClassifier names and defaults (members and the final estimator are given
 * apart). `cv` is the number of stratified folds for the out-of-fold predictions; stack_method 'auto'
 * is 'predict_proba', which every Classifier has.
 */
export const stackingParamsSchema = z.strictObject({
  cv: z
    .number()
    .int()
    .min(2)
    .default(5)
    .describe('folds of the cross-validation whose out-of-fold predictions train the final estimator'),
  passthrough: z
    .boolean()
    .default(false)
    .describe("give the final estimator the original features as well as the members' predictions"),
  stack_method: z
    .enum(['auto', 'predict_proba', 'predict'])
    .default('auto')
    .describe('what each member passes on: auto (probabilities when it has them), predict_proba, or predict'),
});

export type StackingOwnParams = z.infer<typeof stackingParamsSchema>;

export function parseStackingParams(input: unknown): StackingOwnParams {
  return parseParams(STACKING_KIND, stackingParamsSchema, input);
}
