import { buildModel, parseModelSpec } from '../../catalog/index.js';
import type { ColumnInfo, Features } from '../../core/features.js';
import { takeFeatureColumns, takeFeatureRows } from '../../core/features.js';
import { createRng } from '../../core/rng.js';
import { binaryRocAuc } from '../../metrics/roc-curve.js';
import { crossValidate } from '../../selection/cross-validate.js';
import { stratifiedKFold } from '../../splits/stratified-k-fold.js';

export interface DomainClassifierResult {
  /** Cross-validated ROC AUC of telling test rows from training rows: 0.5 = indistinguishable. */
  readonly auc: number;
  readonly folds: number;
  /** Rows used from each file (a seeded sample when larger). */
  readonly trainRows: number;
  readonly testRows: number;
  readonly model: string;
}

export interface DomainClassifierOptions {
  readonly folds?: number;
  readonly seed?: number;
  /** Most rows taken from each file; default 2000. */
  readonly maxRowsPerSide?: number;
  readonly signal?: AbortSignal;
}

/**
 * The domain-classifier test of drift: label every training row 0 and every test row 1, and see how
 * well a model tells them apart out of fold. Per-feature tests miss shifts in how features combine;
 * this does not. Gradient boosting after imputation and one-hot encoding; free-text columns left out.
 */
export async function domainClassifierAuc(
  train: Features,
  test: Features,
  options: DomainClassifierOptions = {},
): Promise<DomainClassifierResult | undefined> {
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 0;
  const maxRows = options.maxRowsPerSide ?? 2000;
  const kept = train.columns.flatMap((column, j) => (column.kind === 'text' ? [] : [j]));
  if (kept.length === 0) return undefined;
  const rng = createRng(seed);
  const a = sample(takeFeatureColumns(train, kept), maxRows, rng);
  const b = sample(takeFeatureColumns(test, kept), maxRows, rng);
  if (a.rows < folds || b.rows < folds) return undefined;
  const X = stackRows(a, b);
  const codes = Int32Array.from({ length: X.rows }, (_, i) => (i < a.rows ? 0 : 1));
  const labels = { classes: ['train', 'test'], codes };
  const spec = `impute(strategy=median, categorical_strategy=most_frequent) | onehot | hgb(max_iter=50, random_state=${seed})`;
  const cv = stratifiedKFold(codes, folds, { shuffle: true, seed }).folds;
  const result = await crossValidate(buildModel(parseModelSpec(spec)), X, labels, {
    cv,
    returnPredictions: true,
    signal: options.signal,
  });
  const proba = result.outOfFold!.proba;
  const scores = Float64Array.from({ length: X.rows }, (_, i) => proba.data[i * 2 + 1]);
  return {
    auc: binaryRocAuc(Uint8Array.from(codes), scores),
    folds,
    trainRows: a.rows,
    testRows: b.rows,
    model: spec,
  };
}

function sample(features: Features, maxRows: number, rng: ReturnType<typeof createRng>): Features {
  if (features.rows <= maxRows) return features;
  const order = rng.shuffle(Int32Array.from({ length: features.rows }, (_, i) => i));
  return takeFeatureRows(features, order.subarray(0, maxRows).sort());
}

/** The rows of `a` then `b`; categorical cells re-coded over the union of both files' categories. */
function stackRows(a: Features, b: Features): Features {
  const cols = a.cols;
  const columns: ColumnInfo[] = [];
  const recodeB: (Float64Array | undefined)[] = [];
  a.columns.forEach((column, j) => {
    if (column.kind === 'numeric') {
      columns.push(column);
      recodeB.push(undefined);
      return;
    }
    const levels = [...(column.levels ?? [])];
    const index = new Map(levels.map((level, k) => [level, k]));
    const map = Float64Array.from(b.columns[j].levels ?? [], (level) => {
      if (!index.has(level)) {
        index.set(level, levels.length);
        levels.push(level);
      }
      return index.get(level)!;
    });
    columns.push({ ...column, levels });
    recodeB.push(map);
  });
  const data = new Float64Array((a.rows + b.rows) * cols);
  data.set(a.data);
  for (let i = 0; i < b.rows; i++) {
    for (let j = 0; j < cols; j++) {
      const value = b.data[i * cols + j];
      const map = recodeB[j];
      data[(a.rows + i) * cols + j] = map === undefined || Number.isNaN(value) ? value : map[value];
    }
  }
  return { rows: a.rows + b.rows, cols, data, columns };
}
