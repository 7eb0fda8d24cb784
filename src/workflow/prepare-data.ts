import { stratifiedHoldout } from '../analysis/evaluation/stratified-holdout.js';
import { ModeldebugError } from '../core/errors.js';
import { takeFeatureColumns, takeFeatureRows } from '../core/features.js';
import { takeLabelRows } from '../core/labels.js';
import {
  alignTestSet,
  type ColumnRepair,
  type Dataset,
  exampleLabel,
  examplePath,
  loadDataset,
  loadExample,
  repairDataset,
  repairLike,
} from '../data/index.js';
import { trainTestSplit } from '../splits/index.js';
import type { RunConfig } from './config-schema.js';

export interface PreparedData {
  /** Every step but the final evaluation sees only these rows. */
  readonly train: Dataset;
  /** Held out until the final evaluation. */
  readonly test: Dataset;
  /** How the test rows were set apart, in words. */
  readonly testDescription: string;
  /** The file the data checks read, its label, the test file and the columns training leaves out. */
  readonly validation: {
    readonly path: string;
    readonly label: string;
    readonly test?: string;
    readonly drop?: readonly string[];
  };
  /** The 0-based data row of the `data` file behind each training row (the split reorders them). */
  readonly trainFileRows: Int32Array;
  /** The 0-based data row of the test file, or of the `data` file for a hold-out, behind each test row. */
  readonly testFileRows: Int32Array;
  /** What was done to date, formatted-number, identifier and many-category columns before modelling. */
  readonly repairs: readonly ColumnRepair[];
  /** What the report calls the data. */
  readonly name: string;
  readonly rows: number;
}

/**
 * Loads the data the config names and sets the final test rows apart before anything else looks at
 * them: the test file, or a stratified `test_size` share of the rows.
 */
export async function prepareData(config: RunConfig): Promise<PreparedData> {
  const { data } = config;
  const loaded = data.example
    ? await loadExample(data.example)
    : await loadDataset(data.train as string, {
        label: data.label as string,
        drop: data.drop,
        text: data.text,
      });
  const { dataset: full, repairs } = repairDataset(keepFeatures(loaded, data.features));
  const validation = data.example
    ? { path: examplePath(data.example), label: data.label ?? exampleLabel(data.example) }
    : { path: data.train as string, label: data.label as string, test: data.test, drop: data.drop };
  const name = data.example ? `example:${data.example}` : full.source;
  if (data.test) {
    const testFile = await loadDataset(data.test, {
      label: full.labelColumn,
      drop: data.drop,
      text: data.text,
    });
    const aligned = alignTestSet(full, repairLike(keepFeatures(testFile, data.features), repairs));
    return {
      ...aligned,
      testDescription: `the test file ${testFile.source} (${testFile.features.rows} rows)`,
      trainFileRows: identityRows(aligned.train.features.rows),
      testFileRows: identityRows(aligned.test.features.rows),
      validation,
      repairs,
      name,
      rows: full.features.rows,
    };
  }
  const { train, test, split } = stratifiedHoldout(full, data.test_size, config.seed);
  return {
    train,
    test,
    trainFileRows: split.train,
    testFileRows: split.test,
    testDescription: `a stratified ${Math.round(data.test_size * 100)} % hold-out (${test.features.rows} rows, seed ${config.seed}) set apart before every other step`,
    validation,
    repairs,
    name,
    rows: full.features.rows,
  };
}

function identityRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, k) => k);
}

function keepFeatures(dataset: Dataset, names: readonly string[] | undefined): Dataset {
  if (names === undefined) return dataset;
  const index = new Map(dataset.features.columns.map((column, j) => [column.name, j]));
  const missing = names.filter((name) => !index.has(name));
  if (missing.length > 0) {
    throw new ModeldebugError('missing_column', `no feature column(s) ${missing.join(', ')}`, {
      where: `${dataset.source} (data.features)`,
      hint: `columns are: ${dataset.features.columns.map((c) => c.name).join(', ')}`,
    });
  }
  return {
    ...dataset,
    features: takeFeatureColumns(
      dataset.features,
      names.map((name) => index.get(name) as number),
    ),
  };
}

/** At most `maxRows` rows, stratified (0 or more rows than there are = all). */
export function sampleRows(dataset: Dataset, maxRows: number, seed: number): Dataset {
  const rows = sampledRowIndices(dataset, maxRows, seed);
  if (rows === undefined) return dataset;
  return {
    ...dataset,
    features: takeFeatureRows(dataset.features, rows),
    labels: takeLabelRows(dataset.labels, rows),
  };
}

/**
 * The ascending rows of `dataset` a stratified sample of `maxRows` keeps (seeded), or undefined when it
 * keeps them all (`maxRows` 0 or at least the rows there are).
 */
export function sampledRowIndices(dataset: Dataset, maxRows: number, seed: number): Int32Array | undefined {
  const n = dataset.features.rows;
  if (maxRows === 0 || n <= maxRows) return undefined;
  const { test: kept } = trainTestSplit(n, { testSize: maxRows, seed, stratify: dataset.labels.codes });
  return Int32Array.from(kept).sort();
}
