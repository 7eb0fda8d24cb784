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

/** The input of every estimator: a dense row-major matrix plus what each column is. */
export interface Features extends Matrix {
  readonly columns: readonly ColumnInfo[];
}

export function numericFeatures(matrix: Matrix, names?: readonly string[]): Features {
  const columns = Array.from({ length: matrix.cols }, (_, j) => ({
    name: names?.[j] ?? `x${j}`,
    kind: 'numeric' as const,
  }));
  return { rows: matrix.rows, cols: matrix.cols, data: matrix.data, columns };
}

export function takeFeatureRows(features: Features, indices: ArrayLike<number>): Features {
  return { ...takeMatrixRows(features, indices), columns: features.columns };
}

export function takeFeatureColumns(features: Features, columnIndices: ArrayLike<number>): Features {
  const columns = Array.from(columnIndices, (j) => features.columns[j]);
  return { ...takeMatrixColumns(features, columnIndices), columns };
}

export function featureNames(features: Features): string[] {
  return features.columns.map((column) => column.name);
}

/**
 * Numeric estimators call this before fitting: a categorical or text column, or a missing value,
 * would otherwise turn into silent nonsense inside a solver.
 */
export function assertNumericComplete(features: Features, estimator: string): void {
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
