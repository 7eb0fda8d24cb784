import { describe, expect, test } from 'vitest';
import {
  createMinMaxScaler,
  createOneHotEncoder,
  createSimpleImputer,
  createStandardScaler,
  loadTransformer,
  type Transformer,
} from '../../src/features/index.js';
import { expectModeldebugError } from './error-helpers.js';
import { featuresFromColumns } from './reference-data.js';

const X = featuresFromColumns(['n', 'color', 'empty'], {
  n: [1, null, 4, 2.5],
  color: ['red', null, 'blue', 'red'],
  empty: [null, null, null, null],
});

const transformers: readonly Transformer[] = [
  createStandardScaler(),
  createMinMaxScaler({ feature_range: [-1, 1], clip: true }),
  createSimpleImputer({ strategy: 'most_frequent' }),
  createOneHotEncoder({ drop: 'first' }),
];

describe('loadTransformer', () => {
  for (const transformer of transformers) {
    test(`${transformer.kind} survives a JSON round trip, NaN statistics included`, async () => {
      const fitted = await transformer.fit(X);
      const saved = JSON.parse(JSON.stringify(fitted.toJSON()));
      expect(saved.format).toBe('modeldebug-transformer');
      const restored = loadTransformer(saved);
      expect(restored.kind).toBe(transformer.kind);
      expect(restored.toJSON()).toEqual(saved);
      const before = fitted.transform(X);
      const after = restored.transform(X);
      expect(after.columns).toEqual(before.columns);
      expect(Array.from(after.data)).toEqual(Array.from(before.data));
    });
  }

  test('refuses foreign JSON, unknown kinds and corrupt state with typed errors', async () => {
    await expectModeldebugError(() => loadTransformer({ kind: 'standard-scaler' }), 'parse_error');
    const saved = (await createStandardScaler().fit(X)).toJSON();
    const unknown = await expectModeldebugError(
      () => loadTransformer({ ...saved, kind: 'constructor' }),
      'unsupported',
    );
    expect(unknown.hint).toContain('standard-scaler');
    const corrupt = { ...saved, state: { ...(saved.state as object), mean: 'nope' } };
    const error = await expectModeldebugError(() => loadTransformer(corrupt), 'parse_error');
    expect(error.where).toBe('state.mean');
    await expectModeldebugError(
      () => loadTransformer({ ...saved, params: { with_mean: 1 } }),
      'invalid_param',
    );
    const narrow = { ...saved, state: { ...(saved.state as object), scale: [1] } };
    const width = await expectModeldebugError(() => loadTransformer(narrow), 'parse_error');
    expect(width.message).toContain('one entry per column');
  });
});
