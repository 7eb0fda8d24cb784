import { runConfigSchema, type StepName } from '../../src/workflow/index.js';

/**
 * A run config's `steps` with every step off but `kept` (on with its defaults). The names come from the
 * config schema, so a step added later is off here too and a test about one step does not start running it.
 * Spread it and override a kept step's options: `{ ...stepsOff('baseline'), baseline: { race: false } }`.
 */
export function stepsOff(...kept: readonly StepName[]): Record<StepName, boolean> {
  const names = Object.keys(runConfigSchema.shape.steps.unwrap().shape) as StepName[];
  return Object.fromEntries(names.map((name) => [name, kept.includes(name)])) as Record<StepName, boolean>;
}
