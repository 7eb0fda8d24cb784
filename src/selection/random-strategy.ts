import { ModeldebugError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { type SearchSpace, sampleDistribution } from './distributions.js';
import type { CandidateParams } from './param-grid.js';
import type { SearchStrategy } from './search-types.js';

/**
 * RandomizedSearchCV: `nTrials` candidates, each key drawn independently (keys sorted, so a seed gives
 * the same candidates whatever order the space was written in).
 */
export function randomStrategy(space: SearchSpace, nTrials: number): SearchStrategy {
  checkTrials(nTrials);
  return {
    name: 'random',
    plannedTrials: () => nTrials,
    run: async (evaluate, { rng }) => {
      await evaluate(Array.from({ length: nTrials }, () => sampleCandidate(space, rng)));
    },
  };
}

export function sampleCandidate(space: SearchSpace, rng: Rng): CandidateParams {
  const candidate: Record<string, unknown> = {};
  for (const key of Object.keys(space).sort()) candidate[key] = sampleDistribution(space[key], rng);
  return candidate;
}

export function checkTrials(nTrials: number): void {
  if (!Number.isInteger(nTrials) || nTrials < 1) {
    throw new ModeldebugError(
      'invalid_argument',
      `the number of trials must be a whole number >= 1, got ${nTrials}`,
      {
        where: 'field nTrials',
        hint: 'e.g. 20 trials',
      },
    );
  }
}
