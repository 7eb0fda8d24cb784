import { describe, expect, test } from 'vitest';
import { csrToDense, type Features, isModeldebugError } from '../../src/core/index.js';
import {
  createMinMaxScaler,
  createOneHotEncoder,
  createSimpleImputer,
  createStandardScaler,
  createTfidfVectorizer,
  type FittedMinMaxScaler,
  type FittedOneHotEncoder,
  type FittedSimpleImputer,
  type FittedStandardScaler,
  type FittedTfidfVectorizer,
  type FittedTransformer,
  loadTransformer,
} from '../../src/features/index.js';
import { wordTokens } from '../../src/features/text/index.js';
import { expectNumbers, flatten, modelledParams } from './reference-compare.js';
import {
  featuresFromColumns,
  featuresToCells,
  type ReferenceCase,
  readReferenceCases,
  referenceFeatures,
} from './reference-data.js';
import { textFeatures } from './text/text-features.js';

// Every case matches bit for bit today (checked with 0); the margin is for numpy's pairwise summation,
// which orders sums differently from a loop on larger inputs (test/fixtures/reference/README.md).
const TOLERANCE = 1e-12;

type Matrix = readonly (readonly (number | null)[])[];

/** Each sklearn class the fixtures hold, checked in full; a class without a checker fails its case. */
const CHECKERS: Readonly<Record<string, (reference: ReferenceCase) => Promise<void>>> = {
  StandardScaler: checkStandardScaler,
  MinMaxScaler: checkMinMaxScaler,
  SimpleImputer: checkSimpleImputer,
  OneHotEncoder: checkOneHotEncoder,
  TfidfVectorizer: checkTfidfVectorizer,
};

const NOT_YET: Readonly<Record<string, string>> = {};

describe('preprocessing parity with scikit-learn 1.2.1', () => {
  const cases = readReferenceCases();

  test('the fixture holds cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const reference of cases) {
    const reason = NOT_YET[reference.transformer.class];
    if (reason !== undefined) {
      test.skip(`${reference.id}: skipped, ${reason}`, () => {});
      continue;
    }
    test(reference.id, async () => {
      const check = CHECKERS[reference.transformer.class];
      expect(check, `no checker for ${reference.transformer.class}`).toBeDefined();
      expect(reference.warnings ?? [], 'sklearn warnings would need checking').toEqual([]);
      await check(reference);
    });
  }
});

/** Serialise, go through JSON text, load: the restored transformer must give the same output. */
function expectRoundTrip(fitted: FittedTransformer, X: Features): void {
  const restored = loadTransformer(JSON.parse(JSON.stringify(fitted.toJSON())));
  const before = fitted.transform(X);
  const after = restored.transform(X);
  expect(after.columns).toEqual(before.columns);
  expect(Array.from(after.data)).toEqual(Array.from(before.data));
  expect(restored.warnings).toEqual(fitted.warnings);
}

async function checkStandardScaler(reference: ReferenceCase): Promise<void> {
  const params = modelledParams(reference.transformer.params, { copy: true });
  const X = referenceFeatures(reference.input);
  const fitted = (await createStandardScaler(params).fit(X)) as FittedStandardScaler;
  const expected = reference.expected as {
    fitted: { mean_: number[]; var_: number[]; scale_: number[]; n_samples_seen_: number | number[] };
    transformed: Matrix;
    inverse_transformed: Matrix;
  };
  expectNumbers(fitted.mean, expected.fitted.mean_, TOLERANCE, 'mean_');
  expectNumbers(fitted.variance, expected.fitted.var_, TOLERANCE, 'var_');
  expectNumbers(fitted.scale, expected.fitted.scale_, TOLERANCE, 'scale_');
  const seen = expected.fitted.n_samples_seen_;
  expect(Array.from(fitted.samplesSeen)).toEqual(Array.isArray(seen) ? seen : Array(X.cols).fill(seen));
  const transformed = fitted.transform(X);
  expectNumbers(transformed.data, flatten(expected.transformed), TOLERANCE, 'transformed');
  expectNumbers(
    fitted.inverseTransform(transformed).data,
    flatten(expected.inverse_transformed),
    TOLERANCE,
    'inverse',
  );
  expectRoundTrip(fitted, X);
}

