import { describe, expect, it } from 'vitest';
import { ModeldebugError } from '../../../src/core/errors.js';
import { takeFeatureColumns, takeFeatureRows } from '../../../src/core/features.js';
import { encodeLabels, takeLabelRows } from '../../../src/core/labels.js';
import {
  createLogisticRegression,
  type LogisticRegressionParams,
  loadLogisticRegression,
} from '../../../src/models/logistic-regression/index.js';
import { loadCase, loadFixture } from './fixture-data.js';

const fixture = loadFixture();
const iris = loadCase(fixture.cases.find((c) => c.id === 'iris_l2_lbfgs_C1')!);
const cancer = loadCase(fixture.cases.find((c) => c.id === 'breast_cancer_l2_lbfgs_C1')!);

function errorOf(run: () => unknown): ModeldebugError {
  try {
    run();
  } catch (error) {
    if (error instanceof ModeldebugError) return error;
    throw error;
  }
  throw new Error('expected a ModeldebugError');
}

describe('LogisticRegression params', () => {
  it('has sklearn defaults and rejects unknown or bad params with typed errors', () => {
    expect(createLogisticRegression().params).toEqual({
      penalty: 'l2',
      C: 1,
      l1_ratio: null,
      solver: 'auto',
      multi_class: 'auto',
      fit_intercept: true,
      intercept_scaling: 1,
      class_weight: null,
      tol: 1e-4,
      max_iter: 100,
    });
    expect(errorOf(() => createLogisticRegression({ c: 1 })).code).toBe('unknown_param');
    expect(errorOf(() => createLogisticRegression({ C: 0 })).code).toBe('invalid_param');
    expect(errorOf(() => createLogisticRegression({ l1_ratio: 2 })).code).toBe('invalid_param');
    expect(errorOf(() => createLogisticRegression({ solver: 'liblinear', penalty: 'none' })).code).toBe(
      'invalid_param',
    );
  });

  it('withParams validates and never mutates', () => {
    const base = createLogisticRegression({ C: 0.5 });
    const l1 = base.withParams({ penalty: 'l1' });
    expect(base.params.penalty).toBe('l2');
    expect(l1.params).toMatchObject({ penalty: 'l1', C: 0.5 });
    expect(
      errorOf(() => createLogisticRegression({ solver: 'lbfgs' }).withParams({ penalty: 'l1' })).code,
    ).toBe('invalid_param');
  });
});

