import { describe, expect, it } from 'vitest';
import { buildModel, parseModelSpec } from '../../src/catalog/index.js';
import { encodeLabels, isModeldebugError, numericFeatures } from '../../src/core/index.js';
import {
  createKBinsDiscretizer,
  createPolynomialFeatures,
  type FittedKBinsDiscretizer,
} from '../../src/features/index.js';
import { loadCsv } from '../models/logistic-regression/fixture-data.js';

const { X, y } = loadCsv('iris.csv', 'target');

describe('poly and bins as model-spec steps', () => {
  it('fits scale | poly | logreg and bins | logreg end to end', async () => {
    for (const spec of ['scale | poly(degree=2) | logreg', 'bins(n_bins=4, encode=onehot) | logreg']) {
      const fitted = await buildModel(parseModelSpec(spec)).fit(X, y);
      const predicted = await fitted.predict(X);
      let correct = 0;
      predicted.forEach((code, i) => {
        if (code === y.codes[i]) correct++;
      });
      expect(correct / X.rows).toBeGreaterThan(0.9);
    }
  });

  it('names the 14 degree-2 columns of iris (no bias) as sklearn does', async () => {
    const out = (await createPolynomialFeatures({ include_bias: false }).fit(X)).transform(X);
    expect(out.cols).toBe(14);
    expect(out.columns[4].name).toBe('sepal length (cm)^2');
    expect(out.columns[5].name).toBe('sepal length (cm) sepal width (cm)');
  });

  it('warns about a constant column, bins it to 0, and rejects missing values', async () => {
    const data = Float64Array.from([1, 7, 2, 7, 3, 7, 4, 7]);
    const features = numericFeatures({ rows: 4, cols: 2, data }, ['a', 'flat']);
    const fitted = (await createKBinsDiscretizer({ n_bins: 2, encode: 'ordinal' }).fit(
      features,
    )) as FittedKBinsDiscretizer;
    expect(fitted.warnings.map((warning) => warning.code)).toEqual(['constant_feature']);
    expect(Array.from(fitted.transform(features).data)).toEqual([0, 0, 0, 0, 1, 0, 1, 0]);
    const gap = numericFeatures({ rows: 2, cols: 1, data: Float64Array.of(1, Number.NaN) });
    const error = await createKBinsDiscretizer()
      .fit(gap)
      .catch((caught: unknown) => caught);
    expect(isModeldebugError(error) && error.code).toBe('missing_values');
  });

  it('passes categorical columns through the binner untouched', async () => {
    const features = {
      rows: 3,
      cols: 2,
      data: Float64Array.from([0.5, 0, 1.5, 1, 2.5, 0]),
      columns: [
        { name: 'x', kind: 'numeric' as const },
        { name: 'colour', kind: 'categorical' as const, levels: ['red', 'blue'] },
      ],
    };
    const fitted = await createKBinsDiscretizer({ n_bins: 3, strategy: 'uniform' }).fit(
      features,
      encodeLabels(['a', 'b', 'a']),
    );
    const out = fitted.transform(features);
    expect(out.columns.map((column) => column.name)).toEqual(['x_0.0', 'x_1.0', 'x_2.0', 'colour']);
    expect(out.columns[3]).toBe(features.columns[1]);
  });
});
