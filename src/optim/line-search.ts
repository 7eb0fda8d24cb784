import { addScaled, dot } from '../linalg/vector.js';
import type { SmoothObjective } from './objective.js';

/** Armijo (sufficient decrease) constant c₁ and curvature constant c₂ of the strong Wolfe conditions. */
const C1 = 1e-4;
const C2 = 0.9;
/**
 * Near the optimum f changes by less than its own round-off, so the Armijo test on f turns into noise.
 * Hager & Zhang's approximate Wolfe test replaces it by its derivative form φ'(α) ≤ (2c₁ − 1)·φ'(0)
 * (exact for a quadratic, and accurate because gradients carry relative, not absolute, error) whenever
 * f did not rise by more than this fraction of |f|. This is what lets L-BFGS drive the gradient to
 * 1e-10 where scipy stops on its relative-decrease test.
 */
const APPROX_EPS = 1e-10;
const MAX_EVALUATIONS = 40;

export interface LineSearchResult {
  readonly ok: boolean;
  readonly step: number;
  readonly value: number;
  readonly evaluations: number;
}

/**
 * Strong Wolfe line search (Nocedal & Wright, Alg. 3.5 bracketing + Alg. 3.6 zoom with safeguarded
 * cubic interpolation) along d from x0: finds α with φ(α) = f(x0 + α·d) satisfying
 * φ(α) ≤ φ(0) + c₁·α·φ'(0) (or the approximate form above) and |φ'(α)| ≤ c₂·|φ'(0)|.
 * On return `x` and `g` hold the accepted point and its gradient.
 */
export function strongWolfeLineSearch(
  objective: SmoothObjective,
  x0: Float64Array,
  f0: number,
  g0: Float64Array,
  d: Float64Array,
  initialStep: number,
  x: Float64Array,
  g: Float64Array,
): LineSearchResult {
  const dphi0 = dot(g0, d);
  const epsF = APPROX_EPS * Math.abs(f0);
  let evaluations = 0;
  let f = f0;
  let dphi = dphi0;
  const phi = (alpha: number): void => {
    addScaled(x0, alpha, d, x);
    f = objective.evaluate(x, g);
    dphi = dot(g, d);
    evaluations++;
  };
  const armijo = (alpha: number): boolean =>
    f <= f0 + C1 * alpha * dphi0 || (f <= f0 + epsF && dphi <= (2 * C1 - 1) * dphi0);
  const curvature = (): boolean => Math.abs(dphi) <= -C2 * dphi0;
  const done = (alpha: number): LineSearchResult => ({ ok: true, step: alpha, value: f, evaluations });

  if (!(dphi0 < 0)) return { ok: false, step: 0, value: f0, evaluations };

  let alphaPrev = 0;
  let fPrev = f0;
  let dPrev = dphi0;
  let alpha = initialStep;
  while (evaluations < MAX_EVALUATIONS) {
    phi(alpha);
    if (!Number.isFinite(f) || !armijo(alpha) || (evaluations > 1 && f > fPrev + epsF)) {
      return zoom(alphaPrev, fPrev, dPrev, alpha, f, dphi);
    }
    if (curvature()) return done(alpha);
    if (dphi >= 0) return zoom(alpha, f, dphi, alphaPrev, fPrev, dPrev);
    alphaPrev = alpha;
    fPrev = f;
    dPrev = dphi;
    alpha *= 2.5;
  }
  return fail(alphaPrev, fPrev);

  function zoom(
    lo: number,
    fLo: number,
    dLo: number,
    hi: number,
    fHi: number,
    dHi: number,
  ): LineSearchResult {
    while (evaluations < MAX_EVALUATIONS) {
      const width = Math.abs(hi - lo);
      if (width <= 1e-16 * Math.max(1, Math.abs(lo))) break;
      const alpha = safeguardedCubic(lo, fLo, dLo, hi, fHi, dHi);
      phi(alpha);
      if (!Number.isFinite(f) || !armijo(alpha) || f > fLo + epsF) {
        hi = alpha;
        fHi = f;
        dHi = dphi;
        continue;
      }
      if (curvature()) return done(alpha);
      if (dphi * (hi - lo) >= 0) {
        hi = lo;
        fHi = fLo;
        dHi = dLo;
      }
      lo = alpha;
      fLo = f;
      dLo = dphi;
    }
    return fail(lo, fLo);
  }

  /** No Wolfe point found: keep the best Armijo point seen (lo), if it moved at all. */
  function fail(lo: number, fLo: number): LineSearchResult {
    if (lo > 0) {
      phi(lo);
      return { ok: true, step: lo, value: fLo, evaluations };
    }
    x.set(x0);
    g.set(g0);
    return { ok: false, step: 0, value: f0, evaluations };
  }
}

/**
 * Minimiser of the cubic through (a, fa, da) and (b, fb, db), kept within the middle 80% of [a, b] so
 * the bracket always shrinks; falls back to bisection when the cubic has no real minimiser.
 */
function safeguardedCubic(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const margin = 0.1 * (hi - lo);
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const radicand = d1 * d1 - da * db;
  let t = Number.NaN;
  if (radicand >= 0) {
    const d2 = Math.sign(b - a) * Math.sqrt(radicand);
    t = b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
  }
  if (!Number.isFinite(t) || t < lo + margin || t > hi - margin) return 0.5 * (lo + hi);
  return t;
}
