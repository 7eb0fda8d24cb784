import type { CandidateParams } from './param-grid.js';
import type { SearchStrategy, StrategyContext, Trial } from './search-types.js';

export interface HalvingOptions {
  /** Each round keeps 1/factor of the candidates and gives them factor times the rows; default 3. */
  readonly factor?: number;
}

interface Round {
  readonly resource: number;
  readonly keep: number;
}

/**
 * Successive halving (sklearn's HalvingGridSearchCV with min_resources='exhaust'): start every
 * candidate on few training rows, keep the best 1/factor, multiply the rows by factor, until the
 * survivors fit on the full folds. The resource is training rows per fold, at least 10 per class so
 * that a first-round subsample still holds every class (sklearn's 'smallest' floor, per fold).
 */
export function halvingStrategy(
  nCandidates: number,
  candidatesOf: (context: StrategyContext) => readonly CandidateParams[],
  options: HalvingOptions = {},
): SearchStrategy {
  const factor = options.factor ?? 3;
  const rounds = (context: StrategyContext, nCandidates: number): Round[] => {
    const required = 1 + Math.floor(Math.log(nCandidates) / Math.log(factor) + 1e-9);
    const smallest = Math.min(context.maxResource, 10 * context.nClasses);
    const start = Math.max(smallest, Math.floor(context.maxResource / factor ** (required - 1)));
    const plan: Round[] = [];
    for (let i = 0; i < required; i++) {
      const resource = Math.min(context.maxResource, start * factor ** i);
      plan.push({ resource, keep: Math.ceil(nCandidates / factor ** i) });
      if (resource >= context.maxResource) break;
    }
    return plan;
  };
  return {
    name: 'halving',
    plannedTrials: (context) => rounds(context, nCandidates).reduce((sum, round) => sum + round.keep, 0),
    run: async (evaluate, context) => {
      let survivors = candidatesOf(context);
      const plan = rounds(context, survivors.length);
      for (const [iteration, round] of plan.entries()) {
        const last = iteration === plan.length - 1 || round.resource >= context.maxResource;
        const trials = await evaluate(survivors, {
          resource: last ? undefined : round.resource,
          iteration,
        });
        if (last) break;
        survivors = topCandidates(trials, plan[iteration + 1].keep);
      }
    },
  };
}

/** The best `keep` by mean score, ties to the earlier candidate; failed trials go last. */
function topCandidates(trials: readonly Trial[], keep: number): CandidateParams[] {
  return trials
    .map((trial, order) => ({ trial, order }))
    .sort(
      (a, b) =>
        (b.trial.meanTestScore ?? Number.NEGATIVE_INFINITY) -
          (a.trial.meanTestScore ?? Number.NEGATIVE_INFINITY) || a.order - b.order,
    )
    .slice(0, keep)
    .sort((a, b) => a.order - b.order)
    .map(({ trial }) => trial.params);
}
