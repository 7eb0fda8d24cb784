import { describe, expect, test } from 'vitest';
import { createOneHotEncoder, type FittedOneHotEncoder } from '../../src/features/index.js';
import { expectModeldebugError } from './error-helpers.js';
import { featuresFromColumns } from './reference-data.js';

const mixed = featuresFromColumns(['age', 'color', 'size'], {
  age: [30, 40, null],
  color: ['red', 'blue', 'red'],
  size: ['S', 'M', 'L'],
});

describe('OneHotEncoder', () => {
  test('ignores unknown categories by default (a deliberate departure from sklearn)', () => {
    expect(createOneHotEncoder().params).toEqual({
      categories: 'auto',
      drop: null,
      handle_unknown: 'ignore',
    });
  });

  test('encodes categorical columns in place and passes numeric ones through', async () => {
    const fitted = (await createOneHotEncoder().fit(mixed)) as FittedOneHotEncoder;
    const out = fitted.transform(mixed);
    expect(out.columns.map((column) => `${column.name}:${column.kind}`)).toEqual([
      'age:numeric',
      'color_blue:numeric',
      'color_red:numeric',
      'size_L:numeric',
      'size_M:numeric',
      'size_S:numeric',
    ]);
    expect(Array.from(out.data)).toEqual([30, 0, 1, 0, 0, 1, 40, 1, 0, 0, 1, 0, Number.NaN, 0, 1, 1, 0, 0]);
    expect(fitted.categories[0]).toBeNull();
  });

  test('categories come from the training rows, not from all the levels of the dataset', async () => {
    const firstTwo = { ...mixed, rows: 2, data: mixed.data.subarray(0, 6) };
    const fitted = (await createOneHotEncoder().fit(firstTwo)) as FittedOneHotEncoder;
    expect(fitted.categories[2]).toEqual(['M', 'S']);
    // The third row's "L" was never seen: all zeros under 'ignore'.
    const out = fitted.transform(mixed);
    expect(Array.from(out.data.subarray(10, 15))).toEqual([Number.NaN, 0, 1, 0, 0]);
  });

  test("handle_unknown 'error' names the unknown category and its column", async () => {
    const firstTwo = { ...mixed, rows: 2, data: mixed.data.subarray(0, 6) };
    const fitted = await createOneHotEncoder({ handle_unknown: 'error' }).fit(firstTwo);
    const error = await expectModeldebugError(() => fitted.transform(mixed), 'invalid_argument');
    expect(error.message).toContain("['L']");
    expect(error.where).toBe('column "size"');
  });

  test("drop 'if_binary' drops the first of exactly two categories; 'first' drops it always", async () => {
    const ifBinary = (await createOneHotEncoder({ drop: 'if_binary' }).fit(mixed)) as FittedOneHotEncoder;
    expect(ifBinary.featureNamesOut).toEqual(['age', 'color_red', 'size_L', 'size_M', 'size_S']);
    const first = (await createOneHotEncoder({ drop: 'first' }).fit(mixed)) as FittedOneHotEncoder;
    expect(first.featureNamesOut).toEqual(['age', 'color_red', 'size_M', 'size_S']);
    expect(Array.from(first.dropIndex)).toEqual([-1, 0, 0]);
  });

  test('text columns pass through (they are for a text vectoriser)', async () => {
    const X = featuresFromColumns(['note'], { note: ['hello', 'bye'] });
    const asText = { ...X, columns: [{ ...X.columns[0], kind: 'text' as const }] };
    const out = (await createOneHotEncoder().fit(asText)).transform(asText);
    expect(out.columns).toEqual(asText.columns);
    expect(Array.from(out.data)).toEqual([0, 1]);
  });

  test('rejects drop values sklearn does not know', async () => {
    const error = await expectModeldebugError(
      () => createOneHotEncoder({ drop: 'last' } as never),
      'invalid_param',
    );
    expect(error.message).toContain('drop');
  });
});
