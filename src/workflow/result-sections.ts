import type { ConfusionCounts } from './report-summary.js';

/** report.json sections on the chosen model's results: error analysis and the final test. */

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
  /** Out-of-fold calibration of the training rows (one input of the run's calibration verdict). */
  readonly calibration?: CalibrationData;
  /** `row`: the 0-based data row of the user's file (header excluded), here and in `confidentlyWrong`. */
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
    /** A few of the misclassified texts themselves, closest to the cluster's centre first. */
    readonly examples: readonly { readonly row: number; readonly text: string }[];
  }[];
  /** Every finding of the error analysis (the run's list keeps the top ones); `kind` is its code. */
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
  /** One verdict from the out-of-fold and the test probabilities together (set when both are known). */
  readonly calibrationVerdict?: {
    readonly miscalibrated: boolean;
    readonly ece: number;
    readonly noiseEce: number;
    readonly rows: number;
    readonly summary: string;
  };
  readonly curves: readonly {
    readonly label: string;
    readonly roc: { readonly fpr: number[]; readonly tpr: number[]; readonly auc: number };
    readonly pr: {
      readonly precision: number[];
      readonly recall: number[];
      readonly averagePrecision: number;
    };
  }[];
  /** Multiclass only: every (row, class) pair pooled into one ROC and one PR curve. */
  readonly microAverage?: FinalTestSection['curves'][number];
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
  /**
   * The test rows as the viewer needs them to pair two runs: their fingerprint and which of them (0-based
   * positions among the test rows) the model got wrong.
   */
  readonly testSet: { readonly fingerprint: string; readonly wrongRows: number[] };
}
