import type { Features } from '../../../core/features.js';
import type { Labels } from '../../../core/labels.js';
import { createRng } from '../../../core/rng.js';
import { percentile } from '../../../metrics/bootstrap-ci.js';
import type { Interval } from './paired-variant-bootstrap.js';
import type { VariantFamily } from './prompt-variants.js';

/** A slice of the rows: one class, one level of a categorical column, or a third of the text lengths. */
export interface RowSlice {
  readonly by: 'class' | 'column' | 'length';
  /** The column the slice is of (null for a class slice). */
  readonly column: string | null;
  readonly value: string;
  readonly rows: Int32Array;
}

/** One family's effect within one slice. */
export interface SliceSpread {
  readonly family: VariantFamily;
  readonly by: RowSlice['by'];
  readonly column: string | null;
  readonly value: string;
  readonly rows: number;
  readonly baselineAccuracy: Interval;
  /** Accuracy averaged over the family's variants (the baseline not among them): no pick, no selection. */
  readonly variantAccuracy: Interval;
  /** Share of the slice's rows whose label changes under some variant of the family. */
  readonly flipRate: Interval;
}

/** A slice smaller than this says little and would only lengthen the table. */
const MIN_SLICE_ROWS = 5;
/** A categorical column with more levels than this is not sliced (the table would swamp the page). */
const MAX_LEVELS = 8;

/**
 * The slices: each class; each level of the first categorical column with at most 8 levels; and the
 * shortest, middle and longest third of the first text column's cells (by characters).
 */
export function rowSlices(X: Features, y: Labels): RowSlice[] {
  const slices: RowSlice[] = y.classes.map((name, k) => ({
    by: 'class',
    column: null,
    value: name,
    rows: Int32Array.from(Array.from(y.codes).flatMap((code, row) => (code === k ? [row] : []))),
  }));
  const cell = (row: number, j: number) => X.data[row * X.cols + j];
  const all = Array.from({ length: X.rows }, (_, row) => row);
  const categorical = X.columns.findIndex(
    (column) => column.kind === 'categorical' && (column.levels?.length ?? 0) <= MAX_LEVELS,
  );
  if (categorical >= 0 && !X.sparse) {
    const column = X.columns[categorical];
    (column.levels ?? []).forEach((level, code) => {
      const rows = Int32Array.from(all.filter((row) => cell(row, categorical) === code));
      slices.push({ by: 'column', column: column.name, value: level, rows });
    });
  }
  const text = X.columns.findIndex((column) => column.kind === 'text');
  if (text >= 0 && !X.sparse) {
    const levels = X.columns[text].levels ?? [];
    const lengths = all.map((row) => {
      const code = cell(row, text);
      return Number.isNaN(code) ? 0 : (levels[code]?.length ?? 0);
    });
    const sorted = Float64Array.from(lengths).sort();
    const [low, high] = [percentile(sorted, 100 / 3), percentile(sorted, 200 / 3)];
    const third = (name: string, keep: (length: number) => boolean) =>
      slices.push({
        by: 'length',
        column: X.columns[text].name,
        value: name,
        rows: Int32Array.from(all.filter((row) => keep(lengths[row]))),
      });
    third(`≤ ${Math.floor(low)} characters`, (length) => length <= low);
    third(
      `${Math.floor(low) + 1}–${Math.floor(high)} characters`,
      (length) => length > low && length <= high,
    );
    third(`> ${Math.floor(high)} characters`, (length) => length > high);
  }
  return slices.filter((slice) => slice.rows.length >= MIN_SLICE_ROWS);
}

/** The mean of per-row values and its percentile-bootstrap interval (rows resampled, seeded). */
export function bootstrapMean(values: Float64Array, nBoot: number, seed: number): Interval {
  const n = values.length;
  const rng = createRng(seed);
  const draws = new Float64Array(nBoot);
  for (let b = 0; b < nBoot; b++) {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += values[rng.int(n)];
    draws[b] = sum / n;
  }
  draws.sort();
  const estimate = values.reduce((sum, value) => sum + value, 0) / n;
  return { estimate, low: percentile(draws, 2.5), high: percentile(draws, 97.5) };
}

/**
 * Per slice and family: the baseline's accuracy, the family's mean accuracy and its flip rate, each with
 * a 95 % interval over the slice's rows. `members[family]` are indices into `predictions` (0: baseline).
 */
export function sliceSpreads(
  slices: readonly RowSlice[],
  yCodes: Int32Array,
  predictions: readonly Int32Array[],
  families: readonly { readonly family: VariantFamily; readonly members: readonly number[] }[],
  options: { readonly nBoot?: number; readonly seed?: number } = {},
): SliceSpread[] {
  const nBoot = options.nBoot ?? 1000;
  const seed = options.seed ?? 0;
  return families.flatMap(({ family, members }) =>
    slices.map((slice): SliceSpread => {
      const baseline = Float64Array.from(slice.rows, (row) => (predictions[0][row] === yCodes[row] ? 1 : 0));
      const meanRight = Float64Array.from(
        slice.rows,
        (row) => members.filter((v) => predictions[v][row] === yCodes[row]).length / members.length,
      );
      const flipped = Float64Array.from(slice.rows, (row) =>
        members.some((v) => predictions[v][row] !== predictions[0][row]) ? 1 : 0,
      );
      return {
        family,
        by: slice.by,
        column: slice.column,
        value: slice.value,
        rows: slice.rows.length,
        baselineAccuracy: bootstrapMean(baseline, nBoot, seed),
        variantAccuracy: bootstrapMean(meanRight, nBoot, seed),
        flipRate: bootstrapMean(flipped, nBoot, seed),
      };
    }),
  );
}
