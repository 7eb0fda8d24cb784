import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeRegularizationPath, logSpace, regularizationPath } from '../../../src/analysis/index.js';
import { buildModel, parseModelSpec } from '../../../src/catalog/index.js';
import { encodeLabels } from '../../../src/core/index.js';
import { createLogisticRegression } from '../../../src/models/logistic-regression/index.js';
import { loadReference } from '../../helpers/fixtures.js';
import { type FixtureCase, loadCase } from '../../models/logistic-regression/fixture-data.js';

const breastCancer = loadReference<{ cases: FixtureCase[] }>('logistic_regression').cases.find(
  (testCase) => testCase.dataset.file === 'breast_cancer.csv',
);
if (!breastCancer) throw new Error('breast_cancer case missing from logistic_regression.json');
const { X, y } = loadCase(breastCancer);

describe('logSpace', () => {
  it("matches numpy's logspace(-4, 4, n) to the last few ulps", () => {
    // np.logspace(-4, 4, 5) and np.logspace(-4, 4, 20)[[0, 7, 19]], printed with repr.
    expect(Array.from(logSpace(-4, 4, 5))).toEqual([1e-4, 0.01, 1, 100, 10000]);
    const twenty = logSpace(-4, 4, 20);
    expect(twenty[0]).toBe(1e-4);
    expect(twenty[7]).toBeCloseTo(0.08858667904100823, 15);
    expect(twenty[19]).toBe(10000);
  });
});

describe('regularizationPath', () => {
  it('traces L1 sparsity and picks the best and the one-standard-error C', async () => {
    const path = await regularizationPath(
      (C) => createLogisticRegression({ penalty: 'l1', C, tol: 1e-6, max_iter: 1000 }),
      X,
      y,
      { cs: 8, cv: 5 },
    );
    expect(path.cs).toHaveLength(8);
    expect(path.coefficients).toHaveLength(8);
    expect(path.featureNames).toHaveLength(30);
    // At C = 1e-4 L1 zeroes everything; at 1e4 nearly nothing. The count grows (weakly) along the path.
    expect(path.nonZero[0]).toBe(0);
    expect(path.nonZero[7]).toBeGreaterThan(20);
    // The best has the largest mean; the 1-SE choice is no less regularised and within one SE of it.
    const { best, oneStandardError } = path;
    expect(Math.max(...path.meanScores)).toBe(best.meanScore);
    expect(oneStandardError.index).toBeLessThanOrEqual(best.index);
    expect(oneStandardError.meanScore).toBeGreaterThanOrEqual(
      best.meanScore - path.standardErrors[best.index],
    );
    for (let c = 0; c < oneStandardError.index; c++) {
      expect(path.meanScores[c]).toBeLessThan(best.meanScore - path.standardErrors[best.index]);
    }
    // Each C's fold scores average to its mean.
    path.foldScores.forEach((scores, c) => {
      expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeCloseTo(path.meanScores[c], 14);
    });
    expect(path.warmStarted).toBe(true);
    expect(describeRegularizationPath(path, 'l1')).toMatch(/^L1 at C=/);
  });
});

describe('regularizationPath through a pipeline', () => {
  it('names the columns the final step sees (one-hot expands a categorical column)', async () => {
    const rows = 60;
    const data = new Float64Array(rows * 2);
    const labels: string[] = [];
    for (let i = 0; i < rows; i++) {
      data[i * 2] = (i % 7) - 3 + (i % 2) * 2;
      data[i * 2 + 1] = i % 3;
      labels.push(i % 2 === 0 ? 'no' : 'yes');
    }
    const features = {
      rows,
      cols: 2,
      data,
      columns: [
        { name: 'x', kind: 'numeric' as const },
        { name: 'colour', kind: 'categorical' as const, levels: ['red', 'green', 'blue'] },
      ],
    };
    const path = await regularizationPath(
      (C) => buildModel(parseModelSpec(`onehot | logreg(penalty=l2, C=${C})`)),
      features,
      encodeLabels(labels),
      { cs: [0.01, 1], cv: 3 },
    );
    expect(path.featureNames).toEqual(['x', 'colour_blue', 'colour_green', 'colour_red']);
    expect(Array.from(path.nonZero)).toEqual([4, 4]);
    expect(path.coefficients[1].cols).toBe(4);
  });
});

describe('logSpace against numpy (when /usr/bin/python3 has it)', () => {
  it('agrees on the 20-point grid within a few ulps', () => {
    let numpy: number[];
    try {
      numpy = JSON.parse(
        execFileSync(
          '/usr/bin/python3',
          ['-c', 'import numpy,json;print(json.dumps(numpy.logspace(-4,4,20).tolist()))'],
          {
            encoding: 'utf8',
          },
        ),
      ) as number[];
    } catch {
      return;
    }
    const ours = logSpace(-4, 4, 20);
    numpy.forEach((value, i) => {
      expect(Math.abs(ours[i] - value)).toBeLessThanOrEqual(4 * Number.EPSILON * value);
    });
  });
});
