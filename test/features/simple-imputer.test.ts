import { describe, expect, test } from 'vitest';
import { createSimpleImputer, type FittedSimpleImputer } from '../../src/features/index.js';
import { expectModeldebugError } from './error-helpers.js';
import { featuresFromColumns, featuresToCells } from './reference-data.js';

describe('SimpleImputer', () => {
  test('params default as sklearn', () => {
    expect(createSimpleImputer().params).toEqual({
      strategy: 'mean',
      fill_value: null,
      keep_empty_features: false,
      categorical_strategy: null,
    });
  });

  test('categorical_strategy lets a numeric strategy leave categories to their most frequent level', async () => {
    const X = featuresFromColumns(['n', 'fruit'], { n: [1, null, 2], fruit: ['fig', null, 'fig'] });
    const fitted = await createSimpleImputer({
      strategy: 'median',
      categorical_strategy: 'most_frequent',
    }).fit(X);
    expect(featuresToCells(fitted.transform(X))[1]).toEqual([1.5, 'fig']);
  });

  test('most_frequent ties go to the smallest value, numeric and categorical alike', async () => {
    // Levels in first-appearance order put "pear" before "apple": the tie must still go to "apple".
    const X = featuresFromColumns(['n', 'fruit'], {
      n: [3, 3, 1, 1, null, 2],
      fruit: ['pear', 'pear', 'apple', 'apple', null, 'fig'],
    });
    const fitted = (await createSimpleImputer({ strategy: 'most_frequent' }).fit(X)) as FittedSimpleImputer;
    expect(fitted.statistics).toEqual([1, 'apple']);
    expect(featuresToCells(fitted.transform(X))[4]).toEqual([1, 'apple']);
  });

  test('works on a mixed dataset with most_frequent or constant', async () => {
    const X = featuresFromColumns(['n', 'fruit'], { n: [1, null, 1.5], fruit: [null, 'fig', 'fig'] });
    const constant = await createSimpleImputer({ strategy: 'constant' }).fit(X);
    const out = constant.transform(X);
    expect(featuresToCells(out)).toEqual([
      [1, 'missing_value'],
      [0, 'fig'],
      [1.5, 'fig'],
    ]);
    // The fill value became a level of the output column; the input's levels are untouched.
    expect(out.columns[1].levels).toEqual(['fig', 'missing_value']);
    expect(X.columns[1].levels).toEqual(['fig']);
  });

  test('mean and median refuse categorical columns with a hint', async () => {
    const X = featuresFromColumns(['fruit'], { fruit: ['fig', null] });
    const error = await expectModeldebugError(
      () => createSimpleImputer({ strategy: 'median' }).fit(X),
      'non_numeric_feature',
    );
    expect(error.hint).toContain('most_frequent');
  });

  test('a text fill_value on a numeric column is a param error, as in sklearn', async () => {
    const X = featuresFromColumns(['n'], { n: [1, null] });
    await expectModeldebugError(
      () => createSimpleImputer({ strategy: 'constant', fill_value: 'MISSING' }).fit(X),
      'invalid_param',
    );
  });

  test('median of an even count averages the middle pair', async () => {
    const X = featuresFromColumns(['n'], { n: [4, null, 1, 10, 2] });
    const fitted = (await createSimpleImputer({ strategy: 'median' }).fit(X)) as FittedSimpleImputer;
    expect(fitted.statistics).toEqual([3]);
  });

  test('fills by level text when new data numbers its levels differently', async () => {
    const train = featuresFromColumns(['fruit'], { fruit: ['fig', 'fig', 'kiwi'] });
    const fitted = await createSimpleImputer({ strategy: 'most_frequent' }).fit(train);
    const other = featuresFromColumns(['fruit'], { fruit: ['kiwi', null, 'plum'] });
    expect(featuresToCells(fitted.transform(other)).flat()).toEqual(['kiwi', 'fig', 'plum']);
  });

  test('an all-missing categorical column is dropped, or kept as "0" with keep_empty_features', async () => {
    const X = featuresFromColumns(['fruit', 'empty'], { fruit: ['fig', 'kiwi'], empty: ['x', 'x'] });
    const allMissing = { ...X, data: Float64Array.from([0, Number.NaN, 1, Number.NaN]) };
    const dropped = await createSimpleImputer({ strategy: 'most_frequent' }).fit(allMissing);
    expect(dropped.transform(allMissing).columns.map((column) => column.name)).toEqual(['fruit']);
    expect(dropped.warnings[0].message).toContain('"empty"');
    const kept = await createSimpleImputer({ strategy: 'most_frequent', keep_empty_features: true }).fit(
      allMissing,
    );
    expect(featuresToCells(kept.transform(allMissing))).toEqual([
      ['fig', '0'],
      ['kiwi', '0'],
    ]);
  });
});
