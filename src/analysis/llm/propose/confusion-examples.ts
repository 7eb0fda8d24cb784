import { createRng } from '../../../core/rng.js';

/** Training rows one confusion pair holds: the true label, what the model answered, and a few rows. */
export interface ConfusionExamples {
  readonly trueLabel: string;
  /** The label answered, or null for rows the model gave no label. */
  readonly answered: string | null;
  /** How many training rows fall in the pair. */
  readonly count: number;
  /** A seeded sample of the pair's rows (0-based rows of the training data). */
  readonly rows: readonly number[];
}

/**
 * The misclassified rows grouped by confusion pair (true → answered, -1 = no label), the largest pairs
 * first (ties in label order), each with up to `perPair` rows drawn with `seed`.
 */
export function confusionExamples(
  yTrue: Int32Array,
  predicted: Int32Array,
  classes: readonly string[],
  options: { readonly maxPairs: number; readonly perPair: number; readonly seed: number },
): ConfusionExamples[] {
  const byPair = new Map<number, number[]>();
  const width = classes.length + 1;
  for (let row = 0; row < yTrue.length; row++) {
    if (predicted[row] === yTrue[row]) continue;
    const key = yTrue[row] * width + (predicted[row] + 1);
    const rows = byPair.get(key) ?? [];
    rows.push(row);
    byPair.set(key, rows);
  }
  const rng = createRng(options.seed);
  return [...byPair.entries()]
    .sort(([a, rowsA], [b, rowsB]) => rowsB.length - rowsA.length || a - b)
    .slice(0, options.maxPairs)
    .map(([key, rows]) => {
      const answeredCode = (key % width) - 1;
      return {
        trueLabel: classes[Math.floor(key / width)],
        answered: answeredCode < 0 ? null : classes[answeredCode],
        count: rows.length,
        rows: rng
          .shuffle([...rows])
          .slice(0, options.perPair)
          .sort((x, y) => x - y),
      };
    });
}
