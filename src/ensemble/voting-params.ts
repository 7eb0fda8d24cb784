import { z } from 'zod';
import { ModeldebugError } from '../core/errors.js';
import { parseParams } from '../core/params.js';

export const VOTING_KIND = 'voting';

/** scikit-learn's VotingClassifier names and defaults (members are given apart, as `estimators`). */
export const votingParamsSchema = z.strictObject({
  voting: z
    .enum(['hard', 'soft'])
    .default('hard')
    .describe('hard (majority of the predicted labels) or soft (argmax of the averaged probabilities)'),
  weights: z
    .array(z.number().nonnegative())
    .nullable()
    .default(null)
    .describe('one weight per member, in member order; null weighs them equally'),
});

export type VotingOwnParams = z.infer<typeof votingParamsSchema>;

export function parseVotingParams(input: unknown, memberCount: number): VotingOwnParams {
  const params = parseParams(VOTING_KIND, votingParamsSchema, input);
  if (params.weights !== null) {
    if (params.weights.length !== memberCount) {
      throw new ModeldebugError(
        'invalid_param',
        `${VOTING_KIND}: ${params.weights.length} weights for ${memberCount} members`,
        { where: 'param weights', hint: 'give one weight per member, in member order, e.g. --weights 2,1,1' },
      );
    }
    if (params.weights.every((weight) => weight === 0)) {
      throw new ModeldebugError('invalid_param', `${VOTING_KIND}: the weights are all zero`, {
        where: 'param weights',
        hint: 'give at least one member a positive weight',
      });
    }
  }
  return params;
}
