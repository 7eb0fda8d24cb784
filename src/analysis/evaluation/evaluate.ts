import { predictInClassSpace } from '../../core/class-space.js';
import type { Classifier, FitDiagnostics, FitWarning } from '../../core/estimator.js';
import { classCounts } from '../../core/labels.js';
import { alignTestSet } from '../../data/align.js';
import type { Dataset } from '../../data/dataset.js';
import { type CrossValidateResult, crossValidate } from '../../selection/cross-validate.js';
import { stratifiedKFold } from '../../splits/stratified-k-fold.js';
import {
  type LlmOutcomeSummary,
  lastOutcomes,
  llmOutcomeSummary,
  llmOutcomesOf,
  outcomeAwarePredictions,
  summariseFittedPredictions,
} from '../llm/llm-outcome-summary.js';
import { type ClassificationSummary, summariseClassification } from './classification-summary.js';
import { assertFoldsPerClass, assertSeveralClasses } from './label-checks.js';
import { stratifiedHoldout } from './stratified-holdout.js';

export type EvaluationProtocol =
  | {
      readonly kind: 'cross-validation';
      readonly folds: number;
      readonly shuffle: boolean;
      readonly seed: number;
    }
  | { readonly kind: 'holdout'; readonly testSize: number; readonly seed: number }
  | { readonly kind: 'test-set'; readonly test: Dataset };

export interface EvaluateOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Evaluation {
  readonly dataset: {
    readonly source: string;
    readonly rows: number;
    readonly features: number;
    readonly classes: readonly string[];
    readonly classCounts: readonly number[];
  };
  readonly protocol: { readonly kind: EvaluationProtocol['kind']; readonly description: string };
  readonly trainRows: number;
  readonly testRows: number;
  /** On the held-out rows, or pooled over the out-of-fold predictions under cross-validation. */
  readonly metrics: ClassificationSummary;
  readonly crossValidation?: {
    readonly scoring: readonly string[];
    readonly folds: CrossValidateResult['folds'];
    readonly test: CrossValidateResult['test'];
  };
  /** The fit of the single train/test protocols (iterations, convergence). */
  readonly fit?: FitDiagnostics;
  /**
   * For an LLM classifier (pooled over the folds under cross-validation): accuracy with unparseable,
   * refused and failed rows counted as errors, and the confusion matrix with a column for each outcome.
   */
  readonly llmOutcomes?: LlmOutcomeSummary;
  readonly warnings: readonly FitWarning[];
}

/**
 * Trains and evaluates a classifier the way `modeldebug eval` does: on a held-out split, a separate test
 * file, or k-fold cross-validation (stratified, sklearn's fold assignment), and summarises every metric.
 */
export async function evaluate(
  estimator: Classifier,
  dataset: Dataset,
  protocol: EvaluationProtocol,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const { features, labels } = dataset;
  assertSeveralClasses(dataset);

  const datasetInfo = {
    source: dataset.source,
    rows: features.rows,
    features: features.cols,
    classes: labels.classes,
    classCounts: Array.from(classCounts(labels)),
  };

  if (protocol.kind === 'cross-validation') {
    assertFoldsPerClass(dataset, protocol.folds);
    const scoring = cvScoring(labels.classes.length);
    // An LLM's per-row outcomes, gathered fold by fold, make the pooled metrics outcome-aware.
    const oofOutcomes = estimator.kind === 'llm' ? new Uint8Array(features.rows) : undefined;
    let outcomesComplete = oofOutcomes !== undefined;
    const result = await crossValidate(estimator, features, labels, {
      cv: stratifiedKFold(labels.codes, protocol.folds, { shuffle: protocol.shuffle, seed: protocol.seed })
        .folds,
      scoring,
      // An LLM's train score would pay for a call per training row of every fold (4x the test calls
      // under 5 folds) and says little about a model that does not learn from those rows.
      returnTrainScore: estimator.kind !== 'llm',
      returnPredictions: true,
      signal: options.signal,
      onFoldDone: options.onProgress,
      onFoldPredicted: oofOutcomes
        ? (fitted, testRows) => {
            const outcomes = lastOutcomes(fitted, testRows.length);
            if (!outcomes) outcomesComplete = false;
            else for (let i = 0; i < testRows.length; i++) oofOutcomes[testRows[i]] = outcomes[i];
          }
        : undefined,
    });
    const oof = result.outOfFold!;
    const pooled =
      oofOutcomes && outcomesComplete
        ? outcomeAwarePredictions(oof.predicted, oofOutcomes, labels.classes.length)
        : { predicted: oof.predicted, nonAnswers: [] };
    return {
      dataset: datasetInfo,
      protocol: {
        kind: protocol.kind,
        description: `${protocol.folds}-fold stratified cross-validation${protocol.shuffle ? ` (shuffled, seed ${protocol.seed})` : ''}`,
      },
      trainRows: features.rows,
      testRows: features.rows,
      metrics: summariseClassification(
        labels.codes,
        pooled.predicted,
        oof.proba,
        labels.classes,
        pooled.nonAnswers,
      ),
      crossValidation: { scoring, folds: result.folds, test: result.test },
      ...(oofOutcomes && outcomesComplete
        ? { llmOutcomes: llmOutcomeSummary(labels.codes, oof.predicted, oofOutcomes, labels.classes) }
        : {}),
      warnings: [...result.warnings, ...result.folds.flatMap((fold) => fold.warnings)],
    };
  }

  const { train, test, description } = splitForProtocol(dataset, protocol);
  options.onProgress?.(0, 1);
  const fitted = await estimator.fit(train.features, train.labels, { signal: options.signal });
  const predictions = await predictInClassSpace(fitted, test.features, test.labels.classes);
  options.onProgress?.(1, 1);
  return {
    dataset: { ...datasetInfo, classes: train.labels.classes },
    protocol: { kind: protocol.kind, description },
    trainRows: train.features.rows,
    testRows: test.features.rows,
    // An LLM row with no label (unparseable, refused, failed) is an error, not the fallback class.
    metrics: summariseFittedPredictions(fitted, test.labels.codes, predictions, test.labels.classes),
    fit: fitted.diagnostics,
    ...optional('llmOutcomes', llmOutcomesOf(fitted, test.labels.codes, test.labels.classes)),
    warnings: fitted.diagnostics.warnings,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The per-fold scores printed under `--cv`: sklearn scorer names. */
function cvScoring(nClasses: number): string[] {
  const auc = nClasses === 2 ? 'roc_auc' : 'roc_auc_ovr';
  return ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted', auc, 'neg_log_loss'];
}

function splitForProtocol(
  dataset: Dataset,
  protocol: Exclude<EvaluationProtocol, { kind: 'cross-validation' }>,
): { train: Dataset; test: Dataset; description: string } {
  if (protocol.kind === 'test-set') {
    const aligned = alignTestSet(dataset, protocol.test);
    return { ...aligned, description: `trained on ${dataset.source}, tested on ${protocol.test.source}` };
  }
  const { train, test } = stratifiedHoldout(dataset, protocol.testSize, protocol.seed);
  return {
    train,
    test,
    description: `stratified hold-out: ${test.features.rows} test rows (test size ${protocol.testSize}, seed ${protocol.seed})`,
  };
}
