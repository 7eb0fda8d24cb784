/**
 * Python's `format(x, '.{digits}f')`: correctly rounded, with exact ties going to the even digit.
 * JavaScript's toFixed breaks exact ties away from zero (0.125 → '0.13' where Python prints '0.12').
 */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  const rounded = value.toFixed(digits);
  if (Math.abs(value) >= 1e21 || digits > 50) return rounded;
  // toFixed(100) is the exact decimal expansion of every double the metrics produce.
  const exact = Math.abs(value).toFixed(100);
  const point = exact.indexOf('.');
  if (!/^50*$/.test(exact.slice(point + 1 + digits))) return rounded;
  const lastKept = digits === 0 ? exact[point - 1] : exact[point + digits];
  if (Number(lastKept) % 2 === 1) return rounded;
  // An exact tie after an even digit: Python keeps the digit, toFixed would have rounded it up.
  const kept = exact.slice(0, digits === 0 ? point : point + 1 + digits);
  return value < 0 ? `-${kept}` : kept;
}