describe('LogisticRegression fitted model', () => {
  it('serialises through JSON and restores bit-identical predictions', async () => {
    for (const params of [
      {},
      { penalty: 'l1', C: 0.5 },
      { solver: 'liblinear', penalty: 'l1' },
      { multi_class: 'ovr' },
    ] as Partial<LogisticRegressionParams>[]) {
      const model = await createLogisticRegression(params).fit(iris.X, iris.y);
      const restored = loadLogisticRegression(JSON.parse(JSON.stringify(model.toJSON())));
      expect(restored.classes).toEqual(model.classes);
      expect(restored.params).toEqual(model.params);
      expect(await restored.predict(iris.X)).toEqual(await model.predict(iris.X));
      expect((await restored.predictProba(iris.X)).data).toEqual((await model.predictProba(iris.X)).data);
    }
    const model = await createLogisticRegression().fit(cancer.X, cancer.y);
    const restored = loadLogisticRegression(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.decisionFunction(cancer.X).data).toEqual(model.decisionFunction(cancer.X).data);
  });

  it('rejects a corrupt or foreign serialized model', async () => {
    const json = (await createLogisticRegression().fit(iris.X, iris.y)).toJSON();
    expect(errorOf(() => loadLogisticRegression({ ...json, kind: 'tree' })).code).toBe('invalid_argument');
    expect(errorOf(() => loadLogisticRegression({ ...json, state: { coefficients: 'x' } })).code).toBe(
      'invalid_argument',
    );
  });

  it('probabilities sum to 1; binary decisions have one column; predict follows the decision sign', async () => {
    const binary = await createLogisticRegression().fit(cancer.X, cancer.y);
    const decisions = binary.decisionFunction(cancer.X);
    expect(decisions.cols).toBe(1);
    expect(binary.coefficients.rows).toBe(1);
    const predicted = await binary.predict(cancer.X);
    const proba = await binary.predictProba(cancer.X);
    for (let i = 0; i < cancer.X.rows; i++) {
      expect(predicted[i]).toBe(decisions.data[i] > 0 ? 1 : 0);
      expect(proba.data[2 * i] + proba.data[2 * i + 1]).toBeCloseTo(1, 15);
    }
    for (const params of [{}, { solver: 'liblinear' }] as Partial<LogisticRegressionParams>[]) {
      const multi = await createLogisticRegression(params).fit(iris.X, iris.y);
      const p = await multi.predictProba(iris.X);
      for (let i = 0; i < p.rows; i++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += p.data[i * 3 + k];
        expect(sum).toBeCloseTo(1, 14);
      }
    }
  });

  it('classes are those present in y (a fold missing a class fits the rest)', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => i + 50); // iris classes 1 and 2 only
    const model = await createLogisticRegression().fit(
      takeFeatureRows(iris.X, rows),
      takeLabelRows(iris.y, rows),
    );
    expect(iris.y.classes).toEqual(['0', '1', '2']);
    expect(model.classes).toEqual(['1', '2']);
    expect(model.coefficients.rows).toBe(1);
  });

  it('reports non-convergence as a warning with diagnostics, and ignored params as warnings', async () => {
    const model = await createLogisticRegression({ max_iter: 2, tol: 1e-10 }).fit(cancer.X, cancer.y);
    expect(model.diagnostics.converged).toBe(false);
    expect(model.diagnostics.iterations).toBe(2);
    expect(model.diagnostics.warnings.map((w) => w.code)).toEqual(['convergence']);
    expect(model.diagnostics.warnings[0].message).toMatch(/max_iter=2/);
    const ignored = await createLogisticRegression({ l1_ratio: 0.3 }).fit(iris.X, iris.y);
    expect(ignored.diagnostics.warnings.map((w) => w.code)).toEqual(['ignored_param']);
  });

  it('checks shapes, missing values and labels', async () => {
    const model = await createLogisticRegression().fit(iris.X, iris.y);
    await expect(model.predict(takeFeatureColumns(iris.X, [0, 1]))).rejects.toMatchObject({
      code: 'shape_mismatch',
    });
    const withNaN = { ...iris.X, data: Float64Array.from(iris.X.data, (v, k) => (k === 7 ? Number.NaN : v)) };
    await expect(createLogisticRegression().fit(withNaN, iris.y)).rejects.toMatchObject({
      code: 'missing_values',
    });
    await expect(
      createLogisticRegression().fit(iris.X, takeLabelRows(iris.y, [0, 1, 2])),
    ).rejects.toMatchObject({ code: 'shape_mismatch' });
    const weights = createLogisticRegression({ class_weight: { setosa: 2 } });
    await expect(weights.fit(iris.X, iris.y)).rejects.toMatchObject({ code: 'invalid_param' });
  });

  it('is deterministic and honours fit_intercept=false', async () => {
    const a = await createLogisticRegression({ penalty: 'l1' }).fit(iris.X, iris.y);
    const b = await createLogisticRegression({ penalty: 'l1' }).fit(iris.X, iris.y);
    expect(a.coefficients.data).toEqual(b.coefficients.data);
    const noIntercept = await createLogisticRegression({ fit_intercept: false }).fit(cancer.X, cancer.y);
    expect(Array.from(noIntercept.intercepts)).toEqual([0]);
  });

  it('stops cooperatively on an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      createLogisticRegression().fit(cancer.X, cancer.y, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('string labels keep the Labels order', async () => {
    const names = ['setosa', 'versicolor', 'virginica'];
    const y = encodeLabels(Array.from(iris.y.codes, (c) => names[c]));
    const model = await createLogisticRegression().fit(iris.X, y);
    expect(model.classes).toEqual(names);
  });
});
