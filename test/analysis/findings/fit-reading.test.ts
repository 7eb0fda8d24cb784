import { describe, expect, it } from 'vitest';
import {
  type ComplexitySweep,
  type CurveVerdict,
  learningCurveVerdict,
  readModelFit,
  validationCurveVerdict,
} from '../../../src/analysis/index.js';
import type { CurvePoint } from '../../../src/selection/index.js';

/** A curve point from per-fold scores (five folds), means as the curves compute them. */
function point(train: readonly number[], test: readonly number[]): CurvePoint {
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    trainScores: train,
    testScores: test,
    trainMean: mean(train),
    testMean: mean(test),
    trainStd: 0,
    testStd: 0,
    fitSeconds: 0,
  };
}

const shift = (xs: readonly number[], by: number) => xs.map((x) => x + by);
const TRAIN = [0.46, 0.47, 0.45, 0.46, 0.47];
const TEST = [0.43, 0.44, 0.42, 0.44, 0.43];

function verdictOf(largest: CurvePoint): CurveVerdict {
  const smaller = point(
    shift(largest.trainScores as number[], 0.01),
    shift(largest.testScores as number[], 0),
  );
  return learningCurveVerdict([100, 200], [smaller, largest], 'accuracy');
}

function sweepOf(values: readonly number[], points: readonly CurvePoint[], current: number): ComplexitySweep {
  return {
    control: { step: 'logreg', param: 'C', moreComplexWhen: 'up', probeValues: values },
    param: 'logreg.C',
    current,
    values,
    points,
    scoring: 'accuracy',
  };
}

describe('underfitting: the model fits its own training rows worse than a flexible model predicts unseen ones', () => {
  const model = point(TRAIN, TEST);

  it('is read from a reference that scores above the train score on the same folds, and recommends it', () => {
    const reading = readModelFit(
      verdictOf(model),
      model,
      undefined,
      [{ change: 'hgb(random_state=0)', point: point(shift(TRAIN, 0.45), shift(TEST, 0.44)) }],
      'accuracy',
    );
    expect(reading.verdict.diagnosis).toBe('high-bias');
    expect(reading.finding?.code).toBe('underfitting');
    expect(reading.finding?.verified).toBe(true);
    expect(reading.finding?.suggestion).toMatch(/^use hgb\(random_state=0\)/);
    expect(reading.finding?.gain?.mean).toBeCloseTo(0.44, 10);
  });

  it('is not read when the reference only matches the model on its training rows (no bias beyond noise)', () => {
    // The reference's CV ties the model's train score fold by fold: a little better than its CV, no more.
    const reference = point(shift(TRAIN, 0.1), [0.47, 0.46, 0.46, 0.45, 0.47]);
    const reading = readModelFit(
      verdictOf(model),
      model,
      undefined,
      [{ change: 'hgb', point: reference }],
      'accuracy',
    );
    expect(reading.finding).toBeUndefined();
    expect(reading.verdict.diagnosis).not.toBe('high-bias');
  });

  it('is not read when the curves are far apart: a wide gap is variance, whatever a reference scores', () => {
    const wide = point([0.99, 0.98, 0.99, 0.99, 0.98], TEST);
    const reading = readModelFit(
      verdictOf(wide),
      wide,
      undefined,
      [{ change: 'hgb', point: point(TRAIN, shift(TEST, 0.3)) }],
      'accuracy',
    );
    expect(reading.finding?.code).not.toBe('underfitting');
  });
});

describe('the complexity advice and the validation curve are one measurement (issue 14: "lowering C" next to "use C=100")', () => {
  const values = [0.01, 0.1, 1, 10, 100];
  // A wide train–CV gap at C=1, but larger C scores higher on every fold.
  const points = [
    point([0.6, 0.6, 0.6, 0.6, 0.6], [0.55, 0.56, 0.54, 0.55, 0.56]),
    point([0.8, 0.8, 0.8, 0.8, 0.8], [0.7, 0.71, 0.69, 0.7, 0.72]),
    point([0.95, 0.94, 0.95, 0.96, 0.95], [0.86, 0.87, 0.85, 0.87, 0.86]),
    point([0.99, 0.99, 0.99, 0.99, 0.99], [0.91, 0.92, 0.9, 0.92, 0.91]),
    point([1, 1, 1, 1, 1], [0.93, 0.94, 0.93, 0.94, 0.95]),
  ];
  const sweep = sweepOf(values, points, 1);

  it('raises no overfitting when a more complex value is better beyond noise, and names the same value', () => {
    const curve = verdictOf(points[2]);
    expect(curve.diagnosis).toBe('high-variance');
    const reading = readModelFit(curve, points[2], sweep, [], 'accuracy');
    const validation = validationCurveVerdict('C', values, points, 'accuracy', 1)!;
    expect(validation.verified).toBe(true);
    expect(validation.bestValue).toBe(100);
    expect(reading.finding).toBeUndefined();
    expect(reading.verdict.diagnosis).not.toBe('high-variance');
    expect(reading.verdict.summary).toContain('C=100');
    expect(reading.probe?.direction).toBe('more-complex');
    expect(reading.probe?.best?.value).toBe(validation.bestValue);
  });

  it("recommends a simpler value only when it is the validation curve's own verified pick", () => {
    // Mirror image: smaller C is better on every fold.
    const mirrored = sweepOf(values, [...points].reverse(), 1);
    const reading = readModelFit(verdictOf(points[2]), points[2], mirrored, [], 'accuracy');
    const validation = validationCurveVerdict('C', values, mirrored.points, 'accuracy', 1)!;
    expect(reading.finding?.code).toBe('overfitting');
    expect(reading.finding?.suggestion).toBe(
      `use C=${String(validation.bestValue)}: the gain is above fold-to-fold noise`,
    );
    expect(reading.finding?.verified).toBe(true);
  });
});
