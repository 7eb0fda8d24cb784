import { describe, expect, it } from 'vitest';
import { isModeldebugError } from '../../../src/core/errors.js';
import { takeFeatureRows } from '../../../src/core/features.js';
import { takeLabelRows } from '../../../src/core/labels.js';
import {
  createLogisticRegression,
  type FittedLogisticRegression,
  type LogisticRegressionParams,
} from '../../../src/models/logistic-regression/index.js';
import { type FixtureCase, loadCase, loadCsv, loadFixture } from './fixture-data.js';

const fixture = loadFixture();

/** The fixture's sklearn params in our names: saga becomes 'auto' (owlqn for l1/elasticnet). */
function paramsOf(testCase: FixtureCase, overrides: Partial<LogisticRegressionParams> = {}) {
  const p = testCase.estimator.params;
  return {
    penalty: p.penalty,
    C: p.C,
    l1_ratio: p.l1_ratio,
    solver: p.solver === 'saga' ? 'auto' : p.solver,
    multi_class: p.multi_class,
    fit_intercept: p.fit_intercept,
    intercept_scaling: p.intercept_scaling,
    class_weight: p.class_weight,
    tol: p.tol,
    max_iter: p.max_iter,
    ...overrides,
  } as Partial<LogisticRegressionParams>;
}

async function fitCase(testCase: FixtureCase, overrides?: Partial<LogisticRegressionParams>) {
  const { X, y } = loadCase(testCase);
  const model = await createLogisticRegression(paramsOf(testCase, overrides)).fit(X, y);
  return { X, y, model };
}

function largestAbs(rows: number[][]): number {
  return Math.max(...rows.flat().map(Math.abs));
}

/** max over entries of |ours − expected| / largest |expected coefficient|. */
function coefDeviation(model: FittedLogisticRegression, coef: number[][], intercept: number[]): number {
  const scale = largestAbs(coef);
  const d = model.coefficients.cols;
  let worst = 0;
  coef.forEach((row, k) => {
    row.forEach((v, j) => {
      worst = Math.max(worst, Math.abs(model.coefficients.data[k * d + j] - v) / scale);
    });
  });
  intercept.forEach((v, k) => {
    worst = Math.max(worst, Math.abs(model.intercepts[k] - v) / Math.max(scale, Math.abs(v)));
  });
  return worst;
}

function maxAbsDiff(actual: ArrayLike<number>, expected: number[]): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst;
}

/**
 * `decisionTolerance` is relative (to max(1, |value|)): sklearn's lbfgs decisions carry its early stop
 * (up to 2e-4 relative in the coefficients), its converged liblinear/saga ones do not.
 */
async function expectSamePredictions(
  testCase: FixtureCase,
  model: FittedLogisticRegression,
  probaTolerance: number,
  decisionTolerance: number,
) {
  const { X, y } = loadCase(testCase);
  const expected = testCase.expected;
  expect(model.classes).toEqual(expected.classes_.map(String));
  const predicted = await model.predict(X);
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === y.codes[i]) correct++;
  expect(correct / predicted.length).toBe(expected.train_accuracy);
  const proba = await model.predictProba(X);
  const decisions = model.decisionFunction(X);
  const { rows, values } = expected.predict_proba_first_rows;
  rows.forEach((row, r) => {
    const got = proba.data.subarray(row * proba.cols, (row + 1) * proba.cols);
    expect(maxAbsDiff(got, values[r])).toBeLessThan(probaTolerance);
    expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });
  const decision = expected.decision_function_first_rows;
  decision.rows.forEach((row, r) => {
    const want = decision.values[r];
    const got = decisions.data.subarray(row * decisions.cols, (row + 1) * decisions.cols);
    const wanted = Array.isArray(want) ? want : [want];
    expect(got.length).toBe(wanted.length);
    wanted.forEach((v, k) => {
      expect(Math.abs(got[k] - v)).toBeLessThan(decisionTolerance * Math.max(1, Math.abs(v)));
    });
  });
}

const l2Cases = fixture.cases.filter((c) => c.refined_optimum !== undefined);
const l1Cases = fixture.cases.filter((c) => c.refined_optimum === undefined);

