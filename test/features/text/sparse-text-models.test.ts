import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseModelSpec } from '../../../src/catalog/model-spec.js';
import { buildModel } from '../../../src/catalog/registry.js';
import {
  csrToDense,
  encodeLabels,
  type Features,
  isModeldebugError,
  numericFeatures,
  takeFeatureColumns,
  takeFeatureRows,
} from '../../../src/core/index.js';
import { createPipeline, createStandardScaler, createTfidfVectorizer } from '../../../src/features/index.js';
import { createKNeighbors } from '../../../src/models/knn/index.js';
import {
  createLogisticRegression,
  type FittedLogisticRegression,
} from '../../../src/models/logistic-regression/index.js';
import { createMultinomialNb, type FittedMultinomialNb } from '../../../src/models/naive-bayes/index.js';
import { crossValidate } from '../../../src/selection/cross-validate.js';
import { gridStrategy, search } from '../../../src/selection/index.js';
import { expectNumbers } from '../reference-compare.js';
import { textFeatures } from './text-features.js';

interface TextModelCase {
  readonly id: string;
  readonly tfidf_params: Record<string, unknown>;
  readonly C: number;
  readonly documents: string[];
  readonly labels: string[];
  readonly test_documents: string[];
  readonly classes: string[];
  readonly logreg_coef: number[][];
  readonly logreg_intercept: number[];
  readonly logreg_proba_test: number[][];
  readonly nb_feature_log_prob: number[][];
  readonly nb_proba_test: number[][];
}

const { text_models: cases } = JSON.parse(
  readFileSync(new URL('../../fixtures/text/tfidf_reference.json', import.meta.url), 'utf8'),
) as { text_models: TextModelCase[] };

async function tfidfOf(reference: TextModelCase): Promise<{ train: Features; test: Features }> {
  const X = textFeatures(reference.documents);
  const fitted = await createTfidfVectorizer(reference.tfidf_params).fit(X);
  return { train: fitted.transform(X), test: fitted.transform(textFeatures(reference.test_documents)) };
}

/** The same numbers as dense features: what the sparse paths must agree with. */
function densified(X: Features): Features {
  const sparse = X.sparse;
  if (sparse === undefined) throw new Error('expected sparse features');
  return { ...numericFeatures({ rows: X.rows, cols: X.cols, data: csrToDense(sparse) }), columns: X.columns };
}

describe('logreg and mnb on TF-IDF (sparse CSR) features, against scikit-learn 1.2.1', () => {
  for (const reference of cases) {
    test(`${reference.id}: LogisticRegression`, async () => {
      const { train, test: held } = await tfidfOf(reference);
      const y = encodeLabels(reference.labels);
      expect(y.classes).toEqual(reference.classes);
      const fitted = (await createLogisticRegression({ C: reference.C, tol: 1e-10, max_iter: 10000 }).fit(
        train,
        y,
      )) as FittedLogisticRegression;
      expect(fitted.diagnostics.converged).toBe(true);
      // sklearn's lbfgs stops on a relative decrease of the loss (test/fixtures/reference/README.md).
      expectNumbers(fitted.coefficients.data, reference.logreg_coef.flat(), 1e-4, 'coef_');
      expectNumbers(fitted.intercepts, reference.logreg_intercept, 1e-4, 'intercept_');
      expectNumbers(
        (await fitted.predictProba(held)).data,
        reference.logreg_proba_test.flat(),
        1e-4,
        'proba',
      );
    });

    test(`${reference.id}: MultinomialNB`, async () => {
      const { train, test: held } = await tfidfOf(reference);
      const fitted = (await createMultinomialNb().fit(
        train,
        encodeLabels(reference.labels),
      )) as FittedMultinomialNb;
      expectNumbers(
        fitted.state.featureLogProb,
        reference.nb_feature_log_prob.flat(),
        1e-12,
        'feature_log_prob_',
      );
      expectNumbers((await fitted.predictProba(held)).data, reference.nb_proba_test.flat(), 1e-10, 'proba');
    });

    test(`${reference.id}: the sparse paths reach the dense paths' results`, async () => {
      const { train, test: held } = await tfidfOf(reference);
      const y = encodeLabels(reference.labels);
      for (const params of [
        { C: reference.C },
        { C: 0.5, penalty: 'l1' as const, solver: 'owlqn' as const },
      ]) {
        const model = createLogisticRegression({ ...params, tol: 1e-10, max_iter: 10000 });
        const sparse = await model.fit(train, y);
        const dense = await model.fit(densified(train), y);
        expectNumbers(sparse.coefficients.data, Array.from(dense.coefficients.data), 1e-7, 'coef');
        expect(sparse.diagnostics.objective).toBeCloseTo(dense.diagnostics.objective, 10);
        expectNumbers(
          (await sparse.predictProba(held)).data,
          Array.from((await dense.predictProba(densified(held))).data),
          1e-7,
          'proba',
        );
      }
      const nbSparse = await createMultinomialNb().fit(train, y);
      const nbDense = await createMultinomialNb().fit(densified(train), y);
      expectNumbers(nbSparse.state.featureLogProb, Array.from(nbDense.state.featureLogProb), 1e-12, 'nb');
    });
  }
});

