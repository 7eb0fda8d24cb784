import type { StepName } from '../config-schema.js';
import { stepOptions } from '../config-schema.js';
import type { StepRun } from '../workflow-step.js';
import { learningCurveFitUnits, MIN_CURVE_ROWS } from './curve-sample.js';
import type { RunBudget } from './run-budget.js';

/**
 * Each optional step's cost model, in fits of the best model on a training fold of the tuning rows
 * (what the comparison measured). Coarse on purpose: the budget needs the order of magnitude, and the
 * counts follow each step's defaults (5 learning-curve sizes, ~6 curve values, a grid of ~8, RFECV
 * ~10 feature counts, the regularization path warm-started on a sample).
 */
const FITS_PER_STEP: Partial<Record<StepName, (run: StepRun) => number>> = {
  drift: () => 1,
  learning_curve: ({ input }) =>
    learningCurveFitUnits(
      stepOptions(input.config, 'learning_curve')?.train_sizes,
      input.tuningFolds.length,
      input.tuningFolds[0]?.train.length ?? 1,
    ),
  epoch_curve: () => 1,
  validation_curve: ({ input }) =>
    (stepOptions(input.config, 'validation_curve')?.values?.length ?? 6) * input.config.cv,
  search: ({ input }) => 8 * input.config.cv,
  regularization: ({ input }) =>
    ((stepOptions(input.config, 'regularization')?.cs ?? 12) * input.config.cv) / 4,
  selection: ({ input }) => 10 * input.config.cv,
  ensemble: ({ input }) => input.config.cv,
  error_analysis: () => 1,
  // Up to ~16 variants (and the samples), each out of fold, on at most max_rows of the training rows.
  llm_robustness: ({ input }) =>
    16 *
    input.config.cv *
    Math.min(1, (stepOptions(input.config, 'llm_robustness')?.max_rows ?? 200) / input.tuning.features.rows),
};

/**
 * Steps that sample rows to meet their deadline (planCurveSample) instead of being skipped: their
 * estimate is that of their smallest sample, so only a budget that cannot hold even that skips them.
 */
const SAMPLING_STEPS: ReadonlySet<StepName> = new Set(['learning_curve', 'validation_curve']);

/**
 * The step's estimated seconds, or undefined when there is no cost model or no fit measured yet. A
 * sampling step's is the least it can do.
 */
export function estimateStepSeconds(step: StepName, run: StepRun, budget: RunBudget): number | undefined {
  const fits = FITS_PER_STEP[step]?.(run);
  if (fits === undefined) return undefined;
  const { tuning, config } = run.input;
  const foldRows = Math.round((tuning.features.rows * (config.cv - 1)) / config.cv);
  const rows = SAMPLING_STEPS.has(step) ? Math.min(foldRows, MIN_CURVE_ROWS) : foldRows;
  const perFit = budget.fitSeconds(run.state.best.spec, rows);
  return perFit === undefined ? undefined : fits * perFit;
}

/**
 * Why a step does not run under the budget (its estimate goes past its deadline), or undefined when it
 * fits. Required steps always run.
 */
export function budgetSkipReason(step: StepName, run: StepRun, budget: RunBudget): string | undefined {
  const elapsed = budget.elapsed();
  const deadline = budget.deadlineFor(step);
  if (elapsed >= deadline)
    return `the budget (${budget.seconds} s) left no time for it (${elapsed.toFixed(0)} s used)`;
  const estimate = estimateStepSeconds(step, run, budget);
  if (estimate === undefined || elapsed + estimate <= deadline) return undefined;
  return `it would take about ${estimate.toFixed(0)} s and ${Math.max(0, deadline - elapsed).toFixed(0)} s of the budget (${budget.seconds} s) are left for it`;
}
