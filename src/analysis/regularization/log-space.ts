/**
 * numpy's logspace(start, stop, n): 10 ** linspace(start, stop, n), where linspace computes
 * start + i·step with step = (stop − start) / (n − 1) and pins the last point to `stop`. V8's `10 ** -4`
 * is 9.999999999999999e-5, one ulp under C's pow; 1 / 10 ** 4 rounds to 1e-4 as numpy does, so negative
 * exponents go through the reciprocal.
 */
export function logSpace(start: number, stop: number, count: number): Float64Array {
  const out = new Float64Array(count);
  if (count === 1) {
    out[0] = powerOfTen(start);
    return out;
  }
  const step = (stop - start) / (count - 1);
  for (let i = 0; i < count; i++) out[i] = powerOfTen(i === count - 1 ? stop : start + i * step);
  return out;
}

function powerOfTen(exponent: number): number {
  return exponent < 0 ? 1 / 10 ** -exponent : 10 ** exponent;
}
