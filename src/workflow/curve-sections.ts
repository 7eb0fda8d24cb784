/** report.json sections on curves and tuning: learning, epoch and validation curves, search, regularization. */

export interface CurvePointData {
  readonly trainMean: number | null;
  readonly trainStd: number | null;
  readonly testMean: number | null;
  readonly testStd: number | null;
}

/**
 * A curve whose fits took a stratified sample of each fold's training rows (big data, or a time budget):
 * how many of how many, and why in the report's words. Test parts are whole.
 */
export interface CurveSampleData {
  readonly trainRows: number;
  readonly of: number;
  readonly reason: string;
}

export interface LearningCurveSection {
  readonly model: string;
  readonly scoring: string;
  readonly rows: number;
  /** Null when every fit took all of its fold's training rows. */
  readonly sample: CurveSampleData | null;
  readonly trainSizes: number[];
  readonly points: CurvePointData[];
  readonly verdict: {
    readonly diagnosis: string;
    readonly summary: string;
    readonly nextStep: string;
    readonly gapPp: number | null;
  };
  /** Each fold's training rows were shuffled (seeded) before the first n were taken. */
  readonly shuffled: boolean;
  /**
   * The same curve taking rows in the file's own order (the largest size is the same rows either way),
   * and its verdict: when it differs, the file's order is correlated with what the model learns.
   */
  readonly fileOrder: {
    readonly trainSizes: number[];
    readonly points: CurvePointData[];
    readonly diagnosis: string;
    readonly summary: string;
  } | null;
  /** The measured move of the model's complexity control behind an over- or underfitting verdict. */
  readonly probe: {
    readonly param: string;
    readonly current: unknown;
    readonly tried: unknown[];
    readonly bestValue: unknown;
    readonly gain: { readonly mean: number; readonly low: number; readonly high: number } | null;
    readonly verified: boolean;
  } | null;
}

/** Per-epoch losses of a gradient-trained model (one fit, its own early-stopping split for validation). */
export interface EpochCurveSection {
  readonly model: string;
  readonly rows: number;
  readonly trainLoss: number[];
  readonly validationLoss: number[] | null;
  readonly validationScore: number[] | null;
  /** 1-based epoch whose weights the model kept, when early stopping restored one. */
  readonly bestEpoch: number | null;
  readonly validationFraction: number | null;
  readonly earlyStoppingAdded: boolean;
  readonly verdict: { readonly diagnosis: string; readonly summary: string; readonly nextStep: string };
}

export interface ValidationCurveSection {
  readonly model: string;
  readonly scoring: string;
  readonly param: string;
  /** Null when every fit took all of its fold's training rows. */
  readonly sample: CurveSampleData | null;
  readonly values: unknown[];
  readonly points: CurvePointData[];
  readonly verdict: {
    readonly summary: string;
    readonly nextStep: string;
    readonly bestValue: unknown;
    /** The best value's paired gain over the current one; null when the current value is best. */
    readonly gain: { readonly mean: number; readonly low: number; readonly high: number } | null;
    readonly verified: boolean;
  } | null;
}

export interface SearchSection {
  readonly model: string;
  readonly strategy: string;
  readonly scoring: string;
  readonly rows: number;
  readonly trials: readonly {
    readonly params: Record<string, unknown>;
    readonly mean: number | null;
    readonly std: number | null;
  }[];
  readonly bestParams: Record<string, unknown>;
  readonly bestScore: number;
  /** The model's own params (as given, else the defaults) among the candidates. */
  readonly defaultParams: Record<string, unknown>;
  readonly defaultScore: number | null;
  /** Best minus default, paired over the same folds: mean and a 95 % t-interval. */
  readonly gain: { readonly mean: number; readonly low: number; readonly high: number } | null;
  /** The model the final evaluation uses: tuned when the gain is positive. */
  readonly tunedModel: string;
}

export interface RegularizationSection {
  readonly model: string;
  readonly penalty: string;
  readonly scoring: string;
  readonly cs: number[];
  readonly featureNames: string[];
  /** `[C][feature]`: the coefficient (binary) or the largest absolute coefficient over classes. */
  readonly coefficients: number[][];
  /** `signed` for a binary model's single row of coefficients; `largest-absolute` over classes otherwise. */
  readonly coefficientKind: 'signed' | 'largest-absolute';
  readonly nonZero: number[];
  readonly meanScores: number[];
  readonly standardErrors: number[];
  readonly best: { readonly C: number; readonly meanScore: number };
  readonly oneStandardError: { readonly C: number; readonly meanScore: number };
  readonly summary: string;
  /** Rows the path was traced on (a stratified sample of the tuning rows when they are many). */
  readonly rows?: number;
  /** The one-standard-error C fitted again on all the tuning rows: the model the suggestion describes. */
  readonly refit?: { readonly C: number; readonly rows: number; readonly nonZero: number };
}
