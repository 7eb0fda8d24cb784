import { ModeldebugError } from './errors.js';

/**
 * A compressed sparse row matrix (scipy's csr_matrix): the stored entries of row i are
 * `data[indptr[i] .. indptr[i+1])` at columns `indices[..]`, ascending within a row. Absent entries are 0.
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  /** `rows + 1` offsets into `indices` / `data`; `indptr[rows]` is the number of stored entries. */
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: Float64Array;
}

export function createCsrMatrix(
  rows: number,
  cols: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
): CsrMatrix {
  const stored = indptr[rows];
  if (indptr.length !== rows + 1 || indptr[0] !== 0 || indices.length < stored || data.length < stored) {
    throw new ModeldebugError(
      'shape_mismatch',
      `sparse matrix of ${rows} x ${cols} has ${indptr.length} row offsets and ${indices.length} indices`,
    );
  }
  return { rows, cols, indptr, indices, data };
}

/** The rows `rowIndices` (in that order, repeats allowed) as a new matrix: one copy of their entries. */
export function takeCsrRows(matrix: CsrMatrix, rowIndices: ArrayLike<number>): CsrMatrix {
  const { indptr, indices, data } = matrix;
  const count = rowIndices.length;
  const outPtr = new Int32Array(count + 1);
  for (let r = 0; r < count; r++) {
    const i = rowIndices[r];
    outPtr[r + 1] = outPtr[r] + indptr[i + 1] - indptr[i];
  }
  const outIndices = new Int32Array(outPtr[count]);
  const outData = new Float64Array(outPtr[count]);
  for (let r = 0; r < count; r++) {
    const i = rowIndices[r];
    outIndices.set(indices.subarray(indptr[i], indptr[i + 1]), outPtr[r]);
    outData.set(data.subarray(indptr[i], indptr[i + 1]), outPtr[r]);
  }
  return { rows: count, cols: matrix.cols, indptr: outPtr, indices: outIndices, data: outData };
}

/** The columns `columnIndices` (ascending, no repeats) as a new matrix, renumbered 0..length−1. */
export function takeCsrColumns(matrix: CsrMatrix, columnIndices: ArrayLike<number>): CsrMatrix {
  const position = new Int32Array(matrix.cols).fill(-1);
  for (let c = 0; c < columnIndices.length; c++) {
    if (c > 0 && columnIndices[c] <= columnIndices[c - 1]) {
      throw new ModeldebugError('invalid_argument', 'sparse column selection must be ascending');
    }
    position[columnIndices[c]] = c;
  }
  const { rows, indptr, indices, data } = matrix;
  const outPtr = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    let kept = 0;
    for (let k = indptr[i]; k < indptr[i + 1]; k++) if (position[indices[k]] >= 0) kept++;
    outPtr[i + 1] = outPtr[i] + kept;
  }
  const outIndices = new Int32Array(outPtr[rows]);
  const outData = new Float64Array(outPtr[rows]);
  let t = 0;
  for (let i = 0; i < rows; i++) {
    for (let k = indptr[i]; k < indptr[i + 1]; k++) {
      const c = position[indices[k]];
      if (c < 0) continue;
      outIndices[t] = c;
      outData[t++] = data[k];
    }
  }
  return { rows, cols: columnIndices.length, indptr: outPtr, indices: outIndices, data: outData };
}

/** Bytes held by the matrix's arrays (for cache budgets). */
export function csrBytes(matrix: CsrMatrix): number {
  return matrix.indptr.byteLength + matrix.indices.byteLength + matrix.data.byteLength;
}

/** Expands to a dense row-major array (tests and small outputs only: rows·cols values). */
export function csrToDense(matrix: CsrMatrix): Float64Array {
  const out = new Float64Array(matrix.rows * matrix.cols);
  for (let i = 0; i < matrix.rows; i++) {
    for (let k = matrix.indptr[i]; k < matrix.indptr[i + 1]; k++)
      out[i * matrix.cols + matrix.indices[k]] = matrix.data[k];
  }
  return out;
}