async function checkMinMaxScaler(reference: ReferenceCase): Promise<void> {
  const params = modelledParams(reference.transformer.params, { copy: true });
  const X = referenceFeatures(reference.input);
  const fitted = (await createMinMaxScaler(params).fit(X)) as FittedMinMaxScaler;
  const expected = reference.expected as {
    fitted: {
      data_min_: number[];
      data_max_: number[];
      data_range_: number[];
      scale_: number[];
      min_: number[];
    };
    transformed: Matrix;
    inverse_transformed: Matrix;
  };
  expectNumbers(fitted.dataMin, expected.fitted.data_min_, TOLERANCE, 'data_min_');
  expectNumbers(fitted.dataMax, expected.fitted.data_max_, TOLERANCE, 'data_max_');
  const range = fitted.dataMax.map((max, j) => max - fitted.dataMin[j]);
  expectNumbers(range, expected.fitted.data_range_, TOLERANCE, 'data_range_');
  expectNumbers(fitted.scale, expected.fitted.scale_, TOLERANCE, 'scale_');
  expectNumbers(fitted.offset, expected.fitted.min_, TOLERANCE, 'min_');
  const transformed = fitted.transform(X);
  expectNumbers(transformed.data, flatten(expected.transformed), TOLERANCE, 'transformed');
  expectNumbers(
    fitted.inverseTransform(transformed).data,
    flatten(expected.inverse_transformed),
    TOLERANCE,
    'inverse',
  );
  expectRoundTrip(fitted, X);
}

async function checkSimpleImputer(reference: ReferenceCase): Promise<void> {
  const params = modelledParams(reference.transformer.params, {
    add_indicator: false,
    copy: true,
    missing_values: 'NaN',
    verbose: 'deprecated',
  });
  const X = referenceFeatures(reference.input);
  const fitted = (await createSimpleImputer(params).fit(X)) as FittedSimpleImputer;
  const expected = reference.expected as {
    statistics_: (number | string | null)[];
    output_columns?: string[];
    transformed: (number | string | null)[][];
  };
  expect(fitted.statistics.length).toBe(expected.statistics_.length);
  expected.statistics_.forEach((want, j) => {
    const got = fitted.statistics[j];
    if (typeof want === 'string') expect(got, `statistics_[${j}]`).toBe(want);
    else expectNumbers([got as number], [want], TOLERANCE, `statistics_[${j}]`);
  });
  const transformed = fitted.transform(X);
  const outputNames = expected.output_columns ?? reference.input.columns ?? [];
  expect(transformed.columns.map((column) => column.name)).toEqual(outputNames);
  const cells = featuresToCells(transformed);
  if (transformed.columns.every((column) => column.kind === 'numeric')) {
    expectNumbers(
      cells.flat() as number[],
      flatten(expected.transformed as Matrix),
      TOLERANCE,
      'transformed',
    );
  } else {
    expect(cells).toEqual(expected.transformed);
  }
  // sklearn drops all-missing columns silently; we say so as data.
  const dropped = (reference.input.columns ?? []).filter((name) => !outputNames.includes(name));
  expect(fitted.warnings.map((warning) => warning.code)).toEqual(dropped.map(() => 'dropped_empty_column'));
  expectRoundTrip(fitted, X);
}

