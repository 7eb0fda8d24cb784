import { z } from 'zod';
import { parseParams } from '../../core/params.js';
import { randomStateParam } from '../../core/random-state.js';

export const DUMMY_KIND = 'dummy';

/** scikit-learn's DummyClassifier names and defaults, for the strategies that need no target value. */
export const dummyParamsSchema = z.strictObject({
  strategy: z
    .enum(['most_frequent', 'prior', 'stratified'])
    .default('prior')
    .describe(
      'most_frequent: always the commonest class, probability 1; prior: the commonest class, the class frequencies as probabilities; stratified: one-hot random draws from the class frequencies',
    ),
  random_state: randomStateParam('the stratified draws'),
});

export type DummyParams = z.infer<typeof dummyParamsSchema>;

export function parseDummyParams(input: unknown): DummyParams {
  return parseParams(DUMMY_KIND, dummyParamsSchema, input);
}
