import { z } from 'zod';
import { ModeldebugError } from '../core/errors.js';
import type { FittedClassifier, SerializedModel } from '../core/estimator.js';
import { serializedModelSchema } from '../core/serialized-model-schema.js';
import { createFittedVoting, type FittedVoting } from './fitted-voting.js';
import { parseVotingParams, VOTING_KIND } from './voting-params.js';

const stateSchema = z.object({
  members: z.array(z.object({ name: z.string(), model: serializedModelSchema })).min(1),
});

/**
 * Restores a fitted VotingClassifier from its `toJSON`. Members are restored by `loadClassifier` (the
 * model registry's `loadModel`), so the ensemble does not need to know every model family.
 */
export function loadVoting(
  serialized: SerializedModel,
  loadClassifier: (model: SerializedModel) => FittedClassifier,
): FittedVoting {
  const parsed = stateSchema.safeParse(serialized.state);
  if (serialized.kind !== VOTING_KIND || !parsed.success) {
    throw new ModeldebugError('invalid_argument', `not a saved ${VOTING_KIND} model`, {
      where: parsed.success ? 'kind' : `state.${parsed.error.issues[0].path.join('.')}`,
      hint: 'pass the JSON that a fitted VotingClassifier’s toJSON() produced',
    });
  }
  const members = parsed.data.members.map(({ name, model }) => [name, loadClassifier(model)] as const);
  return createFittedVoting(
    parseVotingParams(serialized.params, members.length),
    serialized.classes,
    members,
  );
}