async function checkOneHotEncoder(reference: ReferenceCase): Promise<void> {
  const params = modelledParams(reference.transformer.params, {
    dtype: 'float64',
    max_categories: null,
    min_frequency: null,
    sparse: 'deprecated',
    sparse_output: false,
  });
  const X = referenceFeatures(reference.input);
  const fitted = (await createOneHotEncoder(params).fit(X)) as FittedOneHotEncoder;
  const expected = reference.expected as {
    categories_: (string | null)[][];
    feature_names_out: string[];
    transformed: Matrix;
  };
  expect(fitted.categories).toEqual(expected.categories_);
  expect(fitted.featureNamesOut).toEqual(expected.feature_names_out);
  const transformed = fitted.transform(X);
  expect(transformed.columns.map((column) => column.name)).toEqual(expected.feature_names_out);
  expect(Array.from(transformed.data)).toEqual(flatten(expected.transformed));
  expectRoundTrip(fitted, X);

  const unseen = reference.transform_unseen;
  expect(unseen, 'every one-hot case carries transform_unseen').toBeDefined();
  if (unseen === undefined) return;
  // Its own levels, numbered differently from the training data's: matching must go by text.
  const names = reference.input.columns ?? [];
  const other = featuresFromColumns(names, unseen.input);
  if (unseen.output !== undefined) {
    expect(Array.from(fitted.transform(other).data)).toEqual(flatten(unseen.output));
    return;
  }
  expect(unseen.raises).toBe('ValueError');
  const unknown = /Found unknown categories \[(.*)\] in column (\d+)/.exec(unseen.message ?? '');
  expect(unknown).not.toBeNull();
  try {
    fitted.transform(other);
    expect.unreachable('transform should have thrown');
  } catch (error) {
    expect(isModeldebugError(error) && error.code).toBe('invalid_argument');
    const message = (error as Error).message;
    expect(message).toContain(`[${unknown?.[1]}]`);
    expect(message).toContain(`"${names[Number(unknown?.[2])]}"`);
  }
}

async function checkTfidfVectorizer(reference: ReferenceCase): Promise<void> {
  const sklearn = modelledParams(reference.transformer.params, {
    analyzer: 'word',
    decode_error: 'strict',
    dtype: 'float64',
    encoding: 'utf-8',
    input: 'content',
    preprocessor: null,
    stop_words: null,
    strip_accents: null,
    token_pattern: '(?u)\\b\\w\\w+\\b',
    tokenizer: null,
    vocabulary: null,
  });
  const documents = reference.input.documents ?? [];
  const X = textFeatures(documents);
  const fitted = (await createTfidfVectorizer(sklearn).fit(X)) as FittedTfidfVectorizer;
  const expected = reference.expected as {
    vocabulary_: Record<string, number>;
    feature_names_out: string[];
    idf_: number[];
    dense_matrix: Matrix;
    counts: Matrix;
    tokens_per_document: string[][];
  };
  expect(documents.map((document) => wordTokens(document, true))).toEqual(expected.tokens_per_document);
  expect(fitted.featureNamesOut).toEqual(expected.feature_names_out);
  expect(Object.fromEntries(fitted.terms.map((term, j) => [term, j]))).toEqual(expected.vocabulary_);
  expectNumbers(fitted.idf ?? [], expected.idf_, TOLERANCE, 'idf_');
  const transformed = fitted.transform(X);
  const sparse = transformed.sparse;
  expect(sparse, 'tfidf output is sparse').toBeDefined();
  if (sparse === undefined) return;
  expectNumbers(csrToDense(sparse), flatten(expected.dense_matrix), TOLERANCE, 'dense_matrix');
  const counts = (await createTfidfVectorizer({ ...sklearn, use_idf: false, norm: null }).fit(
    X,
  )) as FittedTfidfVectorizer;
  expect(Array.from(csrToDense(counts.transformDocuments(documents)))).toEqual(flatten(expected.counts));
  const restored = loadTransformer(JSON.parse(JSON.stringify(fitted.toJSON())));
  const again = restored.transform(X).sparse;
  expect(again && Array.from(csrToDense(again))).toEqual(Array.from(csrToDense(sparse)));
}
