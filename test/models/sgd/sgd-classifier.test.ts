import { describe, expect, it } from 'vitest';
import { loadModel, parseModelSpec } from '../../../src/catalog/index.js';
import { encodeLabels, type Features, numericFeatures } from '../../../src/core/index.js';
import { createRng } from '../../../src/core/rng.js';
import { createVotingClassifier } from '../../../src/ensemble/index.js';
import { permutationImportance, recursiveFeatureElimination } from '../../../src/features/index.js';
import { createLogisticRegression, createSgdClassifier } from '../../../src/models/index.js';
import { lossDerivative, lossValue } from '../../../src/models/sgd/sgd-loss.js';
import { createStrategy, search } from '../../../src/selection/index.js';
import { loadBundledDatasets } from '../../helpers/datasets.js';
import { errorCode } from '../../helpers/error-code.js';
import { accuracy, quarterSplit } from './quarter-split.js';

const datasets = await loadBundledDatasets([
  { file: 'breast_cancer.csv', label_column: 'target' },
  { file: 'digits.csv', label_column: 'target' },
]);
const cancer = quarterSplit(
  datasets.get('breast_cancer.csv') as NonNullable<ReturnType<typeof datasets.get>>,
);
const digits = quarterSplit(datasets.get('digits.csv') as NonNullable<ReturnType<typeof datasets.get>>);

/** Three blobs 10 standard deviations from the origin at 0°, 120° and 240° in (x0, x1), and two noise columns: each class is linearly separable from the rest. */
function separable(n: number): { X: Features; y: ReturnType<typeof encodeLabels> } {
  const rng = createRng(11);
  const data = new Float64Array(n * 4);
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    data[i * 4] = 10 * Math.cos((2 * Math.PI * k) / 3) + rng.normal();
    data[i * 4 + 1] = 10 * Math.sin((2 * Math.PI * k) / 3) + rng.normal();
    for (let j = 2; j < 4; j++) data[i * 4 + j] = rng.normal();
    labels.push(String(k));
  }
  return { X: numericFeatures({ rows: n, cols: 4, data }), y: encodeLabels(labels) };
}

