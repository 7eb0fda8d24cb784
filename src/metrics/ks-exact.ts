/**
 * The exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic, P(D ≥ d) under the null,
 * as scipy's `ks_2samp(method='exact')` computes it: d is read as h / lcm(n, m) on the lattice of
 * possible values, and the probability counts the monotone lattice paths from (0, 0) to (n, m) that
 * leave the band |x/n − y/m| < h / lcm (Hodges 1958), carried as the proportion of paths that have
 * already left, column by column (Viehmann 2021), which keeps every number in [0, 1].
 * Undefined when the recursion leaves [0, 1] (scipy then falls back to the asymptotic form).
 */
export function ksExactPValue(n: number, m: number, d: number): number | undefined {
  const g = gcd(n, m);
  const lcm = (n / g) * m;
  const h = Math.round(d * lcm);
  if (h === 0) return 1;
  const p = n === m ? outsideSquare(n, h) : outsideBand(n, m, g, h);
  return p >= 0 && p <= 1 ? p : undefined;
}

/**
 * n = m: 2 Σ_k (−1)^(k+1) C(2n, n − kh) / C(2n, n), summed from the smallest term up in the nested
 * form 2·A₁(1 − A₂(1 − A₃(…))) so that no large binomial is formed and little cancels.
 */
function outsideSquare(n: number, h: number): number {
  let nested = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    nested = ratio * (1 - nested);
  }
  return 2 * nested;
}

/**
 * n ≠ m: one column of the path table at a time (x = 1 … the larger size), over the window of y values
 * inside the band; each cell holds the share of paths to it that have left the band, so cells outside
 * the band are 1 and the answer is the cell (larger, smaller).
 */
function outsideBand(first: number, second: number, g: number, h: number): number {
  const big = Math.max(first, second);
  const small = Math.min(first, second);
  const bigStep = big / g;
  const smallStep = small / g;
  let low = 0;
  let high = Math.min(Math.ceil(h / bigStep), small + 1);
  let width = high - low;
  const column = new Float64Array(Math.min(2 * high + 2, small + 1)).fill(1);
  column.fill(0, low, high);
  for (let x = 1; x <= big; x++) {
    const previousLow = low;
    const previousWidth = width;
    low = Math.min(Math.max(Math.floor((smallStep * x - h) / bigStep) + 1, 0), small);
    high = Math.min(Math.ceil((smallStep * x + h) / bigStep), small + 1);
    if (high <= low) return 1;
    let below = low === 0 ? 0 : 1;
    for (let k = 0; k < high - low; k++) {
      const y = k + low;
      below = (column[k + low - previousLow] * x + below * y) / (x + y);
      column[k] = below;
    }
    width = high - low;
    if (previousWidth > width) column.fill(1, width, previousWidth);
  }
  return column[high - low - 1];
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
