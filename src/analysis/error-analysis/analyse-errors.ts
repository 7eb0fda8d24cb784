import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FitWarning } from '../../core/estimator.js';
import { takeFeatureColumns } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { createRng } from '../../core/rng.js';
import type { Dataset } from '../../data/dataset.js';
import {
  binaryCalibration,
  bootstrapCi,
  type Calibration,
  topLabelCalibration,
} from '../../metrics/index.js';
import { crossValidate } from '../../selection/cross-validate.js';
import { stratifiedKFold } from '../../splits/stratified-k-fold.js';
import { assertFoldsPerClass, assertSeveralClasses } from '../evaluation/label-checks.js';
import { baselinePredictions, compareWithBaseline } from './baseline-comparison.js';
import type { ErrorAnalysis } from './error-analysis-types.js';
import { baselineFinding, describeFindings, type FindingInputs } from './findings.js';
import { findLabelIssues } from './label-issues.js';
import { confusionPairs, misclassifiedRows } from './misclassified-rows.js';
import { rankingCurves } from './ranking-curves.js';
import { mapRowsBack, withoutRareClasses } from './rare-classes.js';
import { clusterMisclassifiedTexts, type TextClusterOptions } from './text-clusters.js';
import { findWeakSlices, type WeakSliceOptions } from './weak-slices.js';

export interface ErrorAnalysisOptions {
  /** Stratified folds for the out-of-fold predictions; default 5. */
  readonly folds?: number;
  readonly shuffle?: boolean;
  /** Seeds the folds (with shuffle), the bootstrap and k-means; default 0. */
  readonly seed?: number;
  /** Bootstrap resamples for the accuracy and F1 intervals; default 1000. */
  readonly nBoot?: number;
  /** Uniform calibration bins; default 10. */
  readonly calibrationBins?: number;
  readonly slices?: WeakSliceOptions;
  readonly textClusters?: TextClusterOptions;
  /**
   * The columns the model is fitted on (default: all). The others are still searched for weak slices and
   * text clusters — e.g. a free-text column a numeric model cannot read.
   */
  readonly modelColumns?: readonly number[];
  /** Compared by McNemar's test on the same folds; default: the most frequent class of each training fold. */
  readonly baseline?: Classifier;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The model's out-of-fold predictions on exactly these folds (`folds`, `shuffle`, `seed`), made before
   * (e.g. by a model comparison): they are analysed instead of cross-validating again. Ignored when a
   * class has fewer rows than folds (the analysis then leaves it out and cross-validates the rest).
   */
  readonly outOfFold?: OutOfFoldPredictions;
}

/** Out-of-fold predictions: every row scored by a model that did not see it. */
export interface OutOfFoldPredictions {
  readonly predicted: Int32Array;
  readonly proba: Matrix;
}

/**
 * Why is the model wrong? Cross-validates (stratified k-fold) so every row gets an out-of-fold prediction,
 * then analyses those: the confidently-wrong rows, confusion pairs, weak slices, suspected label errors,
 * clusters of misclassified texts and calibration, each summed up in a plain-words finding.
 */
export async function analyseErrors(
  estimator: Classifier,
  dataset: Dataset,
  options: ErrorAnalysisOptions = {},
): Promise<ErrorAnalysis> {
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 0;
  checkFolds(folds);
  const rare = withoutRareClasses(dataset, folds);
  if (rare.kept === undefined) return analyseAllClasses(estimator, dataset, options, folds, seed);
  const analysis = await analyseAllClasses(
    estimator,
    rare.dataset,
    { ...options, outOfFold: undefined },
    folds,
    seed,
  );
  const left = rare.left.map((entry) => `${entry.label} (${entry.rows} row${entry.rows === 1 ? '' : 's'})`);
  const mapped = mapRowsBack(analysis, rare.kept);
  return {
    ...mapped,
    protocol: {
      ...analysis.protocol,
      description: `${analysis.protocol.description}; classes with fewer rows than folds left out: ${left.join(', ')}`,
    },
    classesLeftOut: rare.left,
    findings: [...describeFindings(findingInputsOf(mapped)), baselineFinding(analysis.baselineComparison!)],
  };
}

