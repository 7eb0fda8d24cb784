import type { ComplexitySweep } from '../analysis/index.js';
import { ModeldebugError } from '../core/errors.js';
import type { Dataset } from '../data/index.js';
import { type RunConfig, type StepName, stepOptions } from './config-schema.js';
import type { PlannedModel } from './model-plans.js';
import type { PreparedData } from './prepare-data.js';
import type { CurveSampleData, RunFinding, RunSections } from './report-types.js';
import type { StepInput } from './step-context.js';

/** The models a run carries from step to step: the comparison picks `best`, the search tunes it. */
export interface RunState {
  readonly models: readonly PlannedModel[];
  readonly best: PlannedModel;
  /** The models that fitted in the comparison (all of them when it did not run). */
  readonly compared: readonly PlannedModel[];
  readonly tuned: PlannedModel;
  /** The learning curve's sweep of the best model's complexity control, which its validation curve reuses. */
  readonly complexitySweep?: {
    readonly model: string;
    readonly sweep: ComplexitySweep;
    /** The rows its fits took (null: every training row of each fold). */
    readonly sample: CurveSampleData | null;
  };
}

/** What a step is given: the shared input, the models so far, and the prepared train and test data. */
export interface StepRun {
  readonly input: StepInput;
  readonly state: RunState;
  readonly data: PreparedData;
  readonly test: Dataset;
}

/** A step's report section(s), its findings, and any change to the models carried on. */
export interface StepOutcome {
  readonly sections: RunSections;
  readonly findings: readonly RunFinding[];
  readonly state?: Partial<Pick<RunState, 'best' | 'compared' | 'tuned' | 'complexitySweep'>>;
}

/**
 * One step of `run`: adding a step is its file (this descriptor next to its runner) plus one line in
 * RUN_STEPS. A step runs when the config enables it and `appliesWhen` holds; bad input (a
 * ModeldebugError) skips an optional step with the reason, and stops the run in a `required` one.
 */
export interface WorkflowStep {
  readonly id: StepName;
  readonly required?: boolean;
  appliesWhen?(run: StepRun): boolean;
  /** What can be told from the config alone, before anything runs (for the progress line's step count). */
  appliesToConfig?(config: RunConfig): boolean;
  /** What the progress line says while it runs. */
  detail(run: StepRun): string;
  run(run: StepRun): Promise<StepOutcome | { readonly skipped: string }>;
  /** What the progress line says when it is done (default "done"). */
  outcome?(result: StepOutcome): string;
}

/** The step's options from the config; the workflow runs only enabled steps, so they are there. */
export function optionsOf<K extends StepName>(
  config: RunConfig,
  id: K,
): NonNullable<ReturnType<typeof stepOptions<K>>> {
  const options = stepOptions(config, id);
  if (options === undefined) throw new ModeldebugError('internal', `step ${id} ran while disabled`);
  return options;
}
