/** report.json sections on the data and the models: validation, comparison, feature selection, ensemble. */

export interface ScoreStats {
  readonly mean: number;
  readonly std: number;
}

export interface ValidationSection {
  readonly source: string;
  readonly rows: number;
  readonly summary: Readonly<Record<'pass' | 'warn' | 'fail', number>>;
  readonly findings: readonly {
    readonly check: string;
    readonly title: string;
    readonly severity: string;
    readonly status: string;
    readonly column: string | null;
    readonly message: string;
  }[];
}

export interface ModelComparisonSection {
  readonly folds: number;
  readonly metric: string;
  readonly rows: number;
  readonly models: readonly { readonly spec: string; readonly scores: Record<string, ScoreStats> }[];
  /** The most frequent class of each training fold (sklearn's DummyClassifier). */
  readonly dummy: { readonly accuracy: number; readonly f1Weighted: number };
  readonly best: string;
  readonly failures: readonly { readonly spec: string; readonly error: string }[];
  /**
   * The successive-halving race behind the scores: the training rows per fold of each rung (the last
   * one all of them), the models stopped early with the rung and their gap to its leader, and, when a
   * budget ended the race before the full rows, the rung the scores above come from.
   */
  readonly race?: {
    readonly rungs: readonly number[];
    readonly stopped: readonly {
      readonly spec: string;
      /** 0-based index into `rungs`. */
      readonly rung: number;
      readonly rows: number;
      /** Its mean of the metric on that rung. */
      readonly score: number;
      readonly leader: string;
      /** The leader's paired gain over it on the rung's folds, with its 95 % interval. */
      readonly gap: { readonly mean: number; readonly low: number; readonly high: number };
    }[];
    readonly cut?: { readonly rows: number; readonly reason: string };
  };
}

export interface FeatureSelectionSection {
  readonly model: string;
  readonly rows: number;
  /** Why a part did not run (e.g. RFECV without a model that ranks its input columns). */
  readonly notes: readonly string[];
  readonly rfecv: {
    readonly scoring: string;
    readonly featureCounts: number[];
    readonly meanScores: number[];
    readonly stdScores: number[];
    readonly nFeatures: number;
    readonly features: readonly {
      readonly name: string;
      readonly rank: number;
      readonly selected: boolean;
    }[];
  } | null;
  readonly importance: {
    readonly scoring: string;
    readonly baseline: number;
    readonly repeats: number;
    readonly features: readonly { readonly name: string; readonly mean: number; readonly std: number }[];
  } | null;
}

export interface EnsembleSection {
  readonly voting: string;
  readonly members: readonly {
    readonly name: string;
    readonly spec: string;
    readonly accuracy: ScoreStats;
  }[];
  readonly vote: { readonly name: string; readonly accuracy: ScoreStats };
  readonly stacking: { readonly name: string; readonly accuracy: ScoreStats } | null;
  readonly oracleAccuracy: number;
  readonly allWrong: number;
  /** Vote (or stacking, whichever is higher) minus the best member's accuracy. */
  readonly gain: number;
  readonly findings: readonly string[];
}
