import { describe, expect, test } from 'vitest';
import {
  encodeLabels,
  type Features,
  type Labels,
  matrixFromRows,
  numericFeatures,
  takeFeatureRows,
  takeLabelRows,
} from '../../src/core/index.js';
import {
  createOneHotEncoder,
  createPipeline,
  createSimpleImputer,
  createStandardScaler,
  type FittedStandardScaler,
  loadPipeline,
} from '../../src/features/index.js';
import { expectModeldebugError } from './error-helpers.js';
import { createNearestMean, loadNearestMean } from './nearest-mean-classifier.js';
import { featuresFromColumns } from './reference-data.js';

// Two numeric features on very different scales; the last rows sit far from the first ones, so a scaler
// fitted on all rows and one fitted on the first rows only have clearly different means.
const X: Features = numericFeatures(
  matrixFromRows([
    [1, 100],
    [2, 110],
    [1.5, 300],
    [2.5, 320],
    [8, 900],
    [9, 950],
    [20, 2000],
    [21, 2100],
  ]),
  ['a', 'b'],
);
const y: Labels = encodeLabels(['x', 'x', 'y', 'y', 'z', 'z', 'z', 'y']);

const pipeline = createPipeline([
  ['scale', createStandardScaler()],
  ['ncm', createNearestMean()],
]);

function columnMean(features: Features, j: number): number {
  let sum = 0;
  for (let i = 0; i < features.rows; i++) sum += features.data[i * features.cols + j];
  return sum / features.rows;
}

