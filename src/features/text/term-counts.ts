import type { CsrMatrix } from '../../core/csr-matrix.js';

/**
 * Per-document term counts as CSR rows. `columnOf` gives a term's column, or −1 to skip it; in
 * `learn` mode unknown terms get the next column (first-occurrence order, as sklearn's vocabulary dict).
 * Each row's entries come in ascending column order. The scratch (one count per column, the touched
 * columns) is allocated once and grown, never per document.
 */
export function countTerms(
  documents: readonly string[],
  termsOf: (document: string) => readonly string[],
  vocabulary: Map<string, number>,
  learn: boolean,
): CsrMatrix {
  const rows = documents.length;
  const indptr = new Int32Array(rows + 1);
  let indices: Int32Array = new Int32Array(1024);
  let data: Float64Array = new Float64Array(1024);
  let counts: Float64Array = new Float64Array(Math.max(16, vocabulary.size));
  let touched: Int32Array = new Int32Array(64);
  for (let i = 0; i < rows; i++) {
    let distinct = 0;
    for (const term of termsOf(documents[i])) {
      let column = vocabulary.get(term);
      if (column === undefined) {
        if (!learn) continue;
        column = vocabulary.size;
        vocabulary.set(term, column);
      }
      if (column >= counts.length) counts = grown(counts, column + 1);
      if (counts[column] === 0) {
        if (distinct === touched.length) touched = grownInt(touched, distinct + 1);
        touched[distinct++] = column;
      }
      counts[column]++;
    }
    const row = touched.subarray(0, distinct).sort();
    const start = indptr[i];
    if (start + distinct > indices.length) {
      indices = grownInt(indices, start + distinct);
      data = grown(data, start + distinct);
    }
    for (let t = 0; t < distinct; t++) {
      indices[start + t] = row[t];
      data[start + t] = counts[row[t]];
      counts[row[t]] = 0;
    }
    indptr[i + 1] = start + distinct;
  }
  const stored = indptr[rows];
  return {
    rows,
    cols: vocabulary.size,
    indptr,
    indices: indices.slice(0, stored),
    data: data.slice(0, stored),
  };
}

function grown(array: Float64Array, atLeast: number): Float64Array {
  const out = new Float64Array(Math.max(atLeast, array.length * 2));
  out.set(array);
  return out;
}

function grownInt(array: Int32Array, atLeast: number): Int32Array {
  const out = new Int32Array(Math.max(atLeast, array.length * 2));
  out.set(array);
  return out;
}
