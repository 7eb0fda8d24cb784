import { type CsrMatrix, csrBytes, takeCsrColumns, takeCsrRows } from './csr-matrix.js';
import { ModeldebugError } from './errors.js';
import { type Matrix, takeColumns as takeMatrixColumns, takeRows as takeMatrixRows } from './matrix.js';

export type ColumnKind = 'numeric' | 'categorical' | 'text';

export interface ColumnInfo {
  readonly name: string;
  readonly kind: ColumnKind;
  /**
   * For categorical and text columns the cell holds an index into `levels` (NaN when missing), so every
   * column of a dataset fits one dense Float64Array and row subsets stay a single copy.
   */
  readonly levels?: readonly string[];
}

/**
 * The input of every estimator: a dense row-major matrix plus what each column is — or, when `sparse` is
 * set (the output of a text vectoriser), a CSR matrix. Sparse features have no dense `data`: reading it
 * throws 'sparse_unsupported', so a step that only knows dense input fails with a typed error instead of
 * reading zeros or NaN. Code that accepts both branches on `sparse` first.
 */
export interface Features extends Matrix {
  readonly columns: readonly ColumnInfo[];
  readonly sparse?: CsrMatrix;
}

const SPARSE_HINT = 'put a model that takes sparse input right after tfidf (logreg or mnb), or drop tfidf';

/** Features over a CSR matrix; every column is numeric. */
export function sparseFeatures(matrix: CsrMatrix, columns: readonly ColumnInfo[]): Features {
  if (columns.length !== matrix.cols) {
    throw new ModeldebugError(
      'shape_mismatch',
      `sparse matrix has ${matrix.cols} columns but ${columns.length} column descriptions`,
    );
  }
  const features = { rows: matrix.rows, cols: matrix.cols, columns, sparse: matrix };
  // Enumerable, so that spreading sparse features into a dense copy also fails loudly.
  Object.defineProperty(features, 'data', {
    enumerable: true,
    get(): never {
      throw new ModeldebugError(
        'sparse_unsupported',
        `a step that needs a dense matrix got sparse features (${matrix.rows} x ${matrix.cols})`,
        { hint: SPARSE_HINT },
      );
    },
  });
  return features as Features;
}

/** For estimators without a sparse path: a clear typed error naming the estimator. */
export function assertDense(features: Features, estimator: string): void {
  if (features.sparse === undefined) return;
  throw new ModeldebugError(
    'sparse_unsupported',
    `${estimator} does not take sparse features (the ${features.cols} term columns of tfidf)`,
    { hint: SPARSE_HINT },
  );
}

/** Bytes held by the numbers of the features (dense values or the CSR arrays). */
export function featureBytes(features: Features): number {
  return features.sparse === undefined ? features.data.byteLength : csrBytes(features.sparse);
}

export function numericFeatures(matrix: Matrix, names?: readonly string[]): Features {
  const columns = Array.from({ length: matrix.cols }, (_, j) => ({
    name: names?.[j] ?? `x${j}`,
    kind: 'numeric' as const,
  }));
  return { rows: matrix.rows, cols: matrix.cols, data: matrix.data, columns };
}

export function takeFeatureRows(features: Features, indices: ArrayLike<number>): Features {
  if (features.sparse !== undefined)
    return sparseFeatures(takeCsrRows(features.sparse, indices), features.columns);
  return { ...takeMatrixRows(features, indices), columns: features.columns };
}

export function takeFeatureColumns(features: Features, columnIndices: ArrayLike<number>): Features {
  const columns = Array.from(columnIndices, (j) => features.columns[j]);
  if (features.sparse !== undefined)
    return sparseFeatures(takeCsrColumns(features.sparse, columnIndices), columns);
  return { ...takeMatrixColumns(features, columnIndices), columns };
}

export function featureNames(features: Features): string[] {
  return features.columns.map((column) => column.name);
}

/** Dense numbers only (missing values allowed): what an estimator that handles NaN itself checks. */
export function assertNumericDense(features: Features, estimator: string): void {
  assertDense(features, estimator);
  const nonNumeric = features.columns.find((column) => column.kind !== 'numeric');
  if (nonNumeric) {
    throw new ModeldebugError(
      'non_numeric_feature',
      `${estimator} needs numeric features; "${nonNumeric.name}" is ${nonNumeric.kind}`,
      {
        where: `column "${nonNumeric.name}"`,
        hint:
          nonNumeric.kind === 'text'
            ? 'drop it (--drop) or vectorise it with a text transform'
            : 'encode it with --encode onehot, or drop it with --drop',
      },
    );
  }
}

/**
 * Numeric estimators call this before fitting: a categorical or text column, or a missing value,
 * would otherwise turn into silent nonsense inside a solver.
 */
export function assertNumericComplete(features: Features, estimator: string): void {
  assertNumericDense(features, estimator);
  const { data, cols } = features;
  for (let k = firstNaNFrom(data); k < data.length; k++) {
    if (Number.isNaN(data[k])) {
      const name = features.columns[k % cols].name;
      throw new ModeldebugError(
        'missing_values',
        `${estimator} cannot fit missing values (first at row ${Math.floor(k / cols) + 1} of column "${name}")`,
        {
          where: `column "${name}"`,
          hint: 'add an imputer with --impute mean|median|most_frequent|constant',
        },
      );
    }
  }
}

/** The sparse twin of assertNumericComplete, for estimators with a sparse path: stored values are numbers. */
export function assertSparseComplete(matrix: CsrMatrix, estimator: string): void {
  const stored = matrix.data.subarray(0, matrix.indptr[matrix.rows]);
  const k = firstNaNFrom(stored);
  for (let t = k; t < stored.length; t++) {
    if (Number.isNaN(stored[t])) {
      throw new ModeldebugError('missing_values', `${estimator} got a missing value in sparse features`, {
        hint: 'impute missing values before the vectoriser',
      });
    }
  }
}

/**
 * Where the exact scan for the first NaN should start: the first group of four values holding a NaN,
 * else the unchecked tail (< 4 values). Testing four values per branch (v !== v only for NaN) runs at
 * memory speed: 2.4 ms instead of 4.4 ms for one value per branch over 100k x 50.
 */
function firstNaNFrom(data: Float64Array): number {
  const n = data.length;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    const a = data[k];
    const b = data[k + 1];
    const c = data[k + 2];
    const d = data[k + 3];
    // biome-ignore lint/suspicious/noSelfCompare: v !== v is true exactly for NaN.
    if (a !== a || b !== b || c !== c || d !== d) return k;
  }
  return k;
}
