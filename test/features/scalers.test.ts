import { describe, expect, test } from 'vitest';
import {
  createMinMaxScaler,
  createStandardScaler,
  type FittedMinMaxScaler,
  type FittedStandardScaler,
} from '../../src/features/index.js';
import { expectModeldebugError } from './error-helpers.js';
import { featuresFromColumns } from './reference-data.js';

const mixed = featuresFromColumns(['height', 'color', 'weight'], {
  height: [1, 2, 3, null],
  color: ['red', 'blue', null, 'red'],
  weight: [10, 10, 10, 10],
});

describe('StandardScaler', () => {
  test('params default as sklearn and are validated strictly', async () => {
    expect(createStandardScaler().params).toEqual({ with_mean: true, with_std: true });
    const unknown = await expectModeldebugError(
      () => createStandardScaler({ withMean: false } as never),
      'unknown_param',
    );
    expect(unknown.hint).toContain('with_mean, with_std');
    await expectModeldebugError(() => createStandardScaler({ with_std: 'yes' } as never), 'invalid_param');
  });

  test('withParams returns a new scaler and leaves the original alone', () => {
    const scaler = createStandardScaler();
    const changed = scaler.withParams({ with_mean: false });
    expect(changed.params.with_mean).toBe(false);
    expect(scaler.params.with_mean).toBe(true);
  });

  test('scales numeric columns only, passes categorical codes and NaN through, never mutates', async () => {
    const before = Array.from(mixed.data);
    const fitted = (await createStandardScaler().fit(mixed)) as FittedStandardScaler;
    const out = fitted.transform(mixed);
    expect(Array.from(mixed.data)).toEqual(before);
    expect(out.columns).toBe(mixed.columns);
    expect(Number.isNaN(fitted.mean[1])).toBe(true);
    const column = (j: number) => [0, 1, 2, 3].map((i) => out.data[i * 3 + j]);
    expect(column(1)).toEqual([0, 1, Number.NaN, 0]);
    expect(column(0)[3]).toBeNaN();
    expect(column(0)[1]).toBe(0);
    // A constant column transforms to 0, not NaN (scale 1).
    expect(column(2)).toEqual([0, 0, 0, 0]);
    expect(fitted.scale[2]).toBe(1);
  });

  test('a constant column whose mean is inexact still counts as constant', async () => {
    // 0.1 summed ten times is not 1, so the computed variance is a tiny positive number, not 0.
    const X = featuresFromColumns(['x'], { x: Array(10).fill(0.1) });
    const fitted = (await createStandardScaler().fit(X)) as FittedStandardScaler;
    expect(fitted.scale[0]).toBe(1);
    expect(Math.abs(fitted.transform(X).data[0])).toBeLessThan(1e-15);
  });

  test('with_mean false only divides; with_std false only centres', async () => {
    const X = featuresFromColumns(['x'], { x: [1, 3] });
    const noMean = await createStandardScaler({ with_mean: false }).fit(X);
    expect(Array.from(noMean.transform(X).data)).toEqual([1, 3]);
    const noStd = await createStandardScaler({ with_std: false }).fit(X);
    expect(Array.from(noStd.transform(X).data)).toEqual([-1, 1]);
  });

  test('an all-missing column stays NaN and is reported', async () => {
    const X = featuresFromColumns(['x', 'empty'], { x: [1, 2], empty: [null, null] });
    const fitted = await createStandardScaler().fit(X);
    expect(fitted.warnings.map((warning) => warning.code)).toEqual(['all_missing_column']);
    expect(Number.isNaN(fitted.transform(X).data[1])).toBe(true);
  });

  test('refuses columns other than the fitted ones', async () => {
    const fitted = await createStandardScaler().fit(mixed);
    const other = featuresFromColumns(['height', 'weight'], { height: [1], weight: [2] });
    await expectModeldebugError(() => fitted.transform(other), 'shape_mismatch');
    const renamed = { ...mixed, columns: mixed.columns.map((c, j) => (j === 0 ? { ...c, name: 'h' } : c)) };
    const error = await expectModeldebugError(() => fitted.transform(renamed), 'shape_mismatch');
    expect(error.message).toContain('"height"');
  });
});

describe('MinMaxScaler', () => {
  test('rejects an empty or reversed feature_range at the param', async () => {
    await expectModeldebugError(() => createMinMaxScaler({ feature_range: [1, 1] }), 'invalid_param');
    await expectModeldebugError(() => createMinMaxScaler({ feature_range: [2, -2] }), 'invalid_param');
    expect(createMinMaxScaler().params).toEqual({ feature_range: [0, 1], clip: false });
  });

  test('clip bounds new data to feature_range, on numeric columns only', async () => {
    const train = featuresFromColumns(['x', 'color'], { x: [0, 10], color: ['a', 'b'] });
    const test = featuresFromColumns(['x', 'color'], { x: [-5, 20], color: ['b', 'a'] });
    const free = await createMinMaxScaler().fit(train);
    // The test rows number their own levels (b = 0, a = 1); codes pass through untouched.
    expect(Array.from(free.transform(test).data)).toEqual([-0.5, 0, 2, 1]);
    const clipped = (await createMinMaxScaler({ clip: true }).fit(train)) as FittedMinMaxScaler;
    expect(Array.from(clipped.transform(test).data)).toEqual([0, 0, 1, 1]);
    expect(Number.isNaN(clipped.scale[1])).toBe(true);
  });

  test('a constant column maps to the low end of feature_range', async () => {
    const X = featuresFromColumns(['x'], { x: [7, 7, 7] });
    const fitted = await createMinMaxScaler({ feature_range: [-1, 1] }).fit(X);
    expect(Array.from(fitted.transform(X).data)).toEqual([-1, -1, -1]);
  });
});