describe('SGDClassifier', () => {
  it("has each loss's derivative equal to its finite difference", () => {
    for (const loss of ['hinge', 'log_loss'] as const) {
      for (const p of [-25, -3, -0.4, 0.3, 2.5, 30]) {
        for (const y of [-1, 1]) {
          if (loss === 'hinge' && Math.abs(p * y - 1) < 1e-3) continue;
          const numeric = (lossValue(loss, p + 1e-6, y) - lossValue(loss, p - 1e-6, y)) / 2e-6;
          expect(lossDerivative(loss, p, y)).toBeCloseTo(numeric, 5);
        }
      }
    }
  });

  it('drives the loss down on a separable problem and classifies it perfectly', async () => {
    const { X, y } = separable(300);
    for (const loss of ['hinge', 'log_loss'] as const) {
      const fitted = await createSgdClassifier({ loss, max_iter: 30, tol: null }).fit(X, y);
      const curve = fitted.diagnostics.epochs.trainLoss;
      expect(curve).toHaveLength(30);
      expect(curve[curve.length - 1]).toBeLessThan(0.2 * curve[0]);
      expect(accuracy(await fitted.predict(X), y)).toBe(1);
    }
  });

  it('gives identical coefficients for the same seed and different ones for another', async () => {
    const make = (seed: number) =>
      createSgdClassifier({ loss: 'log_loss', random_state: seed, max_iter: 5, tol: null });
    const a = await make(3).fit(digits.train.X, digits.train.y);
    const b = await make(3).fit(digits.train.X, digits.train.y);
    const c = await make(4).fit(digits.train.X, digits.train.y);
    expect(Array.from(b.coefficients.data)).toEqual(Array.from(a.coefficients.data));
    expect(Array.from(b.intercepts)).toEqual(Array.from(a.intercepts));
    expect(Array.from(c.coefficients.data)).not.toEqual(Array.from(a.coefficients.data));
  });

  it('zeroes weights with l1 and elasticnet but not with l2', async () => {
    const zeros = async (penalty: 'l1' | 'l2' | 'elasticnet') => {
      const fitted = await createSgdClassifier({ penalty, alpha: 0.01, random_state: 0 }).fit(
        digits.train.X,
        digits.train.y,
      );
      return fitted.coefficients.data.filter((w) => w === 0).length;
    };
    // digits has 3 constant (all-zero) columns, which no penalty moves off zero.
    const l2 = await zeros('l2');
    expect(l2).toBeLessThanOrEqual(3 * 10);
    expect(await zeros('l1')).toBeGreaterThan(l2 + 100);
    expect(await zeros('elasticnet')).toBeGreaterThan(l2);
  });

  it('runs every learning-rate schedule and mini-batches to a good model', async () => {
    for (const patch of [
      { learning_rate: 'optimal' },
      { learning_rate: 'constant', eta0: 0.01 },
      { learning_rate: 'invscaling', eta0: 0.1 },
      { learning_rate: 'adaptive', eta0: 0.1 },
      { learning_rate: 'optimal', batch_size: 16 },
      { learning_rate: 'constant', eta0: 0.1, batch_size: 32, loss: 'log_loss' },
    ] as const) {
      const fitted = await createSgdClassifier({ random_state: 0, ...patch }).fit(
        digits.train.X,
        digits.train.y,
      );
      expect(
        accuracy(await fitted.predict(digits.test.X), digits.test.y),
        JSON.stringify(patch),
      ).toBeGreaterThan(0.92);
    }
  });

  it('rejects what sklearn rejects: a schedule without eta0, optimal without alpha', () => {
    expect(errorCode(() => createSgdClassifier({ learning_rate: 'constant' }))).toBe('invalid_param');
    expect(errorCode(() => createSgdClassifier({ alpha: 0 }))).toBe('invalid_param');
    expect(errorCode(() => createSgdClassifier({ loss: 'squared' as never }))).toBe('invalid_param');
  });

  it('stops early on a validation fraction and records its curves', async () => {
    const fitted = await createSgdClassifier({ early_stopping: true, random_state: 0 }).fit(
      cancer.train.X,
      cancer.train.y,
    );
    const { epochs, iterations, converged } = fitted.diagnostics;
    expect(converged).toBe(true);
    expect(iterations).toBeLessThan(100);
    expect(epochs.validationScore).toHaveLength(iterations);
    expect(epochs.validationLoss).toHaveLength(iterations);
    expect(epochs.bestEpoch).toBe(iterations);
    expect(accuracy(await fitted.predict(cancer.test.X), cancer.test.y)).toBeGreaterThan(0.93);
  });

  it('fails a fit whose weights overflow with code diverged, a failed candidate in a search', async () => {
    const overflow = { learning_rate: 'constant', eta0: 1e306, loss: 'log_loss', penalty: 'none' } as const;
    await expect(createSgdClassifier(overflow).fit(cancer.train.X, cancer.train.y)).rejects.toMatchObject({
      code: 'diverged',
    });
    const result = await search(cancer.train.X, cancer.train.y, {
      steps: parseModelSpec('sgd(learning_rate=constant, loss=log_loss, penalty=none)'),
      strategy: createStrategy({ strategy: 'grid', grid: ['eta0=0.01,1e306'], space: [] }),
      cv: 3,
      refit: false,
    });
    expect(result.trials.map((t) => t.status)).toEqual(['ok', 'failed']);
    expect(result.trials[1].error).toMatch(/diverged at epoch 1.*eta0=1e\+306/);
  });

  it('ranks features by its coefficients in RFE, and serves permutation importance and voting', async () => {
    const { X, y } = separable(300);
    const rfe = await recursiveFeatureElimination(createSgdClassifier({ random_state: 0 }), X, y, {
      nFeaturesToSelect: 2,
    });
    expect(Array.from(rfe.selected)).toEqual([0, 1]);
    const fitted = await createSgdClassifier({ random_state: 0 }).fit(X, y);
    const importance = await permutationImportance(fitted, X, y, { nRepeats: 3, seed: 0 });
    const means = Array.from(importance.mean);
    expect(Math.min(means[0], means[1])).toBeGreaterThan(0.2);
    expect(Math.max(means[2], means[3])).toBeLessThan(0.05);
    const voting = await createVotingClassifier([
      ['sgd', createSgdClassifier({ loss: 'log_loss' })],
      ['lr', createLogisticRegression()],
    ]).fit(X, y);
    expect(accuracy(await voting.predict(X), y)).toBe(1);
  });

  it('keeps coefficients and the epoch history through toJSON and loadModel', async () => {
    const fitted = await createSgdClassifier({ max_iter: 3, tol: null }).fit(digits.train.X, digits.train.y);
    const restored = loadModel(JSON.parse(JSON.stringify(fitted.toJSON())));
    expect(restored.diagnostics).toEqual(fitted.diagnostics);
    expect(Array.from((await restored.predictProba(digits.test.X)).data)).toEqual(
      Array.from((await fitted.predictProba(digits.test.X)).data),
    );
  });
});
