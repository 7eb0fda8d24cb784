import { describe, expect, it } from 'vitest';
import { learningCurveVerdict, validationCurveVerdict } from '../../../src/analysis/index.js';
import type { CurvePoint } from '../../../src/selection/index.js';

/** A crafted curve point: mean train and CV scores (folds all equal). */
const point = (train: number | null, test: number | null): CurvePoint => ({
  trainScores: [train, train],
  testScores: [test, test],
  trainMean: train,
  testMean: test,
  trainStd: train === null ? null : 0,
  testStd: test === null ? null : 0,
  fitSeconds: 0,
});
const sizes = [100, 200, 300, 400];

describe('learning curve verdicts', () => {
  it('high variance: a wide train–CV gap, with the gap in the words', () => {
    const verdict = learningCurveVerdict(
      sizes,
      [point(1, 0.7), point(1, 0.74), point(0.99, 0.76), point(0.99, 0.765)],
      'accuracy',
    );
    expect(verdict.diagnosis).toBe('high-variance');
    expect(verdict.summary).toContain('gap of 22.5 pp at 400 rows');
    expect(verdict.nextStep).toMatch(/make the model simpler/);
    // The verdict knows no model: naming a param (a tree told "smaller C") is the workflow's probe's job.
    expect(verdict.nextStep).not.toMatch(/\bC\b/);
  });

  it('high variance still climbing: more data would help, with the gain', () => {
    const verdict = learningCurveVerdict(
      sizes,
      [point(1, 0.6), point(1, 0.7), point(1, 0.75), point(1, 0.8)],
      'f1',
    );
    expect(verdict.diagnosis).toBe('high-variance');
    expect(verdict.nextStep).toContain(
      'more data would help (CV f1 changed by +5.0 pp from 300 to 400 training rows)',
    );
  });

  it('high bias: low scores with train and CV close together', () => {
    const verdict = learningCurveVerdict(
      sizes,
      [point(0.7, 0.66), point(0.69, 0.675), point(0.685, 0.68), point(0.684, 0.681)],
      'accuracy',
    );
    expect(verdict.diagnosis).toBe('high-bias');
    expect(verdict.nextStep).toMatch(/more flexible model/);
    expect(verdict.nextStep).not.toMatch(/\bC\b/);
  });

  it('more data: a small gap but CV still rising', () => {
    const verdict = learningCurveVerdict(
      sizes,
      [point(0.99, 0.9), point(0.98, 0.93), point(0.98, 0.95), point(0.98, 0.965)],
      'accuracy',
    );
    expect(verdict.diagnosis).toBe('more-data');
    expect(verdict.nextStep).toContain('changed by +1.5 pp from 300 to 400');
  });

  it('converged: close, flat, high', () => {
    const verdict = learningCurveVerdict(
      sizes,
      [point(0.99, 0.9), point(0.98, 0.96), point(0.975, 0.965), point(0.975, 0.966)],
      'accuracy',
    );
    expect(verdict.diagnosis).toBe('converged');
  });

  it('skips failed sizes, and is inconclusive when all failed', () => {
    expect(
      learningCurveVerdict(
        sizes,
        [point(null, null), point(1, 0.7), point(1, 0.72), point(1, 0.73)],
        'accuracy',
      ).diagnosis,
    ).toBe('high-variance');
    expect(learningCurveVerdict([1], [point(null, null)], 'accuracy').diagnosis).toBe('inconclusive');
  });
});

describe('validation curve verdicts', () => {
  const values = [0.01, 0.1, 1, 10];
  const points = [point(0.8, 0.78), point(0.9, 0.88), point(0.97, 0.87), point(1, 0.859)];

  it('names the best value and its gain over the current one, as stronger regularization for a smaller C', () => {
    const verdict = validationCurveVerdict('C', values, points, 'f1_weighted', 10)!;
    expect(verdict.bestValue).toBe(0.1);
    expect(verdict.nextStep).toBe(
      'stronger regularization: C=0.1 changed CV f1_weighted by +2.1 pp (95 % CI +2.1 to +2.1 pp) over the current C=10 (0.8590 → 0.8800)',
    );
    expect(verdict.verified).toBe(true);
  });

  it('says weaker regularization when the best C is larger, and keep when the current value is best', () => {
    expect(validationCurveVerdict('logreg.C', values, points, 'accuracy', 0.01)!.nextStep).toMatch(
      /^weaker regularization: logreg.C=0.1 changed CV accuracy by \+10.0 pp/,
    );
    expect(validationCurveVerdict('C', values, points, 'accuracy', 0.1)!.nextStep).toMatch(/^keep C=0.1/);
  });

  it('recommends no value whose paired gain is within fold noise (the "C=0.1 raised f1 by 0.0 pp" of issue 14)', () => {
    // Per-fold CV scores: C=0.1 wins two folds and loses two, a mean gain of +0.01 pp.
    const noisy = (tests: number[]): CurvePoint => ({
      trainScores: tests.map(() => 1),
      testScores: tests,
      trainMean: 1,
      testMean: tests.reduce((a, b) => a + b, 0) / tests.length,
      trainStd: 0,
      testStd: 0,
      fitSeconds: 0,
    });
    const verdict = validationCurveVerdict(
      'C',
      [0.1, 1],
      [noisy([0.9002, 0.8, 0.9002, 0.8]), noisy([0.8, 0.9, 0.8, 0.9])],
      'f1_weighted',
      1,
    )!;
    expect(verdict.bestValue).toBe(0.1);
    expect(verdict.verified).toBe(false);
    expect(verdict.gain!.low).toBeLessThan(0);
    expect(verdict.nextStep).toMatch(
      /within fold-to-fold noise, so no value is shown to beat the current C=1/,
    );
    expect(verdict.nextStep).not.toMatch(/regularization/);
    expect(verdict.nextStep).not.toMatch(/[^+-]0\.0 pp|-0\.0 pp/);
  });
});
