import { describe, expect, it } from 'vitest';
import {
  type Classifier,
  encodeLabels,
  type FittedClassifier,
  isModeldebugError,
  numericFeatures,
} from '../../src/core/index.js';
import {
  createPipeline,
  createStandardScaler,
  featureImportance,
  hasFeatureImportances,
  recursiveFeatureElimination,
  recursiveFeatureEliminationCV,
} from '../../src/features/index.js';
import { createLogisticRegression } from '../../src/models/logistic-regression/index.js';
import { loadCsv } from '../models/logistic-regression/fixture-data.js';
import { createNearestMean } from './nearest-mean-classifier.js';

const { X, y } = loadCsv('breast_cancer.csv', 'target');

/** A stand-in for a tree model: importances are fixed weights of the columns it is fitted on. */
function weightedImportances(weights: readonly number[]): Classifier {
  const classifier: Classifier = {
    kind: 'weights',
    params: {},
    withParams: () => classifier,
    fit: async (features) => {
      const picked = features.columns.map((column) => weights[Number(column.name.slice(1))]);
      const fitted: FittedClassifier & { featureImportances: Float64Array } = {
        kind: 'weights',
        classes: ['0', '1'],
        diagnostics: { warnings: [] },
        featureImportances: Float64Array.from(picked),
        predict: async (rows) => new Int32Array(rows.rows),
        predictProba: async (rows) => ({
          rows: rows.rows,
          cols: 2,
          data: new Float64Array(rows.rows * 2).fill(0.5),
        }),
        toJSON: () => ({
          format: 'modeldebug-model',
          version: 1,
          kind: 'weights',
          params: {},
          classes: [],
          state: {},
        }),
      };
      return fitted;
    },
  };
  return classifier;
}

describe('recursiveFeatureElimination', () => {
  it('ranks through a pipeline whose final step has coefficients, as sklearn on pre-scaled data', async () => {
    const pipeline = createPipeline([
      ['scale', createStandardScaler()],
      ['logreg', createLogisticRegression({ tol: 1e-8, max_iter: 10_000 })],
    ]);
    const result = await recursiveFeatureElimination(pipeline, X, y, { nFeaturesToSelect: 5 });
    expect(result.selectedNames).toEqual([
      'radius error',
      'worst radius',
      'worst texture',
      'worst area',
      'worst concave points',
    ]);
    expect(result.iterations).toHaveLength(25);
    expect(result.finalModel.kind).toBe('pipeline');
  });

  it('uses feature importances when a model has no coefficients, and removes `step` per iteration', async () => {
    const features = numericFeatures({ rows: 2, cols: 6, data: new Float64Array(12) }, [
      'x0',
      'x1',
      'x2',
      'x3',
      'x4',
      'x5',
    ]);
    const labels = encodeLabels(['0', '1']);
    const result = await recursiveFeatureElimination(
      weightedImportances([5, 1, 4, 2, 6, 3]),
      features,
      labels,
      {
        nFeaturesToSelect: 1,
        step: 2,
      },
    );
    // Removes {1, 3}, then {5, 2}, then the last step is cut to 1 so as not to go below the target: {0}.
    expect(Array.from(result.eliminationOrder)).toEqual([1, 3, 5, 2, 0]);
    expect(Array.from(result.ranking)).toEqual([2, 4, 3, 4, 1, 3]);
    expect(result.selectedNames).toEqual(['x4']);
  });

  it('reads a step in (0, 1) as a fraction of the features and defaults to keeping half', async () => {
    const features = numericFeatures(
      { rows: 2, cols: 10, data: new Float64Array(20) },
      Array.from({ length: 10 }, (_, j) => `x${j}`),
    );
    const labels = encodeLabels(['0', '1']);
    const result = await recursiveFeatureElimination(
      weightedImportances([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      features,
      labels,
      { step: 0.25 },
    );
    expect(result.nFeatures).toBe(5);
    expect(result.iterations.map((iteration) => iteration.removed.length)).toEqual([2, 2, 1]);
  });

  it('rejects an impossible target and a model with nothing to rank by', async () => {
    const tooMany = await recursiveFeatureElimination(createLogisticRegression(), X, y, {
      nFeaturesToSelect: 31,
    }).catch((error: unknown) => error);
    expect(isModeldebugError(tooMany) && tooMany.code).toBe('invalid_argument');
    const opaque = await recursiveFeatureElimination(createNearestMean(), X, y, {
      nFeaturesToSelect: 3,
    }).catch((error: unknown) => error);
    expect(isModeldebugError(opaque) && opaque.code).toBe('unsupported');
  });

  it('recognises the feature-importance interface only on a Float64Array', () => {
    expect(hasFeatureImportances({ featureImportances: new Float64Array(2) })).toBe(true);
    expect(hasFeatureImportances({ featureImportances: [1, 2] })).toBe(false);
    expect(hasFeatureImportances(null)).toBe(false);
  });

  it('sums squared coefficients over classes', async () => {
    const { X: iris, y: species } = loadCsv('iris.csv', 'target');
    const fitted = await createLogisticRegression().fit(iris, species);
    const importance = featureImportance(fitted, 4);
    const { data } = fitted.coefficients;
    expect(importance[2]).toBeCloseTo(data[2] ** 2 + data[6] ** 2 + data[10] ** 2, 14);
  });
});

describe('recursiveFeatureEliminationCV', () => {
  it('scores n, n − step, … and reports counts ascending as sklearn does', async () => {
    const { X: iris, y: species } = loadCsv('iris.csv', 'target');
    const result = await recursiveFeatureEliminationCV(createLogisticRegression(), iris, species, {
      step: 2,
      cv: 3,
    });
    expect(Array.from(result.featureCounts)).toEqual([1, 2, 4]);
    expect(result.foldScores).toHaveLength(3);
    expect(result.nFeatures).toBe(result.rfe.nFeatures);
  });
});
