import type { FindingCode } from '../../core/finding-record.js';
import { type Dataset, DEFAULT_THRESHOLDS } from '../../data/index.js';

export interface ColumnSuspect {
  readonly column: string;
  readonly code: Extract<FindingCode, 'constant_column' | 'id_column' | 'target_leak'>;
  readonly detail: string;
  /** For a leak: 0 = the majority-class rate, 1 = predicts the label perfectly. */
  readonly leakScore?: number;
  /**
   * An identifier beyond doubt: row numbers (the whole numbers min…max, each once) or a category with a
   * different value on every row. It can help a model only through the file's order or by memorising
   * rows, neither of which a new row shares.
   */
  readonly identifier?: boolean;
}

const LEAK_BINS = 10;

/**
 * The columns the data checks would flag, found on the training rows only (the test rows stay
 * untouched): constant ones, identifiers (every value different) and single-feature leaks, with the
 * validate checks' thresholds and binning.
 */
export function columnSuspects(train: Dataset): ColumnSuspect[] {
  const { rows, cols, data, columns } = train.features;
  const suspects: ColumnSuspect[] = [];
  const baseline = majorityRate(train.labels.codes, train.labels.classes.length);
  columns.forEach((column, j) => {
    const values: number[] = [];
    for (let i = 0; i < rows; i++) {
      const value = data[i * cols + j];
      if (!Number.isNaN(value)) values.push(value);
    }
    const distinct = new Set(values).size;
    if (distinct <= 1) {
      suspects.push({ column: column.name, code: 'constant_column', detail: 'holds one value (or none)' });
      return;
    }
    const integral = column.kind !== 'numeric' || values.every(Number.isInteger);
    if (integral && values.length === rows && distinct === rows && rows >= DEFAULT_THRESHOLDS.idLikeMinRows) {
      const low = values.reduce((a, b) => Math.min(a, b));
      const high = values.reduce((a, b) => Math.max(a, b));
      const rowNumbers = column.kind === 'numeric' && high - low === rows - 1;
      const identifier = rowNumbers || column.kind === 'categorical';
      suspects.push({
        column: column.name,
        code: 'id_column',
        detail: rowNumbers ? `holds the row numbers ${low}…${high}` : `all ${rows} values differ`,
        identifier,
      });
      return;
    }
    const score = leakScore(train, j, values, distinct, baseline);
    if (score !== undefined && score >= DEFAULT_THRESHOLDS.leakWarnScore) {
      suspects.push({
        column: column.name,
        code: 'target_leak',
        detail: `alone predicts the label (leak score ${score.toFixed(3)})`,
        leakScore: score,
      });
    }
  });
  return suspects;
}

function majorityRate(codes: Int32Array, nClasses: number): number {
  const counts = new Int32Array(nClasses);
  for (const code of codes) counts[code]++;
  return Math.max(...counts) / codes.length;
}

/** The label-leak check's score: accuracy of each bin's majority label, rescaled from the baseline to 1. */
function leakScore(
  train: Dataset,
  j: number,
  present: readonly number[],
  distinct: number,
  baseline: number,
): number | undefined {
  if (baseline === 1) return undefined;
  const { rows, cols, data, columns } = train.features;
  const sorted = [...present].sort((a, b) => a - b);
  const p01 = sorted[Math.floor(0.01 * (sorted.length - 1))];
  const p99 = sorted[Math.floor(0.99 * (sorted.length - 1))];
  const numericBins = columns[j].kind === 'numeric' && distinct > LEAK_BINS && p99 > p01;
  // Bins must average 10+ rows, or any column "predicts" the label of its few rows per bin.
  if (numericBins ? present.length < 10 * LEAK_BINS : present.length < 10 * distinct) return undefined;
  const width = (p99 - p01) / LEAK_BINS;
  const nClasses = train.labels.classes.length;
  const tallies = new Map<number, Int32Array>();
  for (let i = 0; i < rows; i++) {
    const value = data[i * cols + j];
    const bin = Number.isNaN(value)
      ? Number.NaN
      : numericBins
        ? Math.min(Math.max(Math.floor((value - p01) / width), 0), LEAK_BINS - 1)
        : value;
    const key = Number.isNaN(bin) ? -1e300 : bin;
    let tally = tallies.get(key);
    if (!tally) {
      tally = new Int32Array(nClasses);
      tallies.set(key, tally);
    }
    tally[train.labels.codes[i]]++;
  }
  let correct = 0;
  for (const tally of tallies.values()) correct += Math.max(...tally);
  return (correct / rows - baseline) / (1 - baseline);
}