async function analyseAllClasses(
  estimator: Classifier,
  dataset: Dataset,
  options: ErrorAnalysisOptions,
  folds: number,
  seed: number,
): Promise<ErrorAnalysis> {
  checkLabels(dataset, folds);
  const shuffle = options.shuffle ?? false;
  const { labels, features } = dataset;
  const modelFeatures = options.modelColumns ? takeFeatureColumns(features, options.modelColumns) : features;
  const cv = stratifiedKFold(labels.codes, folds, { shuffle, seed }).folds;
  const given = options.outOfFold;
  const result = given
    ? { outOfFold: given, warnings: [], folds: [] }
    : await crossValidate(estimator, modelFeatures, labels, {
        cv,
        returnPredictions: true,
        signal: options.signal,
        onFoldDone: options.onProgress,
      });
  // returnPredictions: true always fills outOfFold.
  const outOfFold = result.outOfFold!;
  const baseline = await baselinePredictions(modelFeatures, labels, cv, options.baseline, {
    signal: options.signal,
  });
  const comparison = compareWithBaseline(
    labels.codes,
    outOfFold.predicted,
    baseline,
    labels.classes.length,
    options.baseline?.kind ?? 'most-frequent class',
  );
  const unseen = features.cols - modelFeatures.cols;
  const description = `out-of-fold predictions of ${folds}-fold stratified cross-validation${shuffle ? ` (shuffled, seed ${seed})` : ''}${unseen > 0 ? `; ${unseen} column${unseen === 1 ? '' : 's'} analysed but not given to the model` : ''}`;
  const warnings = [...result.warnings, ...result.folds.flatMap((fold) => fold.warnings)];
  const analysis = analysePredictions(dataset, outOfFold, { ...options, folds, seed }, description, warnings);
  return {
    ...analysis,
    baselineComparison: comparison,
    findings: [...analysis.findings, baselineFinding(comparison)],
  };
}

/** The analysis of predictions already made out of fold (or on a held-out set) for `dataset`'s rows. */
export function analysePredictions(
  dataset: Dataset,
  predictions: OutOfFoldPredictions,
  options: ErrorAnalysisOptions,
  description: string,
  warnings: readonly FitWarning[] = [],
): ErrorAnalysis {
  const { features, labels } = dataset;
  const { classes, codes: yTrue } = labels;
  const { predicted, proba } = predictions;
  if (predicted.length !== yTrue.length || proba.rows !== yTrue.length || proba.cols !== classes.length) {
    throw new ModeldebugError(
      'shape_mismatch',
      `predictions for ${predicted.length} rows and ${proba.cols} classes do not fit ${yTrue.length} rows and ${classes.length} classes`,
    );
  }
  const seed = options.seed ?? 0;
  const rng = createRng(seed);
  const isError = new Uint8Array(yTrue.length);
  let errorCount = 0;
  for (let i = 0; i < yTrue.length; i++) {
    isError[i] = yTrue[i] === predicted[i] ? 0 : 1;
    errorCount += isError[i];
  }
  const misclassified = misclassifiedRows(yTrue, predicted, proba, classes);
  const pairs = confusionPairs(yTrue, predicted, classes);
  const { slices, tested, significant } = findWeakSlices(features, isError, options.slices);
  const labelIssues = findLabelIssues(yTrue, proba, classes);
  const suspected = new Set(labelIssues.suspects.map((suspect) => suspect.row));
  const confidentMistakes = misclassified.filter((row) => !suspected.has(row.row));
  const textClusters = clusterMisclassifiedTexts(
    features,
    misclassified.map((row) => row.row).sort((a, b) => a - b),
    rng.fork(),
    options.textClusters,
  );
  const bootstrap = bootstrapCi(yTrue, predicted, classes.length, { nBoot: options.nBoot, seed });
  const calibration = calibrationOf(yTrue, predicted, proba, options.calibrationBins ?? 10);
  const parts = {
    misclassified,
    confusionPairs: pairs,
    weakSlices: slices,
    suspectedLabelErrors: labelIssues.suspects,
    textClusters,
    bootstrap,
    calibration,
  };
  return {
    dataset: { source: dataset.source, rows: yTrue.length, classes },
    protocol: { folds: options.folds ?? 0, seed, description },
    errorCount,
    errorRate: errorCount / yTrue.length,
    ...parts,
    curves: rankingCurves(yTrue, proba, classes),
    slicesTested: tested,
    slicesSignificant: significant,
    confidentMistakes,
    labelThresholds: Array.from(labelIssues.thresholds, (threshold, j) => ({ label: classes[j], threshold })),
    estimatedLabelErrors: labelIssues.estimatedErrors,
    classesLeftOut: [],
    findings: describeFindings({ rows: yTrue.length, errorCount, ...parts }),
    warnings,
  };
}

/** Binary: P(positive class) against the positive rate; multiclass: top-label confidence. */
function calibrationOf(yTrue: Int32Array, predicted: Int32Array, proba: Matrix, nBins: number): Calibration {
  if (proba.cols !== 2) return topLabelCalibration(yTrue, predicted, proba, { nBins });
  const positive = new Float64Array(proba.rows);
  for (let i = 0; i < proba.rows; i++) positive[i] = proba.data[i * 2 + 1];
  return binaryCalibration(yTrue, positive, 2, { nBins, posLabel: 1 });
}

function checkFolds(folds: number): void {
  if (!Number.isInteger(folds) || folds < 2) {
    throw new ModeldebugError('invalid_param', `folds must be a whole number ≥ 2, got ${folds}`, {
      where: 'folds',
    });
  }
}

function checkLabels(dataset: Dataset, folds: number): void {
  assertSeveralClasses(dataset);
  assertFoldsPerClass(dataset, folds);
}

function findingInputsOf(analysis: ErrorAnalysis): FindingInputs {
  return { rows: analysis.dataset.rows, ...analysis };
}
