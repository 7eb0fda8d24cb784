import { ModeldebugError } from '../core/errors.js';
import type { Classifier, FittedClassifier, HasCoefficients } from '../core/estimator.js';
import { type Features, takeFeatureColumns } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { featureImportance, hasCoefficients, innermostModel } from './importance-source.js';
import { numpyArgsort } from './numpy-argsort.js';

export interface RfeOptions {
  /** A count, or a fraction in (0, 1) of the features; default half of them (sklearn's None). */
  readonly nFeaturesToSelect?: number;
  /** Features removed per iteration: a count >= 1, or a fraction in (0, 1) of the starting count. */
  readonly step?: number;
  readonly signal?: AbortSignal;
  /**
   * Start each fit from the previous one's coefficients on the columns that remain (linear models that
   * take a warm start; others ignore it); default true. Same selection, fewer solver iterations.
   */
  readonly warmStart?: boolean;
  /**
   * Called after every fit, with the columns (indices into X) the model saw: RFECV scores each
   * elimination step on its test fold here.
   */
  readonly onFit?: (fitted: FittedClassifier, columns: Int32Array) => void | Promise<void>;
}

export interface RfeIteration {
  /** The columns fitted in this iteration (indices into X). */
  readonly columns: Int32Array;
  /** One per entry of `columns`: Σ coef² over classes, or the model's feature importances. */
  readonly importances: Float64Array;
  /** Removed after this fit, least important first. */
  readonly removed: Int32Array;
}

export interface RfeResult {
  /** sklearn's `support_`: true for the kept features. */
  readonly support: readonly boolean[];
  /** sklearn's `ranking_`: 1 for kept features; features removed in the last iteration rank 2, etc. */
  readonly ranking: Int32Array;
  readonly nFeatures: number;
  readonly selected: Int32Array;
  readonly selectedNames: readonly string[];
  /** Every removed feature, in the order removed. */
  readonly eliminationOrder: Int32Array;
  readonly iterations: readonly RfeIteration[];
  /** The estimator refitted on the selected features (sklearn's `estimator_`). */
  readonly finalModel: FittedClassifier;
}

/**
 * sklearn's RFE: fit on the remaining features, drop the `step` least important (`argsort(importance)`
 * ascending, never below the target count), repeat; equal importances (every constant column scores 0)
 * are ordered by numpy's unstable argsort, as sklearn's are; then refit on what is left. Works for any estimator
 * whose fitted model exposes coefficients or feature importances, a pipeline through its final step.
 */
export async function recursiveFeatureElimination(
  estimator: Classifier,
  X: Features,
  y: Labels,
  options: RfeOptions = {},
): Promise<RfeResult> {
  const nTotal = X.cols;
  const target = resolveTarget(options.nFeaturesToSelect, nTotal);
  const step = resolveStep(options.step ?? 1, nTotal);
  const support = new Uint8Array(nTotal).fill(1);
  const ranking = new Int32Array(nTotal).fill(1);
  const iterations: RfeIteration[] = [];
  const eliminationOrder: number[] = [];
  let remaining = nTotal;
  let previous: { fitted: FittedClassifier; columns: Int32Array } | undefined;
  const startFrom = (columns: Int32Array) =>
    options.warmStart === false || previous === undefined
      ? undefined
      : keptCoefficients(previous.fitted, previous.columns, columns);

  while (remaining > target) {
    const columns = supportedColumns(support);
    const fitted = await fitOn(estimator, X, y, columns, options.signal, startFrom(columns));
    previous = { fitted, columns };
    await options.onFit?.(fitted, columns);
    const importances = featureImportance(fitted, columns.length);
    const order = numpyArgsort(importances);
    const count = Math.min(step, remaining - target);
    const removed = Int32Array.from(order.subarray(0, count), (k) => columns[k]);
    for (const j of removed) support[j] = 0;
    for (let j = 0; j < nTotal; j++) if (support[j] === 0) ranking[j]++;
    eliminationOrder.push(...removed);
    iterations.push({ columns, importances, removed });
    remaining -= count;
  }

  const selected = supportedColumns(support);
  const finalModel = await fitOn(estimator, X, y, selected, options.signal, startFrom(selected));
  await options.onFit?.(finalModel, selected);
  return {
    support: Array.from(support, (flag) => flag === 1),
    ranking,
    nFeatures: selected.length,
    selected,
    selectedNames: Array.from(selected, (j) => X.columns[j].name),
    eliminationOrder: Int32Array.from(eliminationOrder),
    iterations,
    finalModel,
  };
}

async function fitOn(
  estimator: Classifier,
  X: Features,
  y: Labels,
  columns: Int32Array,
  signal: AbortSignal | undefined,
  warmStart: HasCoefficients | undefined,
): Promise<FittedClassifier> {
  signal?.throwIfAborted();
  const subset = columns.length === X.cols ? X : takeFeatureColumns(X, columns);
  return estimator.fit(subset, y, { signal, warmStart });
}

/**
 * The previous fit's coefficients on the columns still in, when the model saw exactly its input columns
 * (a transform that adds or drops columns, one-hot, breaks the correspondence: no warm start then).
 */
function keptCoefficients(
  fitted: FittedClassifier,
  before: Int32Array,
  after: Int32Array,
): HasCoefficients | undefined {
  const source = innermostModel(fitted);
  if (!hasCoefficients(source) || source.coefficients.cols !== before.length) return undefined;
  const { rows, cols, data } = source.coefficients;
  const position = new Map(Array.from(before, (column, k) => [column, k]));
  const kept = new Float64Array(rows * after.length);
  for (let k = 0; k < rows; k++) {
    after.forEach((column, c) => {
      kept[k * after.length + c] = data[k * cols + (position.get(column) ?? 0)];
    });
  }
  return {
    coefficients: { rows, cols: after.length, data: kept },
    intercepts: source.intercepts,
  };
}

function supportedColumns(support: Uint8Array): Int32Array {
  const columns: number[] = [];
  support.forEach((flag, j) => {
    if (flag === 1) columns.push(j);
  });
  return Int32Array.from(columns);
}

/** sklearn: None → n // 2; a fraction in (0, 1) → int(fraction · n); else a count in [1, n]. */
export function resolveTarget(requested: number | undefined, nTotal: number): number {
  if (requested === undefined) return Math.max(1, Math.floor(nTotal / 2));
  const count = requested > 0 && requested < 1 ? Math.floor(requested * nTotal) : requested;
  if (!Number.isInteger(count) || count < 1 || count > nTotal) {
    throw new ModeldebugError('invalid_argument', `cannot select ${requested} of ${nTotal} features`, {
      hint: `ask for a whole number between 1 and ${nTotal}, or a fraction between 0 and 1`,
    });
  }
  return count;
}

/** sklearn: a step in (0, 1) is a fraction of the starting count, at least 1; else a count >= 1. */
export function resolveStep(step: number, nTotal: number): number {
  if (step > 0 && step < 1) return Math.max(1, Math.floor(step * nTotal));
  if (!Number.isInteger(step) || step < 1) {
    throw new ModeldebugError(
      'invalid_argument',
      `step must be a count >= 1 or a fraction in (0, 1), got ${step}`,
      {
        hint: 'use step 1 to remove one feature per iteration',
      },
    );
  }
  return step;
}
