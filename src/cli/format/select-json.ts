import type { RfecvResult, RfeResult } from '../../features/index.js';

export type { RfecvResult, RfeResult };

export interface SelectKBestOutcome {
  readonly scoreFunc: string;
  readonly k: number;
  readonly names: readonly string[];
  readonly scores: Float64Array;
  readonly pValues: Float64Array | null;
  readonly support: readonly boolean[];
}

/** JSON has no NaN or infinity: such scores become null. */
function finite(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (value) => (Number.isFinite(value) ? value : null));
}

export function rfeToJson(result: RfeResult, names: readonly string[]) {
  return {
    n_features: result.nFeatures,
    selected: result.selectedNames,
    support: result.support,
    ranking: Object.fromEntries(names.map((name, j) => [name, result.ranking[j]])),
    elimination_order: Array.from(result.eliminationOrder, (j) => names[j]),
  };
}

export function rfecvToJson(result: RfecvResult, names: readonly string[]) {
  return {
    scoring: result.scoring,
    cv_results: {
      n_features: Array.from(result.featureCounts),
      mean_test_score: Array.from(result.meanScores),
      std_test_score: Array.from(result.stdScores),
      split_test_scores: result.foldScores.map((scores) => Array.from(scores)),
    },
    ...rfeToJson(result.rfe, names),
    warnings: result.warnings,
  };
}

export function kBestToJson(outcome: SelectKBestOutcome) {
  return {
    score_func: outcome.scoreFunc,
    k: outcome.k,
    selected: outcome.names.filter((_, j) => outcome.support[j]),
    features: outcome.names.map((name, j) => ({
      name,
      score: finite([outcome.scores[j]])[0],
      p_value: outcome.pValues ? finite([outcome.pValues[j]])[0] : null,
      selected: outcome.support[j],
    })),
  };
}
