import type { ModelRuntime } from '../catalog/index.js';
import { isModeldebugError, ModeldebugError } from '../core/errors.js';
import { type Dataset, describeRepair } from '../data/index.js';
import { createWorkerPool } from '../parallel/index.js';
import { inProcessExecutor, type TaskExecutor } from '../selection/index.js';
import { stratifiedKFold } from '../splits/index.js';
import { createRunBudget } from './budget/run-budget.js';
import { budgetPlan } from './budget/step-cost.js';
import { calibrationFinding } from './calibration-finding.js';
import { type RunConfig, stepOptions } from './config-schema.js';
import { withoutUnderfitLabelErrors } from './label-error-gate.js';
import { defaultModels, type PlannedModel, planModel } from './model-plans.js';
import { prepareData, sampleRows } from './prepare-data.js';
import { rankFindings } from './rank-findings.js';
import type { RunFinding, RunReport, RunReportSummary, RunSections } from './report-types.js';
import { RUN_STEPS } from './run-steps.js';
import type { StepInput, WorkflowContext } from './step-context.js';
import { checkThresholds } from './thresholds.js';
import type { RunState, StepOutcome, StepRun, WorkflowStep } from './workflow-step.js';

/**
 * The whole diagnosis, step by step: data checks, model comparison, curves, tuning, regularization,
 * feature selection, ensembles, error analysis and the final held-out evaluation. A step that fails on
 * bad input is reported as skipped with its reason; the others still run.
 */
export async function runWorkflow(config: RunConfig, context: WorkflowContext = {}): Promise<RunReport> {
  const now = context.now ?? (() => performance.now());
  const started = now();
  const budget = config.budget === undefined ? undefined : createRunBudget(config.budget, now);
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
  const models = config.models?.map(planModel) ?? defaultModels(train);
  const build = context.build ?? {};
  const executor = (context.createExecutor ?? defaultExecutor(config, build))(tuning);
  const input: StepInput = {
    config,
    train,
    trainFileRows: data.trainFileRows,
    tuning,
    tuningFolds: stratifiedKFold(tuning.labels.codes, config.cv, { shuffle: true, seed: config.seed }).folds,
    executor,
    build,
    signal: context.signal,
    onFits: (done, total) => progress?.fits(done, total),
    outOfFold: new Map(),
    budget,
  };

  async function timed<T>(
    step: string,
    detail: string,
    work: () => Promise<T>,
    outcome: (value: T) => string,
  ): Promise<T> {
    progress?.stepStarted(step, detail);
    const stepStarted = now();
    const value = await work();
    timings[step] = (now() - stepStarted) / 1000;
    progress?.stepDone(step, timings[step], outcome(value));
    return value;
  }

  /** Runs a step; bad input (a ModeldebugError) skips an optional one with the reason. */
  async function runStep(step: WorkflowStep, run: StepRun): Promise<StepOutcome | undefined> {
    try {
      const value = await timed(
        step.id,
        step.detail(run),
        () => step.run(run),
        (v) => ('skipped' in v ? `skipped: ${v.skipped}` : (step.outcome?.(v) ?? 'done')),
      );
      if (!('skipped' in value)) return value;
      if (step.required) throw new ModeldebugError('internal', `step ${step.id} cannot be skipped`);
      skipped.push({ step: step.id, reason: value.skipped });
      return undefined;
    } catch (error) {
      if (step.required || !isModeldebugError(error)) throw error;
      skipped.push({ step: step.id, reason: error.message });
      progress?.stepDone(step.id, 0, `failed: ${error.message}`);
      return undefined;
    }
  }

  try {
    let state: RunState = { models, best: models[0], compared: models, tuned: models[0] };
    for (const step of RUN_STEPS) {
      if (stepOptions(config, step.id) === undefined) continue;
      const run: StepRun = { input, state, data, test };
      if (step.appliesWhen && !step.appliesWhen(run)) continue;
      const plan = budget && !step.required ? budgetPlan(step.id, run, budget) : undefined;
      if (plan && 'skip' in plan) {
        budget?.cut(step.id, `skipped: ${plan.skip}`);
        skipped.push({ step: step.id, reason: `budget: ${plan.skip}` });
        progress?.stepStarted(step.id, step.detail(run));
        progress?.stepDone(step.id, 0, `skipped for the time budget: ${plan.skip}`);
        continue;
      }
      if (plan) {
        budget?.limitRows(step.id, plan.sampleRows);
        budget?.cut(step.id, `ran on a stratified sample of ${plan.sampleRows} rows: ${plan.why}`);
      }
      const outcome = await runStep(step, run);
      if (!outcome) continue;
      Object.assign(sections, outcome.sections);
      findings.push(...outcome.findings);
      state = { ...state, ...outcome.state };
    }
    const { tuned } = state;
    const gated = withoutUnderfitLabelErrors(findings, sections);
    findings.splice(0, findings.length, ...gated.findings);
    if (gated.errorAnalysis) sections.errorAnalysis = gated.errorAnalysis;

    const calibration = calibrationFinding(sections);
    if (calibration?.finding) findings.push(calibration.finding);
    if (calibration && sections.finalTest)
      sections.finalTest = { ...sections.finalTest, calibrationVerdict: calibration.verdict };

    const summary = summarise(data.name, data.rows, models, tuned, config, sections, train);
    const thresholds = checkThresholds(config.thresholds, summary.metrics, 'thresholds');
    const sorted = rankFindings(findings);
    return {
      version: 1,
      schema: 'modeldebug.run',
      createdAt: new Date().toISOString(),
      seconds: (now() - started) / 1000,
      config: JSON.parse(JSON.stringify(config)),
      summary,
      findings: sorted,
      sections,
      thresholds,
      skipped,
      timings,
      ...(budget ? { budget: { seconds: budget.seconds, cuts: [...budget.cuts] } } : {}),
      warnings: data.repairs.map(describeRepair),
    };
  } finally {
    await executor.close();
  }
}

/** In-process executors build with the run's runtime; worker threads get the part that crosses a thread. */
function defaultExecutor(config: RunConfig, runtime: ModelRuntime): (dataset: Dataset) => TaskExecutor {
  return (dataset) =>
    config.jobs === 1
      ? inProcessExecutor({ features: dataset.features, labels: dataset.labels, runtime })
      : createWorkerPool(dataset.features, dataset.labels, {
          jobs: Math.min(config.jobs, 64),
          runtime: { cacheFile: runtime.cacheFile },
        });
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
