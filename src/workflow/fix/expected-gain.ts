import type { Candidate, FixState } from './fix-types.js';
import type { StateScorer } from './state-scorer.js';

export interface OrderedCandidate {
  readonly candidate: Candidate;
  /** The estimate that placed it (the stage's own, or the first fold's gain); null when not estimated. */
  readonly expectedGain: number | null;
}

/**
 * A stage's candidates, most promising first, so a budget that runs out cuts the least promising ones.
 * Drops kept by rule come first (no gain decides them); a candidate's own estimate is used when it has
 * one, otherwise it is screened on the first fold — a fit the full cross-validation reuses — against the
 * current state's score on that fold. Candidates not estimated (scored without refits, judged on first
 * copies, or met after the deadline) keep their place after the estimated ones.
 */
export async function byExpectedGain(
  candidates: readonly Candidate[],
  state: FixState,
  currentFirstFold: number,
  scorer: Pick<StateScorer, 'screen'>,
  deadline: number,
): Promise<OrderedCandidate[]> {
  if (candidates.length < 2) return candidates.map((candidate) => ({ candidate, expectedGain: null }));
  const estimated: OrderedCandidate[] = [];
  for (const candidate of candidates) {
    let expectedGain = candidate.expectedGain ?? null;
    const screenable = candidate.keptByRule === undefined && !candidate.scores && !candidate.scoreFirstCopies;
    if (expectedGain === null && screenable && performance.now() <= deadline) {
      expectedGain = (await scorer.screen(candidate.apply(state))) - currentFirstFold;
    }
    estimated.push({ candidate, expectedGain });
  }
  const rank = ({ candidate, expectedGain }: OrderedCandidate) =>
    candidate.keptByRule !== undefined
      ? Number.POSITIVE_INFINITY
      : (expectedGain ?? Number.NEGATIVE_INFINITY);
  // Array.prototype.sort is stable: ties keep the stage's own order.
  return estimated.sort((a, b) => {
    const difference = rank(b) - rank(a);
    return Number.isNaN(difference) ? 0 : difference;
  });
}
