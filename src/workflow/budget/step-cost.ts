import { tuningOf } from '../../catalog/index.js';
import type { StepName } from '../config-schema.js';
import { stepOptions } from '../config-schema.js';
import { reusableOutOfFold } from '../steps/error-analysis-step.js';
import type { StepRun } from '../workflow-step.js';
import { learningCurveFitUnits, MIN_CURVE_ROWS } from './curve-sample.js';
import type { RunBudget } from './run-budget.js';

/** A step's cost model: how many fits of the best model it makes, and on how many rows each. */
interface StepCost {
  /** Fits of the best model (coarse on purpose: the budget needs the order of magnitude). */
  fits(run: StepRun): number;
  /** The rows the step cross-validates on (default: the tuning sample); a fit trains on (cv − 1)/cv of them. */
  rows?(run: StepRun): number;
  /** Whether the step can run on a stratified sample of those rows (then it samples instead of skipping). */
  readonly samples?: boolean;
}

/** The rows whose training folds hold the curves' smallest sample. */
const smallestCurveRows = (rows: number, cv: number) =>
  Math.min(rows, Math.ceil((MIN_CURVE_ROWS * cv) / (cv - 1)));

const cappedRows = (rows: number, maxRows: number | undefined) =>
  maxRows === undefined || maxRows === 0 ? rows : Math.min(rows, maxRows);

/**
 * Each optional step's cost model, following each step's defaults (5 learning-curve sizes, ~6 curve
 * values, the search's grid on its sample, RFECV ~10 feature counts, the regularization path
 * warm-started on a sample, the error analysis' cross-validation unless it reuses the comparison's).
 */
const STEP_COSTS: Partial<Record<StepName, StepCost>> = {
  drift: { fits: () => 1 },
  // The curves sample their own rows to meet the deadline (planCurveSample): their estimate is that of
  // their smallest sample, so only a budget that cannot hold even that skips them.
  learning_curve: {
    fits: ({ input }) =>
      learningCurveFitUnits(
        stepOptions(input.config, 'learning_curve')?.train_sizes,
        input.tuningFolds.length,
        input.tuningFolds[0]?.train.length ?? 1,
      ),
    rows: ({ input }) => smallestCurveRows(input.tuning.features.rows, input.config.cv),
  },
  epoch_curve: { fits: () => 1 },
  validation_curve: {
    fits: ({ input }) =>
      (stepOptions(input.config, 'validation_curve')?.values?.length ?? 6) * input.config.cv,
    rows: ({ input }) => smallestCurveRows(input.tuning.features.rows, input.config.cv),
  },
  search: {
    fits: (run) => searchCandidates(run) * run.input.config.cv,
    rows: ({ input }) =>
      cappedRows(input.tuning.features.rows, stepOptions(input.config, 'search')?.max_rows),
    samples: true,
  },
  regularization: {
    fits: ({ input }) => ((stepOptions(input.config, 'regularization')?.cs ?? 12) * input.config.cv) / 4,
  },
  selection: { fits: ({ input }) => 10 * input.config.cv },
  ensemble: { fits: ({ input }) => input.config.cv },
  error_analysis: {
    fits: ({ input, state }) => (reusableOutOfFold(input, state.tuned) ? 0 : input.config.cv),
    rows: ({ input }) =>
      cappedRows(input.train.features.rows, stepOptions(input.config, 'error_analysis')?.max_rows),
    samples: true,
  },
  // Up to ~16 variants (and the samples), each out of fold, on at most max_rows of the training rows.
  llm_robustness: {
    fits: ({ input }) =>
      16 *
      input.config.cv *
      Math.min(
        1,
        (stepOptions(input.config, 'llm_robustness')?.max_rows ?? 200) / input.tuning.features.rows,
      ),
  },
};

/** The search's candidates: its grid's size (the config's or the model kind's), or its trials (10 by default). */
function searchCandidates({ input, state }: StepRun): number {
  const options = stepOptions(input.config, 'search');
  if (options?.strategy === 'random' || options?.strategy === 'tpe' || options?.space !== undefined)
    return options?.trials ?? 10;
  const grid = options?.grid ?? tuningOf(state.best.steps)?.grid ?? [];
  return grid.reduce((product, text) => product * text.slice(text.indexOf('=') + 1).split(',').length, 1);
}

/** Fewer rows than this and a fit says more about the sample than about the model: skip the step then. */
const MIN_SAMPLE_ROWS = 500;

/** The step's estimated seconds on `rows` rows, or undefined when there is no cost model or no fit measured yet. */
export function estimateStepSeconds(
  step: StepName,
  run: StepRun,
  budget: RunBudget,
  rows = stepRows(step, run),
): number | undefined {
  const cost = STEP_COSTS[step];
  if (cost === undefined) return undefined;
  const fits = cost.fits(run);
  if (fits === 0) return 0;
  const { cv } = run.input.config;
  const perFit = budget.fitSeconds(run.state.best.spec, Math.round((rows * (cv - 1)) / cv));
  return perFit === undefined ? undefined : fits * perFit;
}

function stepRows(step: StepName, run: StepRun): number {
  return STEP_COSTS[step]?.rows?.(run) ?? run.input.tuning.features.rows;
}

/** What the budget does to a step: nothing, a skip (with why) or a sample of so many rows (with why). */
export type BudgetPlan =
  | undefined
  | { readonly skip: string }
  | { readonly sampleRows: number; readonly why: string };

/**
 * Whether a step runs under the budget as it is, on a sample (a step that can sample, when the estimate
 * on all its rows goes past its deadline but one on at least 500 rows does not), or not at all. The
 * estimate is linear in the rows, as the budget's fit costs. Required steps always run.
 */
export function budgetPlan(step: StepName, run: StepRun, budget: RunBudget): BudgetPlan {
  const elapsed = budget.elapsed();
  const deadline = budget.deadlineFor(step);
  if (elapsed >= deadline)
    return { skip: `the budget (${budget.seconds} s) left no time for it (${elapsed.toFixed(0)} s used)` };
  const estimate = estimateStepSeconds(step, run, budget);
  if (estimate === undefined || elapsed + estimate <= deadline) return undefined;
  const left = deadline - elapsed;
  const why = `it would take about ${estimate.toFixed(0)} s and ${left.toFixed(0)} s of the budget (${budget.seconds} s) are left for it`;
  const rows = stepRows(step, run);
  const affordable = Math.floor((rows * left) / estimate);
  if (STEP_COSTS[step]?.samples && affordable >= MIN_SAMPLE_ROWS) return { sampleRows: affordable, why };
  return { skip: why };
}
