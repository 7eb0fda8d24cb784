import { describe, expect, it } from 'vitest';
import { numericFeatures } from '../../src/core/features.js';
import { encodeLabels } from '../../src/core/labels.js';
import { createMatrix } from '../../src/core/matrix.js';
import { stratifiedKFold } from '../../src/splits/index.js';
import { MIN_CURVE_ROWS, planCurveSample } from '../../src/workflow/budget/curve-sample.js';
import { createRunBudget } from '../../src/workflow/budget/run-budget.js';
import { budgetPlan } from '../../src/workflow/budget/step-cost.js';
import { type RunConfigInput, runConfigSchema } from '../../src/workflow/index.js';
import type { StepRun } from '../../src/workflow/workflow-step.js';

/** 12,000 rows of `columns` columns, classes a/b/c in proportions 6:3:1, five stratified folds. */
function tuningInput(columns: number, config: Partial<RunConfigInput> = {}) {
  const rows = 12_000;
  const labels = encodeLabels(
    Array.from({ length: rows }, (_, i) => (i % 10 < 6 ? 'a' : i % 10 < 9 ? 'b' : 'c')),
  );
  const features = numericFeatures(createMatrix(rows, columns));
  return {
    config: runConfigSchema.parse({ data: { example: 'iris' }, ...config }),
    tuning: { source: 'planted', labelColumn: 'y', features, labels },
    tuningFolds: stratifiedKFold(labels.codes, 5, { shuffle: true, seed: 0 }).folds,
    budget: undefined,
  };
}

function classShares(rows: Int32Array, codes: Int32Array): number[] {
  const counts = [0, 0, 0];
  for (const row of rows) counts[codes[row]]++;
  return counts.map((count) => count / rows.length);
}

describe("run's curves fit on a stratified sample of each fold's training rows on big data", () => {
  it('auto: about 100,000 cells per fit, in the class proportions, ascending, within the fold, seeded', () => {
    const input = tuningInput(50);
    const sample = planCurveSample(input, 'learning_curve', 'gnb', 60);
    // 9,600 training rows per fold; 100,000 cells of 50 columns are 2,000 rows.
    expect(sample.of).toBe(9600);
    expect(sample.trainRows).toBe(2000);
    expect(sample.reason).toMatch(/stratified sample of 2000 of each fold's 9600 training rows/);
    sample.folds.forEach((fold, k) => {
      const whole = input.tuningFolds[k];
      expect(fold.train).toHaveLength(2000);
      expect(fold.test).toBe(whole.test);
      const inFold = new Set(whole.train);
      expect([...fold.train].every((row) => inFold.has(row))).toBe(true);
      expect([...fold.train]).toEqual([...fold.train].sort((a, b) => a - b));
      const codes = input.tuning.labels.codes;
      classShares(fold.train, codes).forEach((share, c) => {
        expect(share).toBeCloseTo(classShares(whole.train, codes)[c], 3);
      });
    });
    const again = planCurveSample(input, 'learning_curve', 'gnb', 60);
    expect(again.folds.map((fold) => [...fold.train])).toEqual(sample.folds.map((fold) => [...fold.train]));
  });

  it('takes every row on narrow data, with sample_rows: all, and at least the row counts asked for', () => {
    expect(planCurveSample(tuningInput(10), 'learning_curve', 'gnb', 60).reason).toBeUndefined();
    const all = tuningInput(50, { curves: { sample_rows: 'all' } });
    const whole = planCurveSample(all, 'validation_curve', 'gnb', 30);
    expect(whole.folds).toBe(all.tuningFolds);
    expect(whole.reason).toBeUndefined();
    const capped = planCurveSample(
      tuningInput(50, { curves: { sample_rows: 500 } }),
      'learning_curve',
      'gnb',
      60,
    );
    expect(capped.trainRows).toBe(500);
    expect(capped.reason).toMatch(/curves\.sample_rows: 500/);
    expect(planCurveSample(tuningInput(50), 'learning_curve', 'gnb', 60, 4000).trainRows).toBe(4000);
  });

  it('under a budget, samples fewer rows from the measured fit cost and records the cut', () => {
    let now = 0;
    const budget = createRunBudget(100, () => now);
    // 2 s per fit on 3,000 rows: 1.33 s on the 2,000 of the sample, 60 fits 80 s; with 30 s used, 60 s are
    // left before the 90 s deadline, enough for 1,500 rows.
    budget.noteFits('gnb', 3000, 2);
    now = 30_000;
    const sample = planCurveSample({ ...tuningInput(50), budget }, 'learning_curve', 'gnb', 60);
    expect(sample.trainRows).toBe(1500);
    expect(budget.cuts).toEqual([
      { step: 'learning_curve', what: expect.stringMatching(/sample of 1500 .* about 80 s and 60 s/) },
    ]);
    // Never below the minimum, however little is left: then the step is skipped before it starts.
    now = 89_000;
    expect(planCurveSample({ ...tuningInput(50), budget }, 'learning_curve', 'gnb', 60).trainRows).toBe(
      MIN_CURVE_ROWS,
    );
  });

  it('the budget skips a curve only when even its smallest sample would overrun', () => {
    let now = 0;
    const budget = createRunBudget(100, () => now);
    const input = { ...tuningInput(50), budget, train: undefined };
    const run = { input, state: { best: { spec: 'gnb' } } } as unknown as StepRun;
    // A fold's 9,600 rows take 10 s a fit: the whole curve would take minutes, its 1,000-row minimum
    // (about 1 s a fit, 60 fits) about 65 s.
    budget.noteFits('gnb', 9600, 10);
    now = 20_000;
    expect(budgetPlan('learning_curve', run, budget)).toBeUndefined();
    now = 40_000;
    expect(budgetPlan('learning_curve', run, budget)).toEqual({ skip: expect.stringMatching(/about 65 s/) });
  });
});
