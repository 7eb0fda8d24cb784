/**
 * Indices that sort `values` ascending; ties in index order. numpy's default argsort (introsort) gives
 * no order for ties; exact ties in fitted importances are rare, and a stable order makes ours
 * reproducible.
 */
export function argsortAscending(values: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: values.length }, (_, i) => i);
  return order.sort((a, b) => values[a] - values[b] || a - b);
}
