import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { alignTestSet, type Dataset, loadDataset } from '../../data/index.js';
import { duplicateGroups, groupedHoldout } from './duplicate-groups.js';
import type { FixData } from './fix-types.js';

export interface FixDataSource {
  readonly train: string;
  readonly label: string;
  readonly test?: string;
  /** Share of the rows held out when there is no test file. */
  readonly testSize: number;
  readonly seed: number;
  readonly drop?: readonly string[];
  readonly text?: readonly string[];
}

/**
 * Sets the final test rows apart before anything looks at the data: the test file, or a stratified
 * seeded share of the rows in which every copy of a duplicated row falls on the same side (a twin in
 * training would otherwise flatter the final score).
 */
export async function prepareFixData(source: FixDataSource): Promise<FixData> {
  const options = { label: source.label, drop: source.drop, text: source.text };
  const full = await loadDataset(source.train, options);
  if (source.test !== undefined) {
    const aligned = alignTestSet(full, await loadDataset(source.test, options));
    return {
      ...aligned,
      trainFileRows: range(aligned.train.features.rows),
      testFileRows: range(aligned.test.features.rows),
      testDescription: `the test file ${aligned.test.source} (${aligned.test.features.rows} rows)`,
    };
  }
  const split = groupedHoldout(full.labels.codes, duplicateGroups(full), source.testSize, source.seed);
  return {
    train: rowsOf(full, split.train),
    test: rowsOf(full, split.test),
    trainFileRows: Array.from(split.train),
    testFileRows: Array.from(split.test),
    testDescription: `a stratified ${Math.round(source.testSize * 100)} % hold-out of ${full.source} (${split.test.length} rows, seed ${source.seed}), set apart before anything else`,
  };
}

function rowsOf(dataset: Dataset, rows: Int32Array): Dataset {
  return {
    ...dataset,
    features: takeFeatureRows(dataset.features, rows),
    labels: takeLabelRows(dataset.labels, rows),
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
