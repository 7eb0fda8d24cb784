import type { Features } from '../../core/features.js';
import { chiSquaredHomogeneity, ksTwoSample } from '../../metrics/index.js';
import { benjaminiHochberg } from '../error-analysis/slice-statistics.js';

export interface FeatureDriftTest {
  readonly column: string;
  readonly test: 'ks' | 'chi2';
  readonly statistic: number;
  readonly pValue: number;
  /** Benjamini–Hochberg adjusted over every feature tested. */
  readonly qValue: number;
  /**
   * How far apart the two distributions are, on a 0–1 scale: KS's D for numbers, the total variation
   * distance ½ Σ |p_train − p_test| of the categories (missing counted as one) for categories.
   */
  readonly distance: number;
  readonly drifted: boolean;
}

export interface FeatureDriftOptions {
  /** False discovery rate of the per-feature tests; default 0.05. */
  readonly alpha?: number;
  /**
   * Smallest distance worth reporting; default 0.1. With thousands of rows a test finds differences
   * nobody would act on; a column counts as drifted only when it is both significant and this far apart.
   */
  readonly minDistance?: number;
}

/**
 * Per-feature drift between a training and a test set with the same columns: the two-sample
 * Kolmogorov–Smirnov test for numeric columns, Pearson's χ² on the category counts for categorical ones
 * (matched by category text, since each file has its own levels), Benjamini–Hochberg over all of them.
 * Free-text columns are not tested.
 */
export function featureDrift(
  train: Features,
  test: Features,
  options: FeatureDriftOptions = {},
): FeatureDriftTest[] {
  const alpha = options.alpha ?? 0.05;
  const minDistance = options.minDistance ?? 0.1;
  const raw = train.columns.flatMap((column, j): Omit<FeatureDriftTest, 'qValue' | 'drifted'>[] => {
    if (column.kind === 'text') return [];
    const a = columnValues(train, j);
    const b = columnValues(test, j);
    if (column.kind === 'numeric') {
      const result = ksTwoSample(a, b);
      if (Number.isNaN(result.pValue)) return [];
      return [{ column: column.name, test: 'ks', ...result, distance: result.statistic }];
    }
    const [first, second] = categoryCounts(a, column.levels ?? [], b, test.columns[j].levels ?? []);
    const result = chiSquaredHomogeneity(first, second);
    return [
      {
        column: column.name,
        test: 'chi2',
        statistic: result.statistic,
        pValue: result.pValue,
        distance: totalVariation(first, second),
      },
    ];
  });
  const q = benjaminiHochberg(Float64Array.from(raw, (entry) => entry.pValue));
  return raw.map((entry, k) => ({
    ...entry,
    qValue: q[k],
    drifted: q[k] < alpha && entry.distance >= minDistance,
  }));
}

function columnValues(features: Features, j: number): Float64Array {
  const values = new Float64Array(features.rows);
  for (let i = 0; i < features.rows; i++) values[i] = features.data[i * features.cols + j];
  return values;
}

/** Counts per category text over both samples (missing as its own category, last). */
function categoryCounts(
  a: Float64Array,
  levelsA: readonly string[],
  b: Float64Array,
  levelsB: readonly string[],
): [number[], number[]] {
  const names = [...new Set([...levelsA, ...levelsB])];
  const index = new Map(names.map((name, k) => [name, k]));
  const count = (codes: Float64Array, levels: readonly string[]) => {
    const counts = new Array<number>(names.length + 1).fill(0);
    for (const code of codes) counts[Number.isNaN(code) ? names.length : index.get(levels[code])!]++;
    return counts;
  };
  return [count(a, levelsA), count(b, levelsB)];
}

function totalVariation(first: readonly number[], second: readonly number[]): number {
  const n = first.reduce((s, v) => s + v, 0);
  const m = second.reduce((s, v) => s + v, 0);
  if (n === 0 || m === 0) return 0;
  let sum = 0;
  for (let k = 0; k < first.length; k++) sum += Math.abs(first[k] / n - second[k] / m);
  return sum / 2;
}
