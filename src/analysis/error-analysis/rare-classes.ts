import { takeFeatureRows } from '../../core/features.js';
import type { Dataset } from '../../data/dataset.js';
import type { ErrorAnalysis } from './error-analysis-types.js';

export interface RareClassSplit {
  /** The dataset without the rows of classes too small for the folds (the input itself when none). */
  readonly dataset: Dataset;
  /** Row of the analysed dataset → row of the input; undefined when nothing was left out. */
  readonly kept?: Int32Array;
  /** The classes left out, each with its row count. */
  readonly left: readonly { readonly label: string; readonly rows: number }[];
}

/**
 * Stratified k-fold cannot score a class with fewer rows than folds; instead of giving up on the whole
 * analysis, those classes' rows are set aside and the rest analysed (their labels re-coded so that the
 * model's probability columns are the classes it can learn). Fewer than two classes left: unchanged, so
 * the caller's own check reports the problem.
 */
export function withoutRareClasses(dataset: Dataset, folds: number): RareClassSplit {
  const { classes, codes } = dataset.labels;
  const counts = new Int32Array(classes.length);
  for (const code of codes) counts[code]++;
  const keep = Array.from(counts, (count) => count >= folds);
  const keptClasses = classes.filter((_, j) => keep[j]);
  if (keptClasses.length === classes.length || keptClasses.length < 2) return { dataset, left: [] };
  const newCode = new Int32Array(classes.length).fill(-1);
  keptClasses.forEach((name) => {
    newCode[classes.indexOf(name)] = keptClasses.indexOf(name);
  });
  const rows: number[] = [];
  for (let i = 0; i < codes.length; i++) if (keep[codes[i]]) rows.push(i);
  const kept = Int32Array.from(rows);
  return {
    dataset: {
      ...dataset,
      features: takeFeatureRows(dataset.features, kept),
      labels: { classes: keptClasses, codes: Int32Array.from(kept, (row) => newCode[codes[row]]) },
    },
    kept,
    left: classes.flatMap((label, j) => (keep[j] ? [] : [{ label, rows: counts[j] }])),
  };
}

/** The analysis of the kept rows with every row index mapped back to the input dataset's rows. */
export function mapRowsBack(analysis: ErrorAnalysis, kept: Int32Array): ErrorAnalysis {
  const back = (row: number) => kept[row];
  return {
    ...analysis,
    misclassified: analysis.misclassified.map((entry) => ({ ...entry, row: back(entry.row) })),
    confidentMistakes: analysis.confidentMistakes.map((entry) => ({ ...entry, row: back(entry.row) })),
    suspectedLabelErrors: analysis.suspectedLabelErrors.map((entry) => ({ ...entry, row: back(entry.row) })),
    textClusters: analysis.textClusters.map((cluster) => ({
      ...cluster,
      exampleRows: cluster.exampleRows.map(back),
      rows: cluster.rows.map(back),
    })),
  };
}
