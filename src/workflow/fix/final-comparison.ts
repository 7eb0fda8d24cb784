import { predictInClassSpace } from '../../core/class-space.js';
import type { FittedClassifier } from '../../core/estimator.js';
import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import type { Dataset } from '../../data/index.js';
import { type BootstrapInterval, bootstrapCi, getScorer, mcnemarTest } from '../../metrics/index.js';
import type { ModelRuntime } from '../../models/index.js';
import type { FixState } from './fix-types.js';
import { keptFeatures } from './fold-scores.js';
import { stateModel } from './state-model.js';

const METRICS = ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted'] as const;

export interface TestScores {
  readonly spec: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly intervals: {
    readonly accuracy: BootstrapInterval;
    readonly f1Macro: BootstrapInterval;
    readonly f1Weighted: BootstrapInterval;
  };
}

export interface TestComparison {
  readonly testRows: number;
  readonly before: TestScores;
  readonly after: TestScores;
  readonly mcnemar: {
    readonly onlyAfterCorrect: number;
    readonly onlyBeforeCorrect: number;
    readonly method: string;
    readonly statistic: number;
    readonly pValue: number;
  };
}

/** A state fitted on every training row it keeps. */
export async function fitState(
  train: Dataset,
  state: FixState,
  signal?: AbortSignal,
  runtime?: ModelRuntime,
): Promise<FittedClassifier> {
  const dropped = new Set(state.droppedRows);
  const rows = Int32Array.from(train.labels.codes.keys()).filter((row) => !dropped.has(row));
  return stateModel(state, runtime).fit(
    takeFeatureRows(keptFeatures(train.features, state), rows),
    takeLabelRows(train.labels, rows),
    { signal },
  );
}

/** The state's predicted codes (in the test labels' class list) for the test rows. */
export async function predictState(
  fitted: FittedClassifier,
  state: FixState,
  test: Dataset,
): Promise<Int32Array> {
  const predictions = await predictInClassSpace(
    fitted,
    keptFeatures(test.features, state),
    test.labels.classes,
  );
  return predictions.predicted;
}

/**
 * The one look at the untouched test rows: the starting and the fixed pipeline, each fitted on the
 * training rows, scored on the same test rows with bootstrap intervals, and McNemar's test between them.
 */
export function compareOnTest(
  test: Dataset,
  before: { spec: string; predicted: Int32Array },
  after: { spec: string; predicted: Int32Array },
  options: { nBoot: number; seed: number },
): TestComparison {
  const yTrue = test.labels.codes;
  const nClasses = test.labels.classes.length;
  const scores = (spec: string, predicted: Int32Array): TestScores => {
    const ci = bootstrapCi(yTrue, predicted, nClasses, { nBoot: options.nBoot, seed: options.seed });
    return {
      spec,
      metrics: Object.fromEntries(
        METRICS.map((metric) => [metric, getScorer(metric).score(yTrue, predicted, undefined, nClasses)]),
      ),
      intervals: { accuracy: ci.accuracy, f1Macro: ci.f1Macro, f1Weighted: ci.f1Weighted },
    };
  };
  const test2x2 = mcnemarTest(yTrue, after.predicted, before.predicted, nClasses);
  return {
    testRows: yTrue.length,
    before: scores(before.spec, before.predicted),
    after: scores(after.spec, after.predicted),
    mcnemar: {
      onlyAfterCorrect: test2x2.onlyFirstCorrect,
      onlyBeforeCorrect: test2x2.onlySecondCorrect,
      method: test2x2.method,
      statistic: test2x2.statistic,
      pValue: test2x2.pValue,
    },
  };
}
