import { tagsOf } from '../catalog/index.js';
import { isModeldebugError } from '../core/errors.js';
import { type Dataset, describeRepair } from '../data/index.js';
import { createWorkerPool } from '../parallel/index.js';
import { inProcessExecutor, type TaskExecutor } from '../selection/index.js';
import { stratifiedKFold } from '../splits/index.js';
import { type RunConfig, type StepName, stepOptions } from './config-schema.js';
import { defaultModels, type PlannedModel, planModel } from './model-plans.js';
import { prepareData, sampleRows } from './prepare-data.js';
import type { RunFinding, RunReport, RunReportSummary, RunSections } from './report-types.js';
import type { StepInput, WorkflowContext } from './step-context.js';
import { runCompareModelsStep } from './steps/compare-models-step.js';
import { runLearningCurveStep, runValidationCurveStep } from './steps/curve-steps.js';
import { runDriftStep } from './steps/drift-step.js';
import { runEnsembleStep } from './steps/ensemble-step.js';
import { runEpochCurveStep } from './steps/epoch-curve-step.js';
import { runErrorAnalysisStep } from './steps/error-analysis-step.js';
import { runFinalTestStep } from './steps/final-test-step.js';
import { runRegularizationStep } from './steps/regularization-step.js';
import { runSearchStep } from './steps/search-step.js';
import { runSelectionStep } from './steps/selection-step.js';
import { runValidateStep } from './steps/validate-step.js';
import { checkThresholds } from './thresholds.js';

const LEVEL_ORDER = { fail: 0, warn: 1, info: 2 } as const;

/**
 * The whole diagnosis, step by step: data checks, model comparison, curves, tuning, regularization,
 * feature selection, ensembles, error analysis and the final held-out evaluation. A step that fails on
 * bad input is reported as skipped with its reason; the others still run.
 */
