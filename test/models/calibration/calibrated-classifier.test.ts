import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/catalog/index.js';
import { numericFeatures } from '../../../src/core/features.js';
import { encodeLabels } from '../../../src/core/labels.js';
import {
  applyIsotonicCalibrator,
  applySigmoidCalibrator,
  createCalibratedClassifier,
  createGaussianNb,
  fitIsotonicCalibrator,
  fitSigmoidCalibrator,
} from '../../../src/models/index.js';
import { fixturePath } from '../../helpers/fixtures.js';

interface Case {
  name: string;
  method: 'sigmoid' | 'isotonic';
  X_train: number[][];
  y_train: number[];
  X_test: number[][];
  proba: number[][];
}
const reference = JSON.parse(readFileSync(fixturePath('calibration', 'calibration.json'), 'utf8')) as {
  cases: Case[];
  calibrators: {
    scores: number[];
    targets: number[];
    sigmoid: { a: number; b: number };
    isotonic: { probe: number[]; predicted: number[] };
  };
};

const features = (rows: number[][]) =>
  numericFeatures({ rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });

describe('calibration against scikit-learn 1.2.1 (test/fixtures/calibration/make_calibration.py)', () => {
  const { scores, targets, sigmoid, isotonic } = reference.calibrators;
  const x = Float64Array.from(scores);
  const t = Uint8Array.from(targets);

  it("fits Platt's sigmoid as _sigmoid_calibration", () => {
    const fitted = fitSigmoidCalibrator(x, t);
    // sklearn's BFGS stops at a gradient of 1e-5; Newton here converges fully.
    expect(fitted.a).toBeCloseTo(sigmoid.a, 4);
    expect(fitted.b).toBeCloseTo(sigmoid.b, 4);
  });

  it('fits isotonic regression with clipping as IsotonicRegression(out_of_bounds="clip")', () => {
    const fitted = fitIsotonicCalibrator(x, t);
    isotonic.probe.forEach((value, i) => {
      expect(applyIsotonicCalibrator(fitted, value)).toBeCloseTo(isotonic.predicted[i], 12);
    });
    // An identity of the fit: non-decreasing.
    for (let k = 1; k < fitted.y.length; k++) expect(fitted.y[k]).toBeGreaterThanOrEqual(fitted.y[k - 1]);
  });

  for (const testCase of reference.cases) {
    it(`CalibratedClassifierCV(GaussianNB(), cv=5): ${testCase.name}`, async () => {
      const labels = encodeLabels(testCase.y_train);
      const model = await createCalibratedClassifier(createGaussianNb(), { method: testCase.method }).fit(
        features(testCase.X_train),
        labels,
      );
      const X = features(testCase.X_test);
      const proba = await model.predictProba(X);
      const tolerance = testCase.method === 'sigmoid' ? 1e-5 : 1e-9;
      testCase.proba.forEach((row, i) => {
        row.forEach((p, k) => {
          expect(Math.abs(proba.data[i * row.length + k] - p)).toBeLessThan(tolerance);
        });
      });
      const restored = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
      expect(Array.from((await restored.predictProba(X)).data)).toEqual(Array.from(proba.data));
    });
  }

  it('sigmoid calibration output is a probability', () => {
    expect(applySigmoidCalibrator({ a: -3, b: 1 }, 0.7)).toBeCloseTo(1 / (1 + Math.exp(-3 * 0.7 + 1)), 15);
  });
});
