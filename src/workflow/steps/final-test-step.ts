import {
  analysePredictions,
  type ClassCurves,
  type ClassificationSummary,
  compareWithBaseline,
  lastOutcomes,
  microAverageCurves,
  outcomeAwarePredictions,
  summariseFittedPredictions,
} from '../../analysis/index.js';
import { buildModel } from '../../catalog/index.js';
import { predictInClassSpace } from '../../core/class-space.js';
import { classCounts } from '../../core/labels.js';
import type { Dataset } from '../../data/index.js';
import { bootstrapCi } from '../../metrics/index.js';
import { rowsWithinBudget } from '../budget/budget-sample.js';
import { calibrationData } from '../calibration-data.js';
import type { PlannedModel } from '../model-plans.js';
import type { FinalTestSection, RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import { testSetFingerprint } from '../test-set-fingerprint.js';
import { thinCurve } from '../thin-curve.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';
import { llmCallsOf, llmFindings } from './llm-calls.js';

/** Points kept per ROC or PR curve (the AUC and AP are computed on all of them). */
const MAX_CURVE_POINTS = 400;

/**
 * The one look at the held-out rows: the tuned model fitted on every training row, scored on the test
 * rows with bootstrap intervals, calibration, ROC / PR curves and McNemar's test against the
 * most-frequent-class baseline.
 */
export async function runFinalTestStep(
  input: StepInput,
  tuned: PlannedModel,
  test: Dataset,
  testDescription: string,
  options: { readonly n_boot: number },
  fallbackSpec?: string,
): Promise<{ section: FinalTestSection; findings: RunFinding[] }> {
  // Under a budget the fit may take a sample of the training rows; trainRows and the protocol say so.
  const train = rowsWithinBudget(
    input.budget,
    'final_test',
    [tuned.spec, ...(fallbackSpec ? [fallbackSpec] : [])],
    input.train,
    input.config.seed,
  );
  input.onFits(0, 1);
  const fitted = await buildModel(tuned.steps, input.build).fit(train.features, train.labels, {
    signal: input.signal,
  });
  const predictions = await predictInClassSpace(fitted, test.features, test.labels.classes);
  input.onFits(1, 1);
  const yTrue = test.labels.codes;
  const classes = test.labels.classes;
  // An LLM's unparseable, refused and failed rows count as errors here, as in `eval`, not as a fallback class.
  const summary = summariseFittedPredictions(fitted, yTrue, predictions, classes);
  const outcomes = lastOutcomes(fitted, yTrue.length);
  const scored = outcomes
    ? outcomeAwarePredictions(predictions.predicted, outcomes, classes.length)
    : { predicted: predictions.predicted, nonAnswers: [] };
  const analysis = analysePredictions(
    test,
    predictions,
    { nBoot: options.n_boot, seed: input.config.seed },
    `the held-out test rows`,
  );
  const majority = majorityClass(train, classes);
  const baseline = new Int32Array(yTrue.length).fill(majority);
  const comparison = compareWithBaseline(
    yTrue,
    scored.predicted,
    baseline,
    classes.length + scored.nonAnswers.length,
    'most-frequent class',
  );
  // analysePredictions sees an LLM's unanswered rows as its fallback class: score them as errors here,
  // as the metrics and McNemar's test do, so the headline interval agrees with them.
  const bootstrap = outcomes
    ? bootstrapCi(yTrue, scored.predicted, classes.length + scored.nonAnswers.length, {
        nBoot: options.n_boot,
        seed: input.config.seed,
        macroLabels: classes.length,
      })
    : analysis.bootstrap;
  const llm = llmCallsOf(fitted, tuned.spec, yTrue, classes, input.build.llm?.env ?? process.env);
  const section: FinalTestSection = {
    model: tuned.spec,
    protocol: `trained on ${train === input.train ? 'the' : `a stratified sample (for the time budget) of`} ${train.features.rows} training rows, tested on ${testDescription}`,
    trainRows: train.features.rows,
    testRows: yTrue.length,
    metrics: metricsOf(summary),
    confusion: {
      labels: [...summary.confusion.labels],
      ...(summary.confusion.predictedLabels
        ? { predictedLabels: [...summary.confusion.predictedLabels] }
        : {}),
      counts: summary.confusion.counts,
      rowNormalised: summary.confusion.rowNormalised,
    },
    perClass: summary.report.classes.map((row) => ({
      label: row.name,
      precision: row.precision,
      recall: row.recall,
      f1: row.f1Score,
      support: row.support,
    })),
    intervals: {
      confidence: bootstrap.confidence,
      nBoot: bootstrap.nBoot,
      accuracy: { ...bootstrap.accuracy },
      f1Macro: { ...bootstrap.f1Macro },
      f1Weighted: { ...bootstrap.f1Weighted },
    },
    calibration: calibrationData(analysis.calibration),
    curves: analysis.curves.map(thinnedCurves),
    ...(classes.length > 2
      ? { microAverage: thinnedCurves(microAverageCurves(yTrue, predictions.proba, 'micro-average')) }
      : {}),
    mcnemar: {
      baseline: comparison.baseline,
      baselineAccuracy: comparison.baselineAccuracy,
      modelAccuracy: comparison.modelAccuracy,
      onlyModelCorrect: comparison.mcnemar.onlyFirstCorrect,
      onlyBaselineCorrect: comparison.mcnemar.onlySecondCorrect,
      method: comparison.mcnemar.method,
      statistic: comparison.mcnemar.statistic,
      pValue: comparison.mcnemar.pValue,
    },
    ...(llm ? { llm } : {}),
    testSet: {
      fingerprint: testSetFingerprint(test),
      wrongRows: Array.from(yTrue.keys()).filter((i) => scored.predicted[i] !== yTrue[i]),
    },
  };
  return { section, findings: [...finalFindings(section), ...(llm ? llmFindings(llm) : [])] };
}

function thinnedCurves(curve: ClassCurves): FinalTestSection['curves'][number] {
  const roc = thinCurve(curve.roc.fpr, curve.roc.tpr, MAX_CURVE_POINTS);
  const pr = thinCurve(curve.pr.recall, curve.pr.precision, MAX_CURVE_POINTS);
  return {
    label: curve.label,
    roc: { fpr: roc.x, tpr: roc.y, auc: curve.roc.auc },
    pr: { precision: pr.y, recall: pr.x, averagePrecision: curve.pr.averagePrecision },
  };
}

/**
 * The held-out score is the report's headline and its calibration goes to the run's single verdict; a
 * finding here is the one problem the test rows alone can show: no better than the majority class.
 */
function finalFindings(section: FinalTestSection): RunFinding[] {
  const { mcnemar } = section;
  if (mcnemar.pValue < 0.05 && mcnemar.modelAccuracy > mcnemar.baselineAccuracy) return [];
  const f = (value: number) => value.toFixed(3);
  return [
    {
      section: 'final-test',
      code: 'baseline_not_beaten',
      level: 'fail',
      message: `On the ${section.testRows} held-out rows the model (accuracy ${f(mcnemar.modelAccuracy)}) is not shown to beat always guessing the most frequent class (accuracy ${f(mcnemar.baselineAccuracy)}): McNemar's test gives p ${mcnemar.pValue < 1e-16 ? '< 1e-16' : `= ${mcnemar.pValue.toPrecision(2)}`} (${mcnemar.onlyModelCorrect} rows only the model gets right, ${mcnemar.onlyBaselineCorrect} only the baseline).`,
      suggestion: 'check the features and labels before anything else',
      columns: [],
      rows: [],
    },
  ];
}

function majorityClass(train: Dataset, classes: readonly string[]): number {
  const counts = classCounts(train.labels);
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return classes.indexOf(train.labels.classes[best]);
}

/** The scalar metrics by scikit-learn scorer name (what `--fail-under` takes). */
export function metricsOf(summary: ClassificationSummary): Record<string, number> {
  const metrics: Record<string, number | null | undefined> = {
    accuracy: summary.accuracy,
    balanced_accuracy: summary.balancedAccuracy,
    precision_macro: summary.macro.precision,
    recall_macro: summary.macro.recall,
    f1_macro: summary.macro.f1,
    precision_weighted: summary.weighted.precision,
    recall_weighted: summary.weighted.recall,
    f1_weighted: summary.weighted.f1,
    f1_micro: summary.micro.f1,
    cohen_kappa: summary.cohenKappa,
    mcc: summary.mcc,
    log_loss: summary.logLoss,
    roc_auc: summary.rocAuc.binary ?? summary.rocAuc.ovrMacro,
    brier: summary.brier,
  };
  return Object.fromEntries(
    Object.entries(metrics).filter((entry): entry is [string, number] => Number.isFinite(entry[1])),
  );
}

/** The held-out evaluation is the run's answer: a failure here stops the run. */
export const finalTestStep: WorkflowStep = {
  id: 'final_test',
  required: true,
  detail: ({ test }) => `final evaluation on ${test.features.rows} held-out rows`,
  async run({ input, state, data, test }) {
    const options = optionsOf(input.config, 'final_test');
    const result = await runFinalTestStep(
      input,
      state.tuned,
      test,
      data.testDescription,
      options,
      state.best.spec,
    );
    return { sections: { finalTest: result.section }, findings: result.findings };
  },
};
