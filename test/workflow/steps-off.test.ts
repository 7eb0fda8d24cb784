import { describe, expect, it } from 'vitest';
import { plannedStepCount, runConfigSchema } from '../../src/workflow/index.js';
import { RUN_STEPS } from '../../src/workflow/run-steps.js';
import { stepsOff } from '../helpers/steps-off.js';

function configWith(steps: object) {
  return runConfigSchema.parse({ data: { train: 'train.csv', label: 'y' }, models: ['logistic'], steps });
}

describe('stepsOff (test helper)', () => {
  it('turns off every step of run, so a config with none kept plans no step', () => {
    const config = configWith(stepsOff());
    for (const step of RUN_STEPS) expect(config.steps[step.id], step.id).toBe(false);
    expect(plannedStepCount(config)).toBe(0);
  });

  it('keeps exactly the named steps on, with their defaults, and lets a kept step take options', () => {
    const config = configWith({ ...stepsOff('baseline', 'search'), baseline: { race: false } });
    const on = RUN_STEPS.filter((step) => config.steps[step.id] !== false).map((step) => step.id);
    expect(on).toEqual(['baseline', 'search']);
    expect(config.steps.search).toBe(true);
    expect(config.steps.baseline).toEqual({ race: false, race_min_rows: 1000, max_fold_rows: 16000 });
    expect(plannedStepCount(config)).toBe(2);
  });
});
