import type { FitWarning } from '../../core/estimator.js';
import type { BootstrapCis, Calibration } from '../../metrics/index.js';
import type { BaselineComparison } from './baseline-comparison.js';
import type { ClassCurves } from './ranking-curves.js';

/**
 * One row the out-of-fold model got wrong. `row` is the 0-based index among the data rows (header not
 * counted); messages and the text report print it 1-based, as every other command numbers rows.
 */
export interface MisclassifiedRow {
  readonly row: number;
  readonly trueLabel: string;
  readonly predicted: string;
  /** The probability the model gave its (wrong) prediction. */
  readonly confidence: number;
  /** The probability it gave the true label. */
  readonly trueLabelProbability: number;
}

export interface ConfusionPair {
  readonly trueLabel: string;
  readonly predicted: string;
  readonly count: number;
  /** count / all errors. */
  readonly shareOfErrors: number;
}

export interface SliceCondition {
  readonly feature: string;
  /** `[1.6, 1.8)` for a numeric bin, `= red` for a categorical value, `missing` for missing cells. */
  readonly description: string;
}

export interface WeakSlice {
  /** One condition (a single feature) or two (a pair, both must hold). */
  readonly conditions: readonly SliceCondition[];
  readonly support: number;
  readonly errors: number;
  readonly errorRate: number;
  /** Wilson score interval of the slice's error rate. */
  readonly ci: { readonly low: number; readonly high: number };
  /** errorRate / overall error rate. */
  readonly lift: number;
  /** One-sided binomial test of "error rate > overall rate". */
  readonly pValue: number;
  /** Benjamini–Hochberg adjusted p-value over every slice tested. */
  readonly qValue: number;
}

export interface SuspectedLabelError {
  readonly row: number;
  readonly givenLabel: string;
  readonly suggestedLabel: string;
  /** Out-of-fold probability of the given label (self-confidence). */
  readonly givenLabelProbability: number;
  readonly suggestedLabelProbability: number;
  /** p(given) − max_{j≠given} p(j): the more negative, the more likely mislabelled. */
  readonly margin: number;
}

export interface TextCluster {
  readonly column: string;
  readonly size: number;
  readonly topTerms: readonly string[];
  /** Up to three member rows, closest to the centroid first. */
  readonly exampleRows: readonly number[];
  /** The texts of `exampleRows` (cut to 300 characters): what the model got wrong, to read. */
  readonly exampleTexts: readonly string[];
  /** Every member row, ascending. */
  readonly rows: readonly number[];
}

export type FindingKind =
  | 'overview'
  | 'confusion-pair'
  | 'confidently-wrong'
  | 'weak-slice'
  | 'label-errors'
  | 'text-cluster'
  | 'calibration'
  | 'baseline';

/** A plain-words finding: one sentence with a number, and what to try. */
export interface ErrorFinding {
  readonly kind: FindingKind;
  readonly message: string;
  readonly suggestion: string;
}

export interface ErrorAnalysis {
  readonly dataset: { readonly source: string; readonly rows: number; readonly classes: readonly string[] };
  /** `folds` is 0 when `analysePredictions` was given predictions made elsewhere. */
  readonly protocol: { readonly folds: number; readonly seed: number; readonly description: string };
  readonly errorCount: number;
  readonly errorRate: number;
  readonly bootstrap: BootstrapCis;
  readonly calibration: Calibration;
  /** ROC and precision-recall curves: the positive class of a binary problem, else one per class (OvR). */
  readonly curves: readonly ClassCurves[];
  /** Most confident mistakes first. */
  readonly misclassified: readonly MisclassifiedRow[];
  /**
   * The misclassified rows confident learning does not suspect of a wrong label, most confident first:
   * disjoint from `suspectedLabelErrors`, so a row is either "check its label" or "the model is wrong".
   */
  readonly confidentMistakes: readonly MisclassifiedRow[];
  readonly confusionPairs: readonly ConfusionPair[];
  readonly weakSlices: readonly WeakSlice[];
  /** Slices tested (the multiple-testing denominator). */
  readonly slicesTested: number;
  /** Slices that passed the test and the redundancy rule; `weakSlices` lists the first `maxSlices` of them. */
  readonly slicesSignificant: number;
  readonly labelThresholds: readonly { readonly label: string; readonly threshold: number }[];
  /** Rows with a wrong label as the calibrated confident joint estimates them (cleanlab's noise count). */
  readonly estimatedLabelErrors: number;
  /** Classes with fewer rows than folds, whose rows were left out of the analysis. */
  readonly classesLeftOut: readonly { readonly label: string; readonly rows: number }[];
  readonly suspectedLabelErrors: readonly SuspectedLabelError[];
  /** Empty when the dataset has no text column or too few misclassified texts. */
  readonly textClusters: readonly TextCluster[];
  /** McNemar's test against a baseline on the same folds (set by `analyseErrors`). */
  readonly baselineComparison?: BaselineComparison;
  readonly findings: readonly ErrorFinding[];
  readonly warnings: readonly FitWarning[];
}
