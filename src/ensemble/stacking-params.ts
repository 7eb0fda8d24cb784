import { z } from 'zod';
import { parseParams } from '../core/params.js';

export const STACKING_KIND = 'stacking';

/**
 * scikit-learn's StackingClassifier names and defaults (members and the final estimator are given
 * apart). `cv` is the number of stratified folds for the out-of-fold predictions; stack_method 'auto'
 * is 'predict_proba', which every Classifier has.
 */
export const stackingParamsSchema = z.strictObject({
  cv: z.number().int().min(2).default(5),
  passthrough: z.boolean().default(false),
  stack_method: z.enum(['auto', 'predict_proba', 'predict']).default('auto'),
});

export type StackingOwnParams = z.infer<typeof stackingParamsSchema>;

export function parseStackingParams(input: unknown): StackingOwnParams {
  return parseParams(STACKING_KIND, stackingParamsSchema, input);
}
