import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type CsrMatrix, isModeldebugError } from '../../../src/core/index.js';
import {
  createTfidfVectorizer,
  type FittedTfidfVectorizer,
  loadTransformer,
} from '../../../src/features/index.js';
import { expectNumbers } from '../reference-compare.js';
import { textFeatures } from './text-features.js';

/** test/fixtures/text/tfidf_reference.json, written by make_tfidf_reference.py (sklearn 1.2.1). */
interface SparseRows {
  readonly indptr: number[];
  readonly indices: number[];
  readonly data: number[];
}
interface TfidfCase {
  readonly id: string;
  readonly params: Record<string, unknown>;
  readonly documents: string[];
  readonly feature_names_out: string[];
  readonly idf_: number[] | null;
  readonly fit_transform: SparseRows;
  readonly unseen: string[];
  readonly transform_unseen: SparseRows;
}
interface ErrorCase {
  readonly id: string;
  readonly params: Record<string, unknown>;
  readonly documents: string[];
  readonly message: string;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/text/tfidf_reference.json', import.meta.url), 'utf8'),
) as { sklearn_version: string; numpy_version: string; cases: TfidfCase[]; error_cases: ErrorCase[] };

// Logs and square roots of V8 and glibc may differ in the last bit; sums of squares run in column order.
const TOLERANCE = 1e-12;

function expectRows(actual: CsrMatrix, expected: SparseRows, label: string): void {
  expect(Array.from(actual.indptr), `${label}: indptr`).toEqual(expected.indptr);
  expect(Array.from(actual.indices.subarray(0, actual.indptr[actual.rows])), `${label}: indices`).toEqual(
    expected.indices,
  );
  expectNumbers(actual.data.subarray(0, actual.indptr[actual.rows]), expected.data, TOLERANCE, label);
}

describe('TfidfVectorizer parity with scikit-learn 1.2.1', () => {
  test('the fixture comes from the pinned versions', () => {
    expect(fixture.sklearn_version).toBe('1.2.1');
    expect(fixture.numpy_version).toBe('1.24.2');
  });

  for (const reference of fixture.cases) {
    test(reference.id, async () => {
      const X = textFeatures(reference.documents);
      const fitted = (await createTfidfVectorizer(reference.params).fit(X)) as FittedTfidfVectorizer;
      expect(fitted.terms).toEqual(reference.feature_names_out);
      expect(fitted.featureNamesOut).toEqual(reference.feature_names_out);
      if (reference.idf_ === null) expect(fitted.idf).toBeNull();
      else expectNumbers(fitted.idf ?? [], reference.idf_, TOLERANCE, 'idf_');

      const trained = fitted.transform(X);
      expect(trained.sparse).toBeDefined();
      expect(trained.columns.map((column) => column.name)).toEqual(reference.feature_names_out);
      expectRows(trained.sparse as CsrMatrix, reference.fit_transform, 'fit_transform');
      // A second transform of the same rows tokenises again and must agree with the handed-over weights.
      expectRows(fitted.transform(X).sparse as CsrMatrix, reference.fit_transform, 'transform');

      const unseen = textFeatures(reference.unseen);
      expectRows(fitted.transform(unseen).sparse as CsrMatrix, reference.transform_unseen, 'unseen');

      const restored = loadTransformer(JSON.parse(JSON.stringify(fitted.toJSON())));
      expectRows(restored.transform(unseen).sparse as CsrMatrix, reference.transform_unseen, 'restored');
    });
  }

  for (const reference of fixture.error_cases) {
    test(`${reference.id} raises as sklearn does (${reference.message})`, async () => {
      const fit = createTfidfVectorizer(reference.params).fit(textFeatures(reference.documents));
      await expect(fit).rejects.toSatisfy(
        (error: unknown) =>
          isModeldebugError(error) && (error.code === 'invalid_argument' || error.code === 'invalid_param'),
      );
    });
  }
});
