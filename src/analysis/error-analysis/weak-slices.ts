import { ModeldebugError } from '../../core/errors.js';
import type { Features } from '../../core/features.js';
import { binomialUpperTail } from '../../metrics/index.js';
import type { WeakSlice } from './error-analysis-types.js';
import { type FeatureBins, featureBins } from './slice-bins.js';
import { benjaminiHochberg, wilsonInterval } from './slice-statistics.js';

export interface WeakSliceOptions {
  /** Quantile bins per numeric feature; default 5. */
  readonly bins?: number;
  /** Fewest rows a slice must have; default max(10, 2 % of the rows). */
  readonly minSupport?: number;
  /** False discovery rate for Benjamini–Hochberg; default 0.05. */
  readonly alpha?: number;
  /** Also search pairs of features; default true. */
  readonly pairs?: boolean;
  /** Pairs are formed among this many features, those with the most significant single slice; default 20. */
  readonly maxPairFeatures?: number;
  /** Report at most this many slices; default 20. */
  readonly maxSlices?: number;
}

/**
 * A categorical feature with more values than this (an id, a free-form code) is searched on its own but not
 * paired: its pairs would be thousands of tiny slices that only dilute the multiple-testing correction.
 */
const MAX_PAIRED_VALUES = 50;

/** One tested slice, kept in flat form until the survivors are turned into `WeakSlice`s. */
interface Candidate {
  readonly features: readonly number[];
  readonly codes: readonly number[];
  readonly support: number;
  readonly errors: number;
  readonly pValue: number;
}

/**
 * Searches single features and pairs for slices whose error rate is significantly above the overall one:
 * a one-sided binomial test per slice, Benjamini–Hochberg over all slices tested, and a pair is kept only
 * when its Wilson lower bound exceeds both of its single-feature parents' error rates (otherwise a simpler
 * slice explains it). Ranked by lift, then q-value.
 */
export function findWeakSlices(
  features: Features,
  isError: Uint8Array,
  options: WeakSliceOptions = {},
): { slices: WeakSlice[]; tested: number; significant: number } {
  const n = features.rows;
  const nBins = options.bins ?? 5;
  if (!Number.isInteger(nBins) || nBins < 2) {
    throw new ModeldebugError('invalid_param', `slice bins must be a whole number ≥ 2, got ${nBins}`);
  }
  const minSupport = options.minSupport ?? Math.max(10, Math.ceil(0.02 * n));
  const alpha = options.alpha ?? 0.05;
  let totalErrors = 0;
  for (const flag of isError) totalErrors += flag;
  const overall = totalErrors / n;
  if (totalErrors === 0 || totalErrors === n) return { slices: [], tested: 0, significant: 0 };

  const binned = features.columns
    .map((_, j) => featureBins(features, j, nBins))
    .filter((bins): bins is FeatureBins => bins !== undefined);
  const singleRates = binned.map((bins) => sliceTallies(bins.codes, bins.labels.length, isError));
  const candidates: Candidate[] = [];
  const test = (feats: number[], codes: number[], support: number, errors: number): void => {
    if (support < minSupport || support === n) return;
    candidates.push({
      features: feats,
      codes,
      support,
      errors,
      pValue: binomialUpperTail(errors, support, overall),
    });
  };
  singleRates.forEach(({ support, errors }, f) => {
    for (let c = 0; c < support.length; c++) test([f], [c], support[c], errors[c]);
  });
  if (options.pairs ?? true) {
    const pairable = binned.map((bins) => bins.labels.length <= MAX_PAIRED_VALUES + 1);
    const chosen = pairFeatures(candidates, pairable, options.maxPairFeatures ?? 20);
    for (let x = 0; x < chosen.length; x++) {
      for (let y = x + 1; y < chosen.length; y++) {
        const a = binned[chosen[x]];
        const b = binned[chosen[y]];
        const width = b.labels.length;
        const pair = pairCodes(a.codes, b.codes, width);
        const { support, errors } = sliceTallies(pair, a.labels.length * width, isError);
        for (let c = 0; c < support.length; c++) {
          test([chosen[x], chosen[y]], [Math.floor(c / width), c % width], support[c], errors[c]);
        }
      }
    }
  }
  const qValues = benjaminiHochberg(Float64Array.from(candidates, (candidate) => candidate.pValue));
  const rateOf = (f: number, c: number): number => singleRates[f].errors[c] / singleRates[f].support[c];
  const slices: WeakSlice[] = [];
  candidates.forEach((candidate, k) => {
    const errorRate = candidate.errors / candidate.support;
    if (qValues[k] > alpha || errorRate <= overall) return;
    const ci = wilsonInterval(candidate.errors, candidate.support);
    if (candidate.features.length === 2) {
      const parentRate = Math.max(
        rateOf(candidate.features[0], candidate.codes[0]),
        rateOf(candidate.features[1], candidate.codes[1]),
      );
      if (!(ci.low > parentRate)) return;
    }
    slices.push({
      conditions: candidate.features.map((f, i) => ({
        feature: binned[f].feature,
        description: binned[f].labels[candidate.codes[i]],
      })),
      support: candidate.support,
      errors: candidate.errors,
      errorRate,
      ci,
      lift: errorRate / overall,
      pValue: candidate.pValue,
      qValue: qValues[k],
    });
  });
  slices.sort((a, b) => b.lift - a.lift || a.qValue - b.qValue || a.conditions.length - b.conditions.length);
  return {
    slices: slices.slice(0, options.maxSlices ?? 20),
    tested: candidates.length,
    significant: slices.length,
  };
}

function sliceTallies(
  codes: Int32Array,
  nCodes: number,
  isError: Uint8Array,
): { support: Int32Array; errors: Int32Array } {
  const support = new Int32Array(nCodes);
  const errors = new Int32Array(nCodes);
  for (let i = 0; i < codes.length; i++) {
    support[codes[i]]++;
    errors[codes[i]] += isError[i];
  }
  return { support, errors };
}

function pairCodes(a: Int32Array, b: Int32Array, width: number): Int32Array {
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * width + b[i];
  return out;
}

/** Pairs grow quadratically, so only the features whose best single slice is most significant pair up. */
function pairFeatures(singles: readonly Candidate[], pairable: readonly boolean[], limit: number): number[] {
  const best = new Float64Array(pairable.length).fill(1);
  for (const candidate of singles) {
    const f = candidate.features[0];
    best[f] = Math.min(best[f], candidate.pValue);
  }
  return Array.from({ length: pairable.length }, (_, f) => f)
    .filter((f) => pairable[f])
    .sort((a, b) => best[a] - best[b] || a - b)
    .slice(0, limit)
    .sort((a, b) => a - b);
}
