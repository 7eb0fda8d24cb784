/**
 * At most `max` points of a curve, evenly spaced by index and always keeping both ends: a precision-recall
 * curve over 20,000 test rows has a point per distinct score, far more than a chart (or report.json) needs.
 */
export function thinCurve(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  max: number,
): { x: number[]; y: number[] } {
  const n = x.length;
  if (n <= max) return { x: Array.from(x), y: Array.from(y) };
  const keptX: number[] = [];
  const keptY: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (n - 1)) / (max - 1));
    keptX.push(x[i]);
    keptY.push(y[i]);
  }
  return { x: keptX, y: keptY };
}
