/**
 * A seeded order of the rows whose every prefix is stratified: each class's rows are shuffled, and the
 * j-th of class c (of n_c) is placed at (j + ½) / n_c along the order, so the first m rows hold within
 * one row of m · n_c / n of each class. The race scores rung after rung of prefixes of this order, so
 * every arm answers the same rows and each rung keeps the class balance.
 */
export function stratifiedOrder(
  codes: Int32Array,
  nClasses: number,
  rng: { shuffle<T extends Int32Array>(items: T): T },
): Int32Array {
  const byClass: number[][] = Array.from({ length: nClasses }, () => []);
  for (let row = 0; row < codes.length; row++) byClass[codes[row]].push(row);
  const placed: { row: number; key: number; cls: number }[] = [];
  byClass.forEach((rows, cls) => {
    const shuffled = rng.shuffle(Int32Array.from(rows));
    shuffled.forEach((row, j) => {
      placed.push({ row, key: (j + 0.5) / shuffled.length, cls });
    });
  });
  placed.sort((a, b) => a.key - b.key || a.cls - b.cls);
  return Int32Array.from(placed, (entry) => entry.row);
}

/** Rung sizes: first, first·growth, … rows, the last one all `total` rows. */
export function rungSizes(total: number, first: number, growth: number): number[] {
  const sizes: number[] = [];
  let size = Math.max(1, Math.min(first, total));
  for (;;) {
    sizes.push(size);
    if (size >= total) return sizes;
    size = Math.min(total, Math.ceil(size * growth));
  }
}
