import { ModeldebugError } from './errors.js';

/** A dense row-major matrix: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  const values = data ?? new Float64Array(rows * cols);
  if (values.length !== rows * cols) {
    throw new ModeldebugError(
      'shape_mismatch',
      `matrix data has ${values.length} values, expected ${rows} x ${cols}`,
    );
  }
  return { rows, cols, data: values };
}

/** Builds a matrix from nested arrays; `null` stands for a missing value (NaN), as in the JSON fixtures. */
export function matrixFromRows(rows: readonly (readonly (number | null)[])[]): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new ModeldebugError('shape_mismatch', `row ${i} has ${row.length} values, expected ${cols}`);
    }
    for (let j = 0; j < cols; j++) data[i * cols + j] = row[j] ?? Number.NaN;
  });
  return { rows: rows.length, cols, data };
}

export function matrixToRows(matrix: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < matrix.rows; i++)
    out.push(Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols)));
  return out;
}

export function takeRows(matrix: Matrix, indices: ArrayLike<number>): Matrix {
  const { cols } = matrix;
  const data = new Float64Array(indices.length * cols);
  for (let r = 0; r < indices.length; r++) {
    const start = indices[r] * cols;
    data.set(matrix.data.subarray(start, start + cols), r * cols);
  }
  return { rows: indices.length, cols, data };
}

export function takeColumns(matrix: Matrix, columns: ArrayLike<number>): Matrix {
  const { rows, cols } = matrix;
  const width = columns.length;
  const data = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < width; c++) data[i * width + c] = matrix.data[i * cols + columns[c]];
  }
  return { rows, cols: width, data };
}
