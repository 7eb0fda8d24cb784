/**
 * report.json: everything `modeldebug run` found, as plain JSON data (numbers, strings, arrays), versioned.
 * The HTML report is rendered from this alone, and the web viewer reads `summary`.
 */

/** The headline of a run, kept in the run store and at the top of report.json. */
export interface RunReportSummary {
  readonly dataset: string;
  readonly rows: number;
  readonly models: string[];
  readonly bestModel: string;
  readonly metric: string;
  readonly bestScore: number;
  /** Of the best model on the final evaluation. */
  readonly metrics: Record<string, number>;
  readonly confusion: ConfusionCounts;
}

/** A confusion matrix as the report stores it: rows are true labels, columns predicted ones. */
export interface ConfusionCounts {
  readonly labels: string[];
  /**
   * Columns, when wider than `labels`: the labels, then an LLM's unparseable / refusal / error rows
   * (present only when an LLM left rows unlabelled).
   */
  readonly predictedLabels?: string[];
  readonly counts: number[][];
}

/** The report's sections, in page order; a finding links to the one that backs it. */
export const SECTION_IDS = [
  'data-validation',
  'model-comparison',
  'learning-curve',
  'epoch-curve',
  'validation-curve',
  'search',
  'regularization',
  'feature-selection',
  'ensemble',
  'error-analysis',
  'final-test',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface RunFinding {
  readonly section: SectionId;
  /** `fail`: must fix; `warn`: worth fixing; `info`: a result to know. */
  readonly level: 'fail' | 'warn' | 'info';
  /** One sentence with the number that matters. */
  readonly message: string;
  /** What to try. */
  readonly suggestion: string;
}

export interface ScoreStats {
  readonly mean: number;
  readonly std: number;
}

export interface CurvePointData {
  readonly trainMean: number | null;
  readonly trainStd: number | null;
  readonly testMean: number | null;
  readonly testStd: number | null;
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
}

export interface LearningCurveSection {
  readonly model: string;
  readonly scoring: string;
  readonly rows: number;
  readonly trainSizes: number[];
  readonly points: CurvePointData[];
  readonly verdict: {
    readonly diagnosis: string;
    readonly summary: string;
    readonly nextStep: string;
    readonly gapPp: number | null;
  };
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
  readonly values: unknown[];
  readonly points: CurvePointData[];
  readonly verdict: {
    readonly summary: string;
    readonly nextStep: string;
    readonly bestValue: unknown;
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

export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface CalibrationData {
  readonly kind: string;
  readonly ece: number;
  readonly mce: number;
  readonly bins: readonly {
    readonly low: number;
    readonly high: number;
    readonly count: number;
    readonly meanConfidence: number | null;
    readonly accuracy: number | null;
  }[];
}

export interface ErrorAnalysisSection {
  readonly model: string;
  readonly protocol: string;
  readonly rows: number;
  readonly errorRate: number;
  readonly confusionPairs: readonly {
    readonly trueLabel: string;
    readonly predicted: string;
    readonly count: number;
    readonly shareOfErrors: number;
  }[];
  readonly weakSlices: readonly {
    readonly slice: string;
    readonly support: number;
    readonly errorRate: number;
    readonly low: number;
    readonly high: number;
    readonly qValue: number;
  }[];
  readonly overallErrorRate: number;
  readonly suspectedLabelErrors: readonly {
    readonly row: number;
    readonly givenLabel: string;
    readonly suggestedLabel: string;
    readonly givenLabelProbability: number;
  }[];
  readonly confidentlyWrong: readonly {
    readonly row: number;
    readonly trueLabel: string;
    readonly predicted: string;
    readonly confidence: number;
  }[];
  readonly textClusters: readonly {
    readonly column: string;
    readonly size: number;
    readonly topTerms: string[];
  }[];
  readonly findings: readonly {
    readonly kind: string;
    readonly message: string;
    readonly suggestion: string;
  }[];
}

/**
 * An LLM model's calls on the final test rows. The endpoint is shown without credentials or query; the
 * API key never appears, only the name of the variable it is read from.
 */
export interface LlmCallsData {
  readonly model: string;
  /** The `model` param: the name the endpoint knows. */
  readonly modelName: string;
  readonly endpoint: string;
  /** The variable the endpoint came from (`base_url_env`), when it did. */
  readonly endpointEnv: string | null;
  readonly apiKeyEnv: string;
  readonly rows: number;
  readonly samples: number;
  /** Calls answered by the endpoint, from the cache, and failed after every retry. */
  readonly calls: number;
  readonly cacheHits: number;
  readonly failedCalls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** In US dollars; null when the `prices` param has no price for the model (tokens only). */
  readonly costUsd: number | null;
  /** Test rows per outcome: a label, or none (unparseable, refusal, error). */
  readonly outcomes: {
    readonly label: number;
    readonly unparseable: number;
    readonly refusal: number;
    readonly error: number;
  };
}

export interface FinalTestSection {
  readonly model: string;
  readonly protocol: string;
  readonly trainRows: number;
  readonly testRows: number;
  readonly metrics: Record<string, number>;
  readonly confusion: ConfusionCounts & { readonly rowNormalised: number[][] };
  readonly perClass: readonly {
    readonly label: string;
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
    readonly support: number;
  }[];
  readonly intervals: {
    readonly confidence: number;
    readonly nBoot: number;
    readonly accuracy: Interval;
    readonly f1Macro: Interval;
    readonly f1Weighted: Interval;
  };
  readonly calibration: CalibrationData;
  readonly curves: readonly {
    readonly label: string;
    readonly roc: { readonly fpr: number[]; readonly tpr: number[]; readonly auc: number };
    readonly pr: {
      readonly precision: number[];
      readonly recall: number[];
      readonly averagePrecision: number;
    };
  }[];
  readonly mcnemar: {
    readonly baseline: string;
    readonly baselineAccuracy: number;
    readonly modelAccuracy: number;
    readonly onlyModelCorrect: number;
    readonly onlyBaselineCorrect: number;
    readonly method: string;
    readonly statistic: number;
    readonly pValue: number;
  };
  /** Present when the final model is an LLM: its calls on the test rows and what became of each row. */
  readonly llm?: LlmCallsData;
}

export interface RunSections {
  readonly validation?: ValidationSection;
  readonly modelComparison?: ModelComparisonSection;
  readonly learningCurve?: LearningCurveSection;
  readonly epochCurve?: EpochCurveSection;
  readonly validationCurve?: ValidationCurveSection;
  readonly search?: SearchSection;
  readonly regularization?: RegularizationSection;
  readonly featureSelection?: FeatureSelectionSection;
  readonly ensemble?: EnsembleSection;
  readonly errorAnalysis?: ErrorAnalysisSection;
  readonly finalTest?: FinalTestSection;
}

export interface ThresholdResult {
  readonly metric: string;
  readonly minimum: number;
  readonly value: number | null;
  readonly passed: boolean;
  /** One line: why the gate failed, or that it passed. */
  readonly reason: string;
}

export interface RunReport {
  readonly version: 1;
  readonly schema: 'modeldebug.run';
  readonly createdAt: string;
  readonly seconds: number;
  readonly config: Readonly<Record<string, unknown>>;
  readonly summary: RunReportSummary;
  /** Worst first. */
  readonly findings: readonly RunFinding[];
  readonly sections: RunSections;
  readonly thresholds: readonly ThresholdResult[];
  /** Steps skipped or failed, with why. */
  readonly skipped: readonly { readonly step: string; readonly reason: string }[];
  readonly timings: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}