describe('Pipeline', () => {
  test('fits every transform on the rows it is given only (no leakage across folds)', async () => {
    const folds = [
      [0, 2, 4, 6],
      [1, 3, 5, 7],
    ];
    for (const [f, testRows] of folds.entries()) {
      const trainRows = folds[1 - f];
      const trainX = takeFeatureRows(X, trainRows);
      const fitted = await pipeline.fit(trainX, takeLabelRows(y, trainRows));
      const scaler = fitted.transformers[0][1] as FittedStandardScaler;
      expect(Array.from(scaler.mean)).toEqual([columnMean(trainX, 0), columnMean(trainX, 1)]);
      expect(scaler.mean[1]).not.toBe(columnMean(X, 1));

      // The same as doing it by hand: scale fitted on train, applied to test.
      const handScaler = await createStandardScaler().fit(trainX);
      const handModel = await createNearestMean().fit(
        handScaler.transform(trainX),
        takeLabelRows(y, trainRows),
      );
      const testX = takeFeatureRows(X, testRows);
      expect(await fitted.predictProba(testX)).toEqual(
        await handModel.predictProba(handScaler.transform(testX)),
      );
    }
  });

  test('exposes flat nested params and patches one step with withParams', async () => {
    expect(pipeline.params).toEqual({
      'scale.with_mean': true,
      'scale.with_std': true,
      'ncm.temperature': 1,
    });
    const patched = pipeline.withParams({ 'scale.with_mean': false, 'ncm.temperature': 0.5 });
    expect(patched.params).toEqual({
      'scale.with_mean': false,
      'scale.with_std': true,
      'ncm.temperature': 0.5,
    });
    expect(patched.steps[0][1].params).toEqual({ with_mean: false, with_std: true });
    expect(patched.steps[1][1].params).toEqual({ temperature: 0.5 });
    expect(pipeline.params['scale.with_mean']).toBe(true);
    expect(pipeline.steps[1][1].params).toEqual({ temperature: 1 });

    const fitted = await patched.fit(X, y);
    const scaled = fitted.transform(X);
    expect(scaled.data[0]).toBeGreaterThan(0); // not centred
  });

  test('an unknown step or param is a typed error listing the valid keys', async () => {
    for (const key of ['lr.C', 'scale.C', 'C', 'scale.']) {
      const error = await expectModeldebugError(() => pipeline.withParams({ [key]: 1 }), 'unknown_param');
      expect(error.message).toContain(`"${key}"`);
      expect(error.hint).toBe('valid params: scale.with_mean, scale.with_std, ncm.temperature');
    }
    await expectModeldebugError(() => pipeline.withParams({ 'ncm.temperature': -1 }), 'invalid_param');
  });

  test('serialise, load and predict the same', async () => {
    const fitted = await pipeline.fit(X, y);
    const json = JSON.parse(JSON.stringify(fitted.toJSON()));
    expect(json).toMatchObject({ format: 'modeldebug-model', kind: 'pipeline', classes: ['x', 'y', 'z'] });
    expect(json.state.steps.map((step: { name: string }) => step.name)).toEqual(['scale']);
    const loaded = loadPipeline(json, loadNearestMean);
    expect(loaded.toJSON()).toEqual(json);
    const probe = numericFeatures(
      matrixFromRows([
        [3, 500],
        [15, 1500],
        [0, 0],
      ]),
      ['a', 'b'],
    );
    expect(await loaded.predict(probe)).toEqual(await fitted.predict(probe));
    expect(await loaded.predictProba(probe)).toEqual(await fitted.predictProba(probe));
    expect(loaded.classes).toEqual(fitted.classes);
    await expectModeldebugError(() => loadPipeline({ ...json, kind: 'knn' }, loadNearestMean), 'parse_error');
  });

  test('classes and diagnostics come from the final estimator, transform warnings merged', async () => {
    const mixed = featuresFromColumns(['n', 'color', 'empty'], {
      n: [1, null, 3, 4, 0, 2],
      color: ['red', 'blue', null, 'red', 'blue', 'red'],
      empty: [null, null, null, null, null, null],
    });
    const labels = encodeLabels(['a', 'b', 'a', 'a', 'b', 'a']);
    const full = createPipeline([
      ['impute', createSimpleImputer({ strategy: 'most_frequent' })],
      ['onehot', createOneHotEncoder()],
      ['scale', createStandardScaler()],
      ['ncm', createNearestMean()],
    ]);
    const fitted = await full.fit(mixed, labels);
    expect(fitted.classes).toEqual(['a', 'b']);
    expect(fitted.diagnostics.warnings.map((warning) => warning.code)).toEqual([
      'dropped_empty_column',
      'dummy',
    ]);
    expect(fitted.diagnostics.warnings[0].message).toMatch(/^impute: column "empty"/);
    expect(fitted.transform(mixed).columns.map((column) => column.name)).toEqual([
      'n',
      'color_blue',
      'color_red',
    ]);
    expect(fitted.steps.map(([name]) => name)).toEqual(['impute', 'onehot', 'scale', 'ncm']);
    expect(fitted.finalEstimator.kind).toBe('nearest-mean');
    const restored = loadPipeline(JSON.parse(JSON.stringify(fitted.toJSON())), loadNearestMean);
    expect(await restored.predictProba(mixed)).toEqual(await fitted.predictProba(mixed));
  });

  test('refuses bad step names and honours an abort signal', async () => {
    const model = createNearestMean();
    await expectModeldebugError(() => createPipeline([['a.b', model]]), 'invalid_argument');
    await expectModeldebugError(() => createPipeline([['', model]]), 'invalid_argument');
    await expectModeldebugError(
      () =>
        createPipeline([
          ['m', createStandardScaler()],
          ['m', model],
        ]),
      'invalid_argument',
    );
    const controller = new AbortController();
    controller.abort();
    await expect(pipeline.fit(X, y, { signal: controller.signal })).rejects.toThrow();
  });

  test('the types put the classifier last', () => {
    const typeCheckOnly = () =>
      // @ts-expect-error a classifier must be the last step and transformers come before it
      createPipeline([
        ['ncm', createNearestMean()],
        ['scale', createStandardScaler()],
      ]);
    expect(typeof typeCheckOnly).toBe('function');
  });
});
