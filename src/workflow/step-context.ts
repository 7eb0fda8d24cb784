import type { MemberOutOfFold } from '../analysis/index.js';
import type { ModelRuntime } from '../catalog/index.js';
import type { Dataset } from '../data/index.js';
import type { TaskExecutor } from '../selection/index.js';
import type { Fold } from '../splits/index.js';
import type { RunBudget } from './budget/run-budget.js';
import type { RunConfig } from './config-schema.js';
import type { PlannedModel } from './model-plans.js';

/** Where a run reports what it is doing: one step at a time, with fits done out of planned. */
export interface WorkflowProgress {
  stepStarted(step: string, detail: string): void;
  fits(done: number, total: number | undefined): void;
  stepDone(step: string, seconds: number, outcome: string): void;
}

export interface WorkflowContext {
  /** Default: a worker pool of `config.jobs` threads, or in-process for 1. */
  readonly createExecutor?: (dataset: Dataset) => TaskExecutor;
  readonly progress?: WorkflowProgress;
  /** How the steps that fit here (not through the executor) build models, e.g. an LLM runtime. */
  readonly build?: ModelRuntime;
  readonly signal?: AbortSignal;
  /**
   * The run's clock in milliseconds, for the budget and the step timings; default performance.now. A
   * test passes a simulated one to check what a budget cuts without depending on the machine's speed.
   */
  readonly now?: () => number;
}

/** What every step runner gets. */
export interface StepInput {
  readonly config: RunConfig;
  /** The training rows (the final test rows are not here). */
  readonly train: Dataset;
  /** The 0-based data row of the user's `data` file behind each row of `train`: findings name these. */
  readonly trainFileRows: Int32Array;
  /** The training rows sampled down to `max_rows` for curves, search and selection. */
  readonly tuning: Dataset;
  /** Shuffled stratified folds of `tuning`, shared by the curves and the search. */
  readonly tuningFolds: readonly Fold[];
  readonly executor: TaskExecutor;
  /** Pass to buildModel: what the workflow's context says about building models here. */
  readonly build: ModelRuntime;
  readonly signal?: AbortSignal;
  readonly onFits: (done: number, total: number | undefined) => void;
  /**
   * Out-of-fold outputs of the models the comparison cross-validated on `train` (keyed by spec), so the
   * ensemble step combines them instead of fitting every member again. Filled by the comparison.
   */
  readonly outOfFold?: Map<string, MemberOutOfFold>;
  /** The run's time budget, when it has one: steps check their deadline and record what they cut. */
  readonly budget?: RunBudget;
}

export type { PlannedModel };
