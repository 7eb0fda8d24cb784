/**
 * The training matrix as the tree builders read it: column-major float32-rounded values and, per feature, the row
 * indices in ascending value order (equal values keep row order). Built once per fit and shared by every
 * tree of a forest (and, as SharedArrayBuffers, by its worker threads).
 */
export interface PresortedColumns {
  readonly rows: number;
  readonly features: number;
  /** `columns[f * rows + i]` = X[i, f]. */
  readonly columns: Float64Array;
  /** `order[f * rows + r]`: the row of rank r in feature f. */
  readonly order: Int32Array;
}

/** Transposes row-major X and argsorts every column (`shared`: allocate in SharedArrayBuffers). */
export function presortColumns(
  X: Float64Array,
  rows: number,
  features: number,
  shared = false,
): PresortedColumns {
  const size = rows * features;
  const columns = shared ? new Float64Array(new SharedArrayBuffer(8 * size)) : new Float64Array(size);
  const order = shared ? new Int32Array(new SharedArrayBuffer(4 * size)) : new Int32Array(size);
  // Rounded to float32 as sklearn's trees see X: the same cuts are possible and thresholds match.
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < features; f++) columns[f * rows + i] = Math.fround(X[i * features + f]);
  }
  const workspace = createArgsortWorkspace(rows);
  for (let f = 0; f < features; f++) {
    stableArgsort(
      columns.subarray(f * rows, (f + 1) * rows),
      order.subarray(f * rows, (f + 1) * rows),
      workspace,
    );
  }
  return { rows, features, columns, order };
}

interface ArgsortWorkspace {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly swap: Int32Array;
  readonly counts: Uint32Array;
  readonly bits: Float64Array;
  readonly words: Uint32Array;
}

function createArgsortWorkspace(n: number): ArgsortWorkspace {
  const bits = new Float64Array(1);
  return {
    hi: new Uint32Array(n),
    lo: new Uint32Array(n),
    swap: new Int32Array(n),
    counts: new Uint32Array(256),
    bits,
    words: new Uint32Array(bits.buffer),
  };
}

/**
 * Ascending stable argsort of float64 values by LSD radix sort on their bits: a non-negative double's
 * bits order like the number once the sign bit is set, a negative double's once all bits are flipped.
 * Eight byte-wide passes, O(n) each, and no comparator calls.
 */
function stableArgsort(values: Float64Array, out: Int32Array, w: ArgsortWorkspace): void {
  const n = values.length;
  // words[0] is the low half on little-endian machines (every platform Node supports).
  for (let i = 0; i < n; i++) {
    w.bits[0] = values[i];
    let hi = w.words[1];
    let lo = w.words[0];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    w.hi[i] = hi;
    w.lo[i] = lo;
    out[i] = i;
  }
  let from = out;
  let to = w.swap;
  for (let pass = 0; pass < 8; pass++) {
    const key = pass < 4 ? w.lo : w.hi;
    const shift = (pass % 4) * 8;
    w.counts.fill(0);
    for (let r = 0; r < n; r++) w.counts[(key[from[r]] >>> shift) & 255]++;
    let total = 0;
    for (let b = 0; b < 256; b++) {
      const count = w.counts[b];
      w.counts[b] = total;
      total += count;
    }
    for (let r = 0; r < n; r++) {
      const row = from[r];
      to[w.counts[(key[row] >>> shift) & 255]++] = row;
    }
    const tmp = from;
    from = to;
    to = tmp;
  }
  // An even number of passes leaves the result back in `out`.
}
