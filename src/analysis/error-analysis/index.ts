/**
 * Error analysis: why is a classifier wrong, and on which rows? Everything runs on out-of-fold
 * predictions, so each row is judged by a model that never saw it.
 */
export {
  analyseErrors,
  analysePredictions,
  type ErrorAnalysisOptions,
  type OutOfFoldPredictions,
} from './analyse-errors.js';
export { type BaselineComparison, baselinePredictions, compareWithBaseline } from './baseline-comparison.js';
export type {
  ConfusionPair,
  ErrorAnalysis,
  ErrorFinding,
  FindingKind,
  MisclassifiedRow,
  SliceCondition,
  SuspectedLabelError,
  TextCluster,
  WeakSlice,
} from './error-analysis-types.js';
export { baselineFinding, CONFIDENTLY_WRONG, describeFindings, describeSlice } from './findings.js';
export { withLabelErrorsGated } from './label-error-gate.js';
export { findLabelIssues, type LabelIssues } from './label-issues.js';
export { confusionPairs, misclassifiedRows } from './misclassified-rows.js';
export { type ClassCurves, microAverageCurves, rankingCurves } from './ranking-curves.js';
export { type FeatureBins, featureBins } from './slice-bins.js';
export { benjaminiHochberg, wilsonInterval } from './slice-statistics.js';
export { clusterMisclassifiedTexts, type TextClusterOptions } from './text-clusters.js';
export { findWeakSlices, type WeakSliceOptions } from './weak-slices.js';