describe('LogisticRegression L2 (lbfgs) vs scikit-learn 1.2.1', () => {
  it.each(l2Cases.map((c) => [c.id, c] as const))('%s', async (_, testCase) => {
    const { model } = await fitCase(testCase);
    const refined = testCase.refined_optimum!;
    expect(model.diagnostics.converged).toBe(true);
    expect(model.diagnostics.warnings).toEqual([]);
    expect(model.coefficients.rows).toBe(testCase.expected.coef_.length);
    // Fixture's tol=1e-8 already lands within 1e-5 (relative to the largest coefficient) of the exact optimum…
    expect(coefDeviation(model, refined.coef_, refined.intercept_)).toBeLessThan(1e-5);
    // …and within sklearn's own distance from it (sklearn stops early on relative decrease).
    expect(coefDeviation(model, testCase.expected.coef_, testCase.expected.intercept_)).toBeLessThan(1e-3);
    expect(model.diagnostics.objective).toBeLessThanOrEqual(testCase.expected.objective.value * (1 + 1e-9));
    await expectSamePredictions(testCase, model, 1e-5, 1e-3);
  });

  it.each(l2Cases.map((c) => [c.id, c] as const))(
    '%s at tol=1e-12 matches refined_optimum to 1e-6',
    async (_, testCase) => {
      const { model } = await fitCase(testCase, { tol: 1e-12 });
      const refined = testCase.refined_optimum!;
      expect(model.diagnostics.converged).toBe(true);
      expect(coefDeviation(model, refined.coef_, refined.intercept_)).toBeLessThan(1e-6);
      expect(model.diagnostics.objective).toBeLessThanOrEqual(refined.objective * (1 + 1e-12));
      const { X } = loadCase(testCase);
      const proba = await model.predictProba(X);
      refined.predict_proba_first_rows.forEach((want, row) => {
        expect(maxAbsDiff(proba.data.subarray(row * proba.cols, (row + 1) * proba.cols), want)).toBeLessThan(
          1e-7,
        );
      });
    },
  );
});

describe('LogisticRegression L1 / elastic-net vs liblinear and saga', () => {
  it.each(l1Cases.map((c) => [c.id, c] as const))('%s', async (_, testCase) => {
    const { model } = await fitCase(testCase);
    const expected = testCase.expected;
    expect(model.diagnostics.converged).toBe(true);
    const d = model.coefficients.cols;
    expected.coef_.forEach((row, k) => {
      row.forEach((v, j) => {
        expect(model.coefficients.data[k * d + j] === 0, `coef[${k}][${j}]`).toBe(v === 0);
      });
    });
    let nonZero = 0;
    for (const v of model.coefficients.data) if (v !== 0) nonZero++;
    expect(nonZero).toBe(expected.n_nonzero_coef);
    expected.intercept_.forEach((v, k) => {
      expect(model.intercepts[k] === 0).toBe(v === 0);
    });
    expect(coefDeviation(model, expected.coef_, expected.intercept_)).toBeLessThan(1e-5);
    expect(model.diagnostics.objective).toBeLessThanOrEqual(expected.objective.value * (1 + 1e-9));
    await expectSamePredictions(testCase, model, 1e-5, 1e-5);
  });

  it('liblinear L1 drives the penalised intercept to exactly 0 where sklearn does (breast_cancer C=0.5)', async () => {
    const testCase = fixture.cases.find((c) => c.id === 'breast_cancer_l1_liblinear_C0.5')!;
    const saga = fixture.cases.find((c) => c.id === 'breast_cancer_l1_saga_C0.5')!;
    expect(testCase.expected.intercept_).toEqual([0]);
    expect((await fitCase(testCase)).model.intercepts[0]).toBe(0);
    expect((await fitCase(saga)).model.intercepts[0]).toBeCloseTo(saga.expected.intercept_[0], 4);
  });
});

describe('LogisticRegression error cases', () => {
  const errorCase = (id: string) => fixture.error_cases.find((c) => c.id === id)!;
  const iris = loadCsv('iris.csv', 'target');

  async function codeOf(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
    } catch (error) {
      if (isModeldebugError(error)) return `${error.code}: ${error.message}`;
      throw error;
    }
    return 'no error';
  }

  it('l1 with an explicit lbfgs solver is invalid_param naming the fix; with the default it just works', async () => {
    const params = errorCase('l1_with_default_solver').estimator_params;
    expect(await codeOf(async () => createLogisticRegression({ ...params, solver: 'lbfgs' }))).toMatch(
      /^invalid_param: .*lbfgs.*'owlqn'/,
    );
    const model = await createLogisticRegression(params).fit(iris.X, iris.y);
    expect(model.diagnostics.solver).toBe('owlqn');
  });

  it('liblinear + multinomial is invalid_param', async () => {
    const params = errorCase('liblinear_multinomial').estimator_params;
    expect(await codeOf(async () => createLogisticRegression(params))).toMatch(
      /^invalid_param: .*multinomial/,
    );
  });

  it('elasticnet without l1_ratio is invalid_param with a hint (not a TypeError)', async () => {
    const { solver: _, ...params } = errorCase('elasticnet_without_l1_ratio').estimator_params;
    expect(await codeOf(async () => createLogisticRegression(params))).toMatch(
      /^invalid_param: .*l1_ratio.*set l1_ratio/,
    );
  });

  it('single-class training data is single_class', async () => {
    const first10 = Array.from({ length: 10 }, (_, i) => i);
    const X = takeFeatureRows(iris.X, first10);
    const y = takeLabelRows(iris.y, first10);
    expect(await codeOf(() => createLogisticRegression().fit(X, y))).toMatch(/^single_class: .*class 0/);
  });
});
