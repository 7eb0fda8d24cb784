import { describe, expect, it } from 'vitest';
import type { Features, Labels } from '../../../src/core/index.js';
import {
  createLogisticRegression,
  type FittedLogisticRegression,
  type LogisticRegressionParams,
} from '../../../src/models/logistic-regression/index.js';
import { loadReference } from '../../helpers/fixtures.js';
import { type FixtureCase, loadCase } from './fixture-data.js';

const cases = loadReference<{ cases: FixtureCase[] }>('logistic_regression').cases;
const caseFor = (file: string) => loadCase(cases.find((testCase) => testCase.dataset.file === file)!);
const breastCancer = caseFor('breast_cancer.csv');
const iris = caseFor('iris.csv');

function maxRelativeDifference(a: Float64Array, b: Float64Array): number {
  const scale = Math.max(1, ...Array.from(b, Math.abs));
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]) / scale);
  return worst;
}

async function fitLogreg(
  data: { X: Features; y: Labels },
  params: Partial<LogisticRegressionParams>,
  warmStart?: FittedLogisticRegression,
): Promise<FittedLogisticRegression> {
  return createLogisticRegression({ tol: 1e-8, max_iter: 10000, ...params }).fit(data.X, data.y, {
    warmStart,
  });
}

describe('LogisticRegression warm start (FitContext.warmStart)', () => {
  const shapes: [string, { X: Features; y: Labels }, Partial<LogisticRegressionParams>][] = [
    ['binary sigmoid', breastCancer, {}],
    ['binary softmax (one kept row)', breastCancer, { multi_class: 'multinomial' }],
    ['multinomial', iris, {}],
    ['one-vs-rest', iris, { multi_class: 'ovr' }],
    ['L1 (OWL-QN)', iris, { penalty: 'l1', C: 0.5 }],
    ['liblinear intercept scaling', breastCancer, { solver: 'liblinear', intercept_scaling: 3 }],
  ];
  for (const [name, data, params] of shapes) {
    it(`${name}: started at its own optimum it stays there in at most a couple of iterations`, async () => {
      const cold = await fitLogreg(data, params);
      const again = await fitLogreg(data, params, cold);
      expect(again.diagnostics.warnings.map((warning) => warning.code)).not.toContain('warm_start_ignored');
      expect(again.diagnostics.iterations).toBeLessThanOrEqual(2);
      expect(cold.diagnostics.iterations).toBeGreaterThan(5);
      expect(maxRelativeDifference(again.coefficients.data, cold.coefficients.data)).toBeLessThan(1e-6);
      expect(maxRelativeDifference(again.intercepts, cold.intercepts)).toBeLessThan(1e-6);
    });
  }

  it('from a neighbouring C it reaches the cold optimum in fewer iterations', async () => {
    const previous = await fitLogreg(breastCancer, { C: 0.5 });
    const cold = await fitLogreg(breastCancer, { C: 1 });
    const warm = await fitLogreg(breastCancer, { C: 1 }, previous);
    expect(warm.diagnostics.iterations).toBeLessThan(cold.diagnostics.iterations);
    expect(maxRelativeDifference(warm.coefficients.data, cold.coefficients.data)).toBeLessThan(1e-5);
    expect(Math.abs(warm.diagnostics.objective - cold.diagnostics.objective)).toBeLessThan(
      1e-9 * cold.diagnostics.objective,
    );
  });

  it('a start of another shape is ignored with a warning, and the fit is the cold one', async () => {
    const binary = await fitLogreg(breastCancer, {});
    const multinomial = await fitLogreg(iris, {}, binary);
    const cold = await fitLogreg(iris, {});
    expect(multinomial.diagnostics.warnings.map((warning) => warning.code)).toContain('warm_start_ignored');
    expect(Array.from(multinomial.coefficients.data)).toEqual(Array.from(cold.coefficients.data));
  });
});