describe('sparse features elsewhere', () => {
  const reference = cases[0];

  test('row and column subsets of sparse features match the dense subsets', async () => {
    const { train } = await tfidfOf(reference);
    const rows = [5, 0, 17, 17, 42];
    expect(Array.from(csrToDense(takeFeatureRows(train, rows).sparse!))).toEqual(
      Array.from(takeFeatureRows(densified(train), rows).data),
    );
    const columns = [0, 3, 4, 9];
    const subset = takeFeatureColumns(train, columns);
    expect(subset.columns.map((column) => column.name)).toEqual(columns.map((j) => train.columns[j].name));
    expect(Array.from(csrToDense(subset.sparse!))).toEqual(
      Array.from(takeFeatureColumns(densified(train), columns).data),
    );
  });

  test('estimators and transforms without a sparse path throw sparse_unsupported', async () => {
    const { train } = await tfidfOf(reference);
    const y = encodeLabels(reference.labels);
    for (const attempt of [
      () => createKNeighbors().fit(train, y),
      () => createStandardScaler().fit(train),
      () =>
        createPipeline([
          ['tfidf', createTfidfVectorizer()],
          ['scale', createStandardScaler()],
          ['logreg', createLogisticRegression()],
        ]).fit(textFeatures(reference.documents), y),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isModeldebugError(error) && error.code, String(error)).toBe('sparse_unsupported');
      expect((error as Error).message).toContain('logreg or mnb');
    }
  });

  test('a model spec with tfidf cross-validates (folds slice the text rows)', async () => {
    const model = buildModel(parseModelSpec('tfidf(ngram_range=1-2, min_df=2) | logreg(C=10)'));
    const X = textFeatures(reference.documents);
    const y = encodeLabels(reference.labels);
    const cv = await crossValidate(model, X, y, { cv: 3 });
    expect(cv.folds).toHaveLength(3);
    // Class-specific words make the classes separable far above the 0.5 of chance.
    expect(cv.test.accuracy.mean).toBeGreaterThan(0.8);
    const nb = await crossValidate(buildModel(parseModelSpec('tfidf | mnb')), X, y, { cv: 3 });
    expect(nb.test.accuracy.mean).toBeGreaterThan(0.8);
  });

  test('a search over C reuses the sparse TF-IDF folds (transform cache) and scores every candidate', async () => {
    const X = textFeatures(reference.documents);
    const y = encodeLabels(reference.labels);
    const steps = parseModelSpec('tfidf(min_df=2) | logreg');
    const result = await search(X, y, { steps, strategy: gridStrategy({ 'logreg.C': [0.1, 1, 10] }), cv: 3 });
    expect(result.trials.map((trial) => trial.status)).toEqual(['ok', 'ok', 'ok']);
    // The cached folds must give the scores of fitting each pipeline from scratch.
    const direct = await crossValidate(buildModel(parseModelSpec('tfidf(min_df=2) | logreg(C=10)')), X, y, {
      cv: 3,
    });
    expect(result.trials[2].testScores).toEqual(direct.folds.map((fold) => fold.test.accuracy));
  });

  test('numeric columns pass through next to the terms; other text columns are refused', async () => {
    const documents = ['red apple', 'green apple', 'red car'];
    const X = textFeatures(documents, 'text', { price: [1.5, 0, 3] });
    const fitted = await createTfidfVectorizer().fit(X);
    const out = fitted.transform(X);
    expect(out.columns.map((column) => column.name)).toEqual(['apple', 'car', 'green', 'red', 'price']);
    const dense = csrToDense(out.sparse!);
    expect([dense[4], dense[9], dense[14]]).toEqual([1.5, 0, 3]);
    const twoTexts: Features = {
      ...X,
      columns: [X.columns[0], { name: 'other', kind: 'text', levels: ['a'] }],
      data: Float64Array.from([0, 0, 1, 0, 2, 0]),
    };
    await expect(createTfidfVectorizer().fit(twoTexts)).rejects.toThrow(/tfidf\(column=NAME\)/);
    const chosen = await createTfidfVectorizer({ column: 'text' })
      .fit(twoTexts)
      .catch((e: unknown) => e);
    expect(isModeldebugError(chosen) && chosen.code).toBe('non_numeric_feature');
  });
});
