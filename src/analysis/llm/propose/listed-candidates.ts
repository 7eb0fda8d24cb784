import type { CandidateParams, SearchStrategy } from '../../../selection/index.js';

/** A search strategy that evaluates the candidates it is given, in order, in one batch. */
export function listedCandidates(candidates: readonly CandidateParams[]): SearchStrategy {
  return {
    name: 'listed',
    plannedTrials: () => candidates.length,
    run: async (evaluate) => {
      await evaluate(candidates);
    },
  };
}
