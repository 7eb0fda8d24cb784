import { ModeldebugError } from '../core/errors.js';
import { chiSquaredSurvival } from '../linalg/special-functions.js';
import { checkCodePair, checkSameLength } from './check-inputs.js';

export interface McNemarResult {
  /** Rows model A got right and model B got wrong (b in the 2×2 table). */
  readonly onlyFirstCorrect: number;
  /** Rows model B got right and model A got wrong (c). */
  readonly onlySecondCorrect: number;
  readonly bothCorrect: number;
  readonly bothWrong: number;
  /**
   * `exact-binomial`: two-sided binomial test of min(b, c) among b + c discordant rows at p = ½ (statistic
   * = min(b, c)); `chi-square-corrected`: (|b − c| − 1)² / (b + c) against χ²(1), Edwards' continuity
   * correction. statsmodels' `mcnemar(exact=…, correction=True)` gives the same numbers.
   */
  readonly method: 'exact-binomial' | 'chi-square-corrected';
  readonly statistic: number;
  readonly pValue: number;
}

export interface McNemarOptions {
  /** Use the exact test while b + c is below this; default 25 (the usual rule of thumb). */
  readonly exactBelow?: number;
}

/** McNemar's test: do two classifiers scored on the same rows differ in accuracy? */
export function mcnemarTest(
  yTrue: Int32Array,
  predFirst: Int32Array,
  predSecond: Int32Array,
  nLabels: number,
  options: McNemarOptions = {},
): McNemarResult {
  checkCodePair(yTrue, predFirst, nLabels);
  checkSameLength(yTrue, predSecond, 'yTrue and the second predictions');
  checkCodePair(yTrue, predSecond, nLabels);
  let b = 0;
  let c = 0;
  let bothCorrect = 0;
  let bothWrong = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const first = predFirst[i] === yTrue[i];
    const second = predSecond[i] === yTrue[i];
    if (first && second) bothCorrect++;
    else if (first) b++;
    else if (second) c++;
    else bothWrong++;
  }
  return mcnemarFromCounts({ onlyFirstCorrect: b, onlySecondCorrect: c, bothCorrect, bothWrong }, options);
}

/**
 * McNemar's test from the 2×2 counts alone, for callers that have them without the predictions (the
 * viewer pairs two stored runs by the test rows each got wrong).
 */
export function mcnemarFromCounts(
  counts: Pick<McNemarResult, 'onlyFirstCorrect' | 'onlySecondCorrect' | 'bothCorrect' | 'bothWrong'>,
  options: McNemarOptions = {},
): McNemarResult {
  const b = counts.onlyFirstCorrect;
  const c = counts.onlySecondCorrect;
  const discordant = b + c;
  if (discordant < (options.exactBelow ?? 25)) {
    const smaller = Math.min(b, c);
    const pValue = discordant === 0 ? 1 : Math.min(1, 2 * binomialCdf(smaller, discordant, 0.5));
    return { ...counts, method: 'exact-binomial', statistic: smaller, pValue };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / discordant;
  return { ...counts, method: 'chi-square-corrected', statistic, pValue: chiSquared1Survival(statistic) };
}

/** P(X ≤ k) for X ~ Binomial(n, p): a sum of pmf terms, each from the previous by the ratio recurrence. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return 1 - binomialUpperTail(k + 1, n, p);
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), summed upward from pmf(k) = exp(ln C(n, k) + k ln p + (n − k) ln(1 − p))
 * so that tiny tails (p-values of 1e-30) keep their relative precision instead of vanishing in 1 − cdf.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!(n >= 0 && Number.isInteger(n) && p >= 0 && p <= 1)) {
    throw new ModeldebugError('invalid_argument', `binomial tail needs whole n ≥ 0 and p in [0, 1]`);
  }
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const logPmf = logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
  let term = Math.exp(logPmf);
  let sum = term;
  const odds = p / (1 - p);
  for (let i = k; i < n; i++) {
    term *= ((n - i) / (i + 1)) * odds;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

function logChoose(n: number, k: number): number {
  const small = Math.min(k, n - k);
  let sum = 0;
  for (let i = 1; i <= small; i++) sum += Math.log((n - small + i) / i);
  return sum;
}

/** P(χ²₁ > x): the one-degree-of-freedom case of scipy's chdtrc. */
export function chiSquared1Survival(x: number): number {
  return chiSquaredSurvival(x, 1);
}
