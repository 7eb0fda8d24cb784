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
    nFeatures: result.nFeatures,
    selected: result.selectedNames,
    support: result.support,
    ranking: names.map((name, j) => ({ feature: name, rank: result.ranking[j] })),
    eliminationOrder: Array.from(result.eliminationOrder, (j) => names[j]),
  };
}

export function rfecvToJson(result: RfecvResult, names: readonly string[]) {
  return {
    scoring: result.scoring,
    cvResults: {
      nFeatures: Array.from(result.featureCounts),
      meanTestScore: Array.from(result.meanScores),
      stdTestScore: Array.from(result.stdScores),
      splitTestScores: result.foldScores.map((scores) => Array.from(scores)),
    },
    ...rfeToJson(result.rfe, names),
    warnings: result.warnings,
  };
}

export function kBestToJson(outcome: SelectKBestOutcome) {
  return {
    scoreFunc: outcome.scoreFunc,
    k: outcome.k,
    selected: outcome.names.filter((_, j) => outcome.support[j]),
    features: outcome.names.map((name, j) => ({
      name,
      score: finite([outcome.scores[j]])[0],
      pValue: outcome.pValues ? finite([outcome.pValues[j]])[0] : null,
      selected: outcome.support[j],
    })),
  };
}
