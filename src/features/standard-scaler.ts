import { z } from 'zod';
import { type Features, type FitWarning, parseParams } from '../core/index.js';
import { columnMoments, isConstantFeature } from './column-moments.js';
import { assertColumnsMatch, type ColumnSignature, columnSignature, numericMask } from './columns.js';
import {
  columnSignatures,
  decodeNumbers,
  encodeNumbers,
  hasOneEntryPerColumn,
  nullableNumbers,
  PER_COLUMN_MESSAGE,
  parseState,
} from './serialized-values.js';
import { type InvertibleTransformer, serializeTransformer, type Transformer } from './transformer.js';
import type { TransformerDescriptor } from './transformer-descriptor.js';

export const STANDARD_SCALER = 'standard-scaler';

const paramsSchema = z.strictObject({
  with_mean: z.boolean().default(true).describe("subtract each feature's mean"),
  with_std: z.boolean().default(true).describe('divide each feature by its standard deviation'),
});
export type StandardScalerParams = z.infer<typeof paramsSchema>;

export interface FittedStandardScaler extends InvertibleTransformer {
  readonly params: Readonly<StandardScalerParams>;
  /** Per input column (NaN for categorical and text columns, which pass through): sklearn's `mean_`. */
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  /** sqrt(variance), or 1 for a constant column: sklearn's `scale_`. */
  readonly scale: Float64Array;
  /** Non-missing values seen per column: sklearn's per-feature `n_samples_seen_`. */
  readonly samplesSeen: Float64Array;
}

/** Standardises numeric columns: z = (x - mean) / scale. NaNs are ignored in fit and kept by transform. */
export function createStandardScaler(
  params: Partial<StandardScalerParams> = {},
): Transformer<StandardScalerParams> {
  const parsed = Object.freeze(parseParams(STANDARD_SCALER, paramsSchema, params));
  return {
    kind: STANDARD_SCALER,
    params: parsed,
    withParams: (patch) => createStandardScaler({ ...parsed, ...patch }),
    fit: async (X) => fitStandardScaler(parsed, X),
  };
}

function fitStandardScaler(params: StandardScalerParams, X: Features): FittedStandardScaler {
  const columns = columnSignature(X);
  const moments = columnMoments(X, numericMask(columns));
  const scale = moments.variance.map((variance, j) =>
    isConstantFeature(variance, moments.mean[j], moments.count[j]) ? 1 : Math.sqrt(variance),
  );
  return fittedStandardScaler(params, { columns, ...moments, scale });
}

interface StandardScalerState {
  readonly columns: readonly ColumnSignature[];
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly scale: Float64Array;
  readonly count: Float64Array;
}

function fittedStandardScaler(
  params: StandardScalerParams,
  state: StandardScalerState,
): FittedStandardScaler {
  const { columns } = state;
  const numeric = numericMask(columns);
  // Neutral offset 0 and divisor 1 where nothing applies, so the kernels have no branches and x - 0 / 1
  // returns a category code bit for bit.
  const offset = state.mean.map((mean, j) => (params.with_mean && numeric[j] === 1 ? mean : 0));
  const divisor = state.scale.map((scale, j) => (params.with_std && numeric[j] === 1 ? scale : 1));
  const warnings: FitWarning[] = columns.flatMap((column, j) =>
    numeric[j] === 1 && state.count[j] === 0
      ? [{ code: 'all_missing_column', message: `column "${column.name}" is entirely missing; it stays NaN` }]
      : [],
  );
  return {
    kind: STANDARD_SCALER,
    params,
    warnings,
    mean: state.mean,
    variance: state.variance,
    scale: state.scale,
    samplesSeen: state.count,
    transform(X) {
      assertColumnsMatch(STANDARD_SCALER, columns, X);
      return { ...X, data: standardize(X.data, X.cols, offset, divisor) };
    },
    inverseTransform(X) {
      assertColumnsMatch(STANDARD_SCALER, columns, X);
      return { ...X, data: unstandardize(X.data, X.cols, offset, divisor) };
    },
    toJSON: () =>
      serializeTransformer(STANDARD_SCALER, params, {
        columns,
        mean: encodeNumbers(state.mean),
        variance: encodeNumbers(state.variance),
        scale: encodeNumbers(state.scale),
        samplesSeen: Array.from(state.count),
      }),
  };
}

/** z = (x - offset) / divisor, in sklearn's order of operations (`X -= mean_; X /= scale_`). */
function standardize(
  data: Float64Array,
  cols: number,
  offset: Float64Array,
  divisor: Float64Array,
): Float64Array {
  const out = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const j = k % cols;
    out[k] = (data[k] - offset[j]) / divisor[j];
  }
  return out;
}

/** x = z · divisor + offset (`X *= scale_; X += mean_`). */
function unstandardize(
  data: Float64Array,
  cols: number,
  offset: Float64Array,
  divisor: Float64Array,
): Float64Array {
  const out = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const j = k % cols;
    out[k] = data[k] * divisor[j] + offset[j];
  }
  return out;
}

const stateSchema = z.strictObject({
  columns: columnSignatures,
  mean: nullableNumbers,
  variance: nullableNumbers,
  scale: nullableNumbers,
  samplesSeen: z.array(z.number()),
});
const savedStateSchema = stateSchema.refine(
  (saved) => hasOneEntryPerColumn(saved, ['mean', 'variance', 'scale', 'samplesSeen']),
  PER_COLUMN_MESSAGE,
);

export function loadStandardScaler(params: unknown, state: unknown): FittedStandardScaler {
  const parsed = Object.freeze(parseParams(STANDARD_SCALER, paramsSchema, params));
  const saved = parseState(STANDARD_SCALER, savedStateSchema, state);
  return fittedStandardScaler(parsed, {
    columns: saved.columns,
    mean: decodeNumbers(saved.mean),
    variance: decodeNumbers(saved.variance),
    scale: decodeNumbers(saved.scale),
    count: Float64Array.from(saved.samplesSeen),
  });
}

export const standardScalerDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: STANDARD_SCALER,
  aliases: ['scale', 'standard'],
  summary: 'scale numeric columns to mean 0, std 1 (scale(kind=minmax) for min-max)',
  schema: paramsSchema,
  tags: { reshapesColumns: false },
  create: (params) => createStandardScaler(params as never),
};
