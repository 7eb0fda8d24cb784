/**
 * Classification metrics with scikit-learn 1.2.1's semantics. Kernels take label codes (indices into
 * a class list of length `nLabels`) and treat that list as sklearn's `labels=`: a class with no rows
 * still gets its row. Metrics sklearn can warn about return `{ value, warnings }`; the others return
 * a number. Raw labels go through `encodeLabelPair` first.
 */
export { accuracy, type BalancedAccuracyOptions, balancedAccuracy, topKAccuracy } from './accuracy.js';
export { averagePrecision, type PrecisionRecallCurve, precisionRecallCurve } from './average-precision.js';
export {
  type BootstrapCis,
  type BootstrapInterval,
  type BootstrapOptions,
  bootstrapCi,
  percentile,
  type ResampleScores,
  resampleScores,
} from './bootstrap-ci.js';
export { type BrierScoreOptions, brierScore } from './brier-score.js';
export {
  binaryCalibration,
  type Calibration,
  type CalibrationOptions,
  type ReliabilityBin,
  topLabelCalibration,
} from './calibration.js';
export { presentLabels } from './check-inputs.js';
export {
  type ClassificationReport,
  type ClassificationReportOptions,
  type ClassReportRow,
  classificationReport,
  classificationReportDict,
  type ReportDictRow,
  type ReportOverall,
  type ReportRow,
} from './classification-report.js';
export { type CohenKappaOptions, cohenKappa, type KappaWeights } from './cohen-kappa.js';
export { type ConfusionMatrixOptions, type ConfusionNormalize, confusionMatrix } from './confusion-matrix.js';
export { correctedPairedGain } from './corrected-paired-gain.js';
export { type EncodedLabelPair, encodeLabelPair } from './encode-labels.js';
export { formatClassificationReport } from './format-report.js';
export { type LogLossOptions, logLoss } from './log-loss.js';
export { matthewsCorrcoef } from './matthews-corrcoef.js';
export {
  binomialCdf,
  binomialUpperTail,
  chiSquared1Survival,
  type McNemarOptions,
  type McNemarResult,
  mcnemarFromCounts,
  mcnemarTest,
} from './mcnemar.js';
export { type MetricWarning, type MetricWarningCode, type Scored, uniqueWarnings } from './metric-warning.js';
export { pairedGain } from './paired-gain.js';
export {
  type AveragedPrf,
  type AveragedPrfOptions,
  type PerClassPrf,
  type PrfAverage,
  type PrfMetricName,
  type PrfOptions,
  precisionRecallFScore,
  precisionRecallFScorePerClass,
  type ZeroDivision,
} from './precision-recall-f.js';
export { type MultiClassStrategy, type RocAucOptions, rocAuc } from './roc-auc.js';
export { type RocCurve, type RocCurveOptions, rocCurve, trapezoidArea } from './roc-curve.js';
export {
  getScorer,
  isScorerName,
  SCORER_NAMES,
  SCORERS,
  type ScoreFunction,
  type Scorer,
  type ScorerName,
} from './scorers.js';
export {
  chiSquaredHomogeneity,
  kolmogorovSurvival,
  ksTwoSample,
  type TestResult,
} from './two-sample-tests.js';
