/** numpy's SMALL_QUICKSORT: partitions of at most this many + 1 entries are insertion-sorted. */
const SMALL_QUICKSORT = 15;

/**
 * numpy 1.24's default `argsort` (kind='quicksort': introsort — median-of-3 quicksort, insertion sort
 * for small partitions, heapsort past 2·log2(n) levels), step for step. It is not stable, and which of
 * equal values comes first is part of sklearn's results (CountVectorizer's max_features keeps
 * `(-tfs).argsort()[:limit]`), so ties are only reproduced by the same algorithm.
 */
export function numpyArgsort(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  const stack: number[] = [];
  const depths: number[] = [];
  let pl = 0;
  let pr = n - 1;
  let depth = 0;
  for (let m = n >> 1; m > 0; m >>= 1) depth += 2;
  const swap = (a: number, b: number) => {
    const t = order[a];
    order[a] = order[b];
    order[b] = t;
  };
  for (;;) {
    if (depth < 0) {
      heapsortRange(values, order, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (values[order[pm]] < values[order[pl]]) swap(pm, pl);
        if (values[order[pr]] < values[order[pm]]) swap(pr, pm);
        if (values[order[pm]] < values[order[pl]]) swap(pm, pl);
        const pivot = values[order[pm]];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do pi++;
          while (values[order[pi]] < pivot);
          do pj--;
          while (pivot < values[order[pj]]);
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // The larger side waits on the stack.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--depth);
      }
      for (let pi = pl + 1; pi <= pr; pi++) {
        const vi = order[pi];
        const v = values[vi];
        let pj = pi;
        while (pj > pl && v < values[order[pj - 1]]) {
          order[pj] = order[pj - 1];
          pj--;
        }
        order[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop() as number;
    pl = stack.pop() as number;
    depth = depths.pop() as number;
  }
  return order;
}

/** numpy's `aheapsort_` over order[start .. start+count) (1-based heap indexing, as numpy's). */
function heapsortRange(values: ArrayLike<number>, order: Int32Array, start: number, count: number): void {
  let n = count;
  for (let l = n >> 1; l > 0; l--) siftDown(values, order, start, order[start + l - 1], l, n);
  while (n > 1) {
    const tmp = order[start + n - 1];
    order[start + n - 1] = order[start];
    n--;
    siftDown(values, order, start, tmp, 1, n);
  }
}

/** Puts `tmp` at heap slot i (1-based) of a heap of n slots, moving larger children up (numpy's inner loop). */
function siftDown(
  values: ArrayLike<number>,
  order: Int32Array,
  start: number,
  tmp: number,
  i: number,
  n: number,
): void {
  const at = (k: number) => start + k - 1;
  for (let j = i << 1; j <= n; ) {
    if (j < n && values[order[at(j)]] < values[order[at(j + 1)]]) j++;
    if (values[tmp] < values[order[at(j)]]) {
      order[at(i)] = order[at(j)];
      i = j;
      j += j;
    } else break;
  }
  order[at(i)] = tmp;
}
