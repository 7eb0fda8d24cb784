import { describe, expect, it } from 'vitest';
import { createBinaryLogisticObjective } from '../../src/optim/binary-logistic-objective.js';
import { minimizeLbfgs } from '../../src/optim/lbfgs.js';
import { createMultinomialLogisticObjective } from '../../src/optim/multinomial-logistic-objective.js';
import type { CompositeObjective, SmoothObjective } from '../../src/optim/objective.js';
import { minimizeOwlqn, pseudoGradient } from '../../src/optim/owlqn.js';
import { loadCase, loadFixture } from '../models/logistic-regression/fixture-data.js';

/** f(x) = Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1). */
const rosenbrock = (n: number): SmoothObjective => ({
  dimension: n,
  evaluate(x, g) {
    g.fill(0);
    let f = 0;
    for (let i = 0; i < n - 1; i++) {
      const a = x[i + 1] - x[i] * x[i];
      const b = 1 - x[i];
      f += 100 * a * a + b * b;
      g[i] += -400 * a * x[i] - 2 * b;
      g[i + 1] += 200 * a;
    }
    return f;
  },
});

/** f(x) = 0.5·Σ d_i (x_i − c_i)²: with L1 weight λ the minimiser is soft-thresholding, sign(c)·max(|c| − λ/d, 0). */
const separableQuadratic = (d: Float64Array, c: Float64Array): SmoothObjective => ({
  dimension: d.length,
  evaluate(x, g) {
    let f = 0;
    for (let i = 0; i < d.length; i++) {
      const r = x[i] - c[i];
      f += 0.5 * d[i] * r * r;
      g[i] = d[i] * r;
    }
    return f;
  },
});

describe('L-BFGS', () => {
  it('reaches the Rosenbrock minimum with a tiny gradient', () => {
    const result = minimizeLbfgs(rosenbrock(10), new Float64Array(10).fill(-1.2), {
      gradientTolerance: 1e-10,
      maxIterations: 1000,
    });
    expect(result.converged).toBe(true);
    expect(result.reason).toBe('gradient');
    for (const v of result.x) expect(v).toBeCloseTo(1, 8);
  });

  it('reports max_iterations without converging', () => {
    const result = minimizeLbfgs(rosenbrock(4), new Float64Array(4), {
      gradientTolerance: 1e-12,
      maxIterations: 3,
    });
    expect(result.converged).toBe(false);
    expect(result.reason).toBe('max_iterations');
    expect(result.iterations).toBe(3);
  });
});

describe('OWL-QN', () => {
  it('solves a separable lasso exactly (soft thresholding, exact zeros)', () => {
    const d = Float64Array.of(1, 2, 4, 0.5, 3);
    const c = Float64Array.of(3, -0.2, -2, 0.1, 0.5);
    const lambda = 1;
    const result = minimizeOwlqn(
      { smooth: separableQuadratic(d, c), l1Weights: new Float64Array(5).fill(lambda) },
      new Float64Array(5),
      { gradientTolerance: 1e-12, maxIterations: 200 },
    );
    expect(result.converged).toBe(true);
    c.forEach((ci, i) => {
      const expected = Math.sign(ci) * Math.max(Math.abs(ci) - lambda / d[i], 0);
      if (expected === 0) expect(result.x[i]).toBe(0);
      else expect(result.x[i]).toBeCloseTo(expected, 10);
    });
  });

  it('KKT at the multinomial L1 optimum on iris (saga fixture, C=0.5)', () => {
    const testCase = loadFixture().cases.find((c) => c.id === 'iris_l1_saga_C0.5')!;
    const { X, y } = loadCase(testCase);
    const n = X.rows;
    const objective = createMultinomialLogisticObjective(
      {
        X: X.data,
        rows: n,
        cols: X.cols,
        sampleWeights: new Float64Array(n).fill(1 / n),
        interceptFeature: 1,
        codes: y.codes,
        classCount: 3,
      },
      { strength: 0, penalizeIntercept: false },
    );
    const p = X.cols + 1;
    const lambda = 1 / (0.5 * n);
    const l1Weights = Float64Array.from({ length: 3 * p }, (_, k) => (k % p < X.cols ? lambda : 0));
    const zeros = expectKkt({ smooth: objective, l1Weights });
    expect(zeros).toBe(12 - testCase.expected.n_nonzero_coef);
  });

  it.each([
    ['breast_cancer_l1_liblinear_C0.5', 1, true],
    ['breast_cancer_l1_saga_C0.05', 1, false],
    ['breast_cancer_elasticnet_saga_C0.5_l1ratio0.5', 0.5, false],
  ] as const)('KKT at the binary optimum of %s', (id, l1Ratio, liblinear) => {
    const testCase = loadFixture().cases.find((c) => c.id === id)!;
    const { X, y } = loadCase(testCase);
    const n = X.rows;
    const C = testCase.estimator.params.C as number;
    const objective = createBinaryLogisticObjective(
      {
        X: X.data,
        rows: n,
        cols: X.cols,
        sampleWeights: new Float64Array(n).fill(1 / n),
        interceptFeature: 1,
        targets: Float64Array.from(y.codes, (c) => (c === 1 ? 1 : -1)),
      },
      { strength: (1 - l1Ratio) / (C * n), penalizeIntercept: liblinear },
    );
    const lambda = l1Ratio / (C * n);
    // liblinear penalises the intercept (the weight of the constant column) like any coefficient.
    const l1Weights = Float64Array.from({ length: X.cols + 1 }, (_, j) =>
      j < X.cols || liblinear ? lambda : 0,
    );
    const zeros = expectKkt({ smooth: objective, l1Weights });
    const sklearnZeros = [
      ...testCase.expected.coef_[0],
      ...(liblinear ? testCase.expected.intercept_ : []),
    ].filter((v) => v === 0).length;
    expect(zeros).toBe(sklearnZeros);
  });
});

/**
 * Minimises to ‖◇F‖ ≤ 1e-12 and checks the KKT conditions of F = f + Σ λ_j|w_j| in units of λ_j (the
 * "after scaling" form): ∂_j f / λ_j ∈ [−1, 1] where w_j = 0, = −sign(w_j) elsewhere, and ∂_j f = 0 for
 * unpenalised coordinates. Returns the number of penalised coordinates at exactly 0.
 */
function expectKkt(objective: CompositeObjective): number {
  const { smooth, l1Weights } = objective;
  const n = smooth.dimension;
  const result = minimizeOwlqn(objective, new Float64Array(n), {
    gradientTolerance: 1e-12,
    maxIterations: 10_000,
  });
  expect(result.converged).toBe(true);
  const grad = new Float64Array(n);
  smooth.evaluate(result.x, grad);
  let zeros = 0;
  for (let j = 0; j < n; j++) {
    const lambda = l1Weights[j];
    if (lambda === 0) {
      expect(Math.abs(grad[j])).toBeLessThan(1e-11);
      continue;
    }
    const scaled = grad[j] / lambda;
    if (result.x[j] === 0) {
      zeros++;
      expect(Math.abs(scaled)).toBeLessThanOrEqual(1 + 1e-8);
    } else {
      expect(Math.abs(scaled + Math.sign(result.x[j]))).toBeLessThan(1e-8);
    }
  }
  const pg = new Float64Array(n);
  pseudoGradient(result.x, grad, l1Weights, pg);
  expect(Math.max(...pg.map(Math.abs))).toBeLessThanOrEqual(1e-12);
  return zeros;
}