export async function runWorkflow(config: RunConfig, context: WorkflowContext = {}): Promise<RunReport> {
  const started = performance.now();
  const progress = context.progress;
  const timings: Record<string, number> = {};
  const skipped: { step: string; reason: string }[] = [];
  const findings: RunFinding[] = [];
  const sections: { -readonly [K in keyof RunSections]: RunSections[K] } = {};

  const data = await timed(
    'load',
    'reading the data',
    async () => prepareData(config),
    (d) => `${d.train.features.rows} training and ${d.test.features.rows} test rows`,
  );
  const { train, test } = data;
  const tuning = sampleRows(train, config.max_rows, config.seed);
  const planned = config.models?.map(planModel) ?? defaultModels(train);
  const adapt = context.adaptSteps;
  const models = adapt ? planned.map((model) => ({ ...model, steps: adapt(model.steps) })) : planned;
  const executor = (context.createExecutor ?? defaultExecutor(config))(tuning);
  const input: StepInput = {
    config,
    train,
    tuning,
    tuningFolds: stratifiedKFold(tuning.labels.codes, config.cv, { shuffle: true, seed: config.seed }).folds,
    executor,
    build: context.build ?? {},
    signal: context.signal,
    onFits: (done, total) => progress?.fits(done, total),
    outOfFold: new Map(),
  };

  async function timed<T>(
    step: string,
    detail: string,
    work: () => Promise<T>,
    outcome: (value: T) => string,
  ): Promise<T> {
    progress?.stepStarted(step, detail);
    const stepStarted = performance.now();
    const value = await work();
    timings[step] = (performance.now() - stepStarted) / 1000;
    progress?.stepDone(step, timings[step], outcome(value));
    return value;
  }

  /** Runs an optional step; bad input (a ModeldebugError) skips it with the reason. */
  async function optionalStep<T>(
    step: StepName,
    detail: string,
    work: () => Promise<T | { skipped: string }>,
  ): Promise<T | undefined> {
    try {
      const value = await timed(step, detail, work, (v) =>
        typeof v === 'object' && v !== null && 'skipped' in v ? `skipped: ${v.skipped}` : 'done',
      );
      if (typeof value === 'object' && value !== null && 'skipped' in value) {
        skipped.push({ step, reason: (value as { skipped: string }).skipped });
        return undefined;
      }
      return value as T;
    } catch (error) {
      if (!isModeldebugError(error)) throw error;
      skipped.push({ step, reason: error.message });
      progress?.stepDone(step, 0, `failed: ${error.message}`);
      return undefined;
    }
  }

  try {
    const validate = stepOptions(config, 'validate');
    if (validate) {
      const result = await optionalStep('validate', 'checking the data', () =>
        runValidateStep(data.validation, config.data.text, config.cv),
      );
      if (result) {
        sections.validation = result.section;
        findings.push(...result.findings);
      }
    }

    const drift = stepOptions(config, 'drift');
    if (drift && config.data.test) {
      const result = await optionalStep('drift', 'train/test drift', () => runDriftStep(input, test));
      if (result) {
        sections.drift = result.section;
        findings.push(...result.findings);
      }
    }

    let best: PlannedModel = models[0];
    let compared: readonly PlannedModel[] = models;
    if (stepOptions(config, 'baseline')) {
      const result = await timed(
        'baseline',
        `cross-validating ${models.length} model${models.length === 1 ? '' : 's'}`,
        () => runCompareModelsStep(input, models),
        (r) => `best ${r.best.spec}`,
      );
      sections.modelComparison = result.section;
      findings.push(...result.findings);
      best = result.best;
      const failed = new Set(result.section.failures.map((failure) => failure.spec));
      compared = models.filter((model) => !failed.has(model.spec));
    }

    const learning = stepOptions(config, 'learning_curve');
    if (learning) {
      const result = await optionalStep('learning_curve', `learning curve of ${best.spec}`, () =>
        runLearningCurveStep(input, best, learning.train_sizes),
      );
      if (result) {
        sections.learningCurve = result.section;
        findings.push(...result.findings);
      }
    }

    // Only a model trained by epochs has per-epoch curves; for any other the step does not apply.
    if (stepOptions(config, 'epoch_curve') && tagsOf(best.steps).trainsByEpochs) {
      const result = await optionalStep('epoch_curve', `per-epoch losses of ${best.spec}`, () =>
        runEpochCurveStep(input, best),
      );
      if (result) {
        sections.epochCurve = result.section;
        findings.push(...result.findings);
      }
    }

    const validation = stepOptions(config, 'validation_curve');
    if (validation) {
      const result = await optionalStep('validation_curve', `validation curve of ${best.spec}`, () =>
        runValidationCurveStep(input, best, validation),
      );
      if (result) {
        sections.validationCurve = result.section;
        findings.push(...result.findings);
      }
    }

    let tuned = best;
    const searchOptions = stepOptions(config, 'search');
    if (searchOptions) {
      const result = await optionalStep('search', `tuning ${best.spec}`, () =>
        runSearchStep(input, best, searchOptions),
      );
      if (result) {
        sections.search = result.section;
        findings.push(...result.findings);
        tuned = result.tuned;
      }
    }

    const regularization = stepOptions(config, 'regularization');
    if (regularization) {
      const result = await optionalStep('regularization', 'regularization path', () =>
        runRegularizationStep(input, best, compared, regularization),
      );
      if (result) {
        sections.regularization = result.section;
        findings.push(...result.findings);
      }
    }

    const selection = stepOptions(config, 'selection');
    if (selection) {
      const result = await optionalStep('selection', 'feature selection and importance', () =>
        runSelectionStep(input, tuned, compared, selection),
      );
      if (result) {
        sections.featureSelection = result.section;
        findings.push(...result.findings);
      }
    }

    const ensemble = stepOptions(config, 'ensemble');
    if (ensemble) {
      const members = compared.map((model) => (model === best ? tuned : model));
      const result = await optionalStep('ensemble', `ensembles of ${members.length} models`, () =>
        runEnsembleStep(input, members, ensemble),
      );
      if (result) {
        sections.ensemble = result.section;
        findings.push(...result.findings);
      }
    }

    const errors = stepOptions(config, 'error_analysis');
    if (errors) {
      const result = await optionalStep('error_analysis', `error analysis of ${tuned.spec}`, () =>
        runErrorAnalysisStep(input, tuned, errors),
      );
      if (result) {
        sections.errorAnalysis = result.section;
        findings.push(...result.findings);
      }
    }

    const final = stepOptions(config, 'final_test');
    if (final) {
      const result = await timed(
        'final_test',
        `final evaluation on ${test.features.rows} held-out rows`,
        () => runFinalTestStep(input, tuned, test, data.testDescription, final),
        () => 'done',
      );
      sections.finalTest = result.section;
      findings.push(...result.findings);
    }

    const summary = summarise(data.name, data.rows, models, tuned, config, sections, train);
    const thresholds = checkThresholds(config.thresholds, summary.metrics, 'thresholds');
    const sorted = findings
      .map((finding, order) => ({ finding, order }))
      .sort((a, b) => LEVEL_ORDER[a.finding.level] - LEVEL_ORDER[b.finding.level] || a.order - b.order)
      .map(({ finding }) => finding);
    return {
      version: 1,
      schema: 'modeldebug.run',
      createdAt: new Date().toISOString(),
      seconds: (performance.now() - started) / 1000,
      config: JSON.parse(JSON.stringify(config)),
      summary,
      findings: sorted,
      sections,
      thresholds,
      skipped,
      timings,
      warnings: data.repairs.map(describeRepair),
    };
  } finally {
    await executor.close();
  }
}

function defaultExecutor(config: RunConfig): (dataset: Dataset) => TaskExecutor {
  return (dataset) =>
    config.jobs === 1
      ? inProcessExecutor({ features: dataset.features, labels: dataset.labels })
      : createWorkerPool(dataset.features, dataset.labels, { jobs: Math.min(config.jobs, 64) });
}

function summarise(
  name: string,
  rows: number,
  models: readonly PlannedModel[],
  tuned: PlannedModel,
  config: RunConfig,
  sections: RunSections,
  train: Dataset,
): RunReportSummary {
  const final = sections.finalTest;
  const comparison = sections.modelComparison?.models.find((model) => model.spec === tuned.spec);
  const cvMetrics = Object.fromEntries(
    Object.entries(comparison?.scores ?? {}).map(([metric, stats]) => [metric, stats.mean]),
  );
  const metrics = final?.metrics ?? cvMetrics;
  return {
    dataset: name,
    rows,
    models: models.map((model) => model.spec),
    bestModel: tuned.spec,
    metric: config.metric,
    bestScore: metrics[config.metric] ?? Number.NaN,
    metrics,
    confusion: final
      ? {
          labels: final.confusion.labels,
          ...(final.confusion.predictedLabels ? { predictedLabels: final.confusion.predictedLabels } : {}),
          counts: final.confusion.counts,
        }
      : { labels: [...train.labels.classes], counts: [] },
  };
}
