import { z } from 'zod';
import { type FitWarning, type Matrix, parseParams } from '../core/index.js';
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

export const MIN_MAX_SCALER = 'min-max-scaler';

const paramsSchema = z.strictObject({
  // sklearn checks the order at fit; checking it here fails at the param instead of mid-search.
  feature_range: z
    .tuple([z.number(), z.number()])
    .refine(([low, high]) => low < high, 'the minimum of feature_range must be smaller than its maximum')
    .default([0, 1])
    .describe('the [min, max] each feature is scaled to'),
  clip: z.boolean().default(false).describe('clip transformed values of unseen rows into feature_range'),
});
export type MinMaxScalerParams = z.infer<typeof paramsSchema>;

export interface FittedMinMaxScaler extends InvertibleTransformer {
  readonly params: Readonly<MinMaxScalerParams>;
  /** Per input column, NaN for categorical and text columns (which pass through): sklearn's `data_min_`. */
  readonly dataMin: Float64Array;
  readonly dataMax: Float64Array;
  /** (high - low) / (max - min), with a zero range replaced by 1: sklearn's `scale_`. */
  readonly scale: Float64Array;
  /** low - min · scale: sklearn's `min_`. */
  readonly offset: Float64Array;
}

/** Maps each numeric column onto feature_range: x' = x · scale + offset. NaNs are ignored and kept. */
export function createMinMaxScaler(
  params: Partial<MinMaxScalerParams> = {},
): Transformer<MinMaxScalerParams> {
  const parsed = Object.freeze(parseParams(MIN_MAX_SCALER, paramsSchema, params));
  return {
    kind: MIN_MAX_SCALER,
    params: parsed,
    withParams: (patch) => createMinMaxScaler({ ...parsed, ...patch }),
    fit: async (X) =>
      fittedMinMaxScaler(parsed, { columns: columnSignature(X), ...columnRanges(X, X.columns) }),
  };
}

/** nanmin and nanmax of each numeric column; NaN for other columns and for all-missing ones. */
function columnRanges(
  X: Matrix,
  columns: readonly ColumnSignature[],
): { dataMin: Float64Array; dataMax: Float64Array } {
  const { rows, cols, data } = X;
  const numeric = numericMask(columns);
  const dataMin = new Float64Array(cols).fill(Number.POSITIVE_INFINITY);
  const dataMax = new Float64Array(cols).fill(Number.NEGATIVE_INFINITY);
  const seen = new Uint8Array(cols);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) {
      const x = data[offset + j];
      if (numeric[j] === 1 && !Number.isNaN(x)) {
        if (x < dataMin[j]) dataMin[j] = x;
        if (x > dataMax[j]) dataMax[j] = x;
        seen[j] = 1;
      }
    }
  }
  for (let j = 0; j < cols; j++) {
    if (seen[j] === 0) {
      dataMin[j] = Number.NaN;
      dataMax[j] = Number.NaN;
    }
  }
  return { dataMin, dataMax };
}

interface MinMaxState {
  readonly columns: readonly ColumnSignature[];
  readonly dataMin: Float64Array;
  readonly dataMax: Float64Array;
}

function fittedMinMaxScaler(params: MinMaxScalerParams, state: MinMaxState): FittedMinMaxScaler {
  const { columns, dataMin, dataMax } = state;
  const numeric = numericMask(columns);
  const [low, high] = params.feature_range;
  // sklearn's `_handle_zeros_in_scale`: a range below 10·eps is a constant column and divides by 1, so it
  // maps to `low`. Non-numeric columns get scale 1 and offset 0, which leaves their codes untouched.
  const scale = dataMin.map((min, j) => {
    if (numeric[j] === 0) return 1;
    const range = dataMax[j] - min;
    return (high - low) / (range < 10 * Number.EPSILON ? 1 : range);
  });
  const offset = dataMin.map((min, j) => (numeric[j] === 0 ? 0 : low - min * scale[j]));
  const warnings: FitWarning[] = columns.flatMap((column, j) =>
    numeric[j] === 1 && Number.isNaN(dataMin[j])
      ? [{ code: 'all_missing_column', message: `column "${column.name}" is entirely missing; it stays NaN` }]
      : [],
  );
  const clipLow = params.clip ? low : Number.NEGATIVE_INFINITY;
  const clipHigh = params.clip ? high : Number.POSITIVE_INFINITY;
  return {
    kind: MIN_MAX_SCALER,
    params,
    warnings,
    dataMin,
    dataMax,
    scale: scale.map((value, j) => (numeric[j] === 1 ? value : Number.NaN)),
    offset: offset.map((value, j) => (numeric[j] === 1 ? value : Number.NaN)),
    transform(X) {
      assertColumnsMatch(MIN_MAX_SCALER, columns, X);
      return { ...X, data: scaleColumns(X.data, X.cols, scale, offset, numeric, clipLow, clipHigh) };
    },
    inverseTransform(X) {
      assertColumnsMatch(MIN_MAX_SCALER, columns, X);
      return { ...X, data: unscaleColumns(X.data, X.cols, scale, offset) };
    },
    toJSON: () =>
      serializeTransformer(MIN_MAX_SCALER, params, {
        columns,
        dataMin: encodeNumbers(dataMin),
        dataMax: encodeNumbers(dataMax),
      }),
  };
}

/**
 * x' = x · scale + offset (sklearn's `X *= scale_; X += min_`), then clipped to [clipLow, clipHigh] on
 * numeric columns (infinite bounds when `clip` is off). NaN stays NaN through both.
 */
function scaleColumns(
  data: Float64Array,
  cols: number,
  scale: Float64Array,
  offset: Float64Array,
  numeric: Uint8Array,
  clipLow: number,
  clipHigh: number,
): Float64Array {
  const out = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const j = k % cols;
    const value = data[k] * scale[j] + offset[j];
    out[k] = numeric[j] === 1 ? Math.min(Math.max(value, clipLow), clipHigh) : value;
  }
  return out;
}

/** x = (x' - offset) / scale (`X -= min_; X /= scale_`). */
function unscaleColumns(
  data: Float64Array,
  cols: number,
  scale: Float64Array,
  offset: Float64Array,
): Float64Array {
  const out = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const j = k % cols;
    out[k] = (data[k] - offset[j]) / scale[j];
  }
  return out;
}

const stateSchema = z.strictObject({
  columns: columnSignatures,
  dataMin: nullableNumbers,
  dataMax: nullableNumbers,
});

export function loadMinMaxScaler(params: unknown, state: unknown): FittedMinMaxScaler {
  const parsed = Object.freeze(parseParams(MIN_MAX_SCALER, paramsSchema, params));
  const saved = parseState(
    MIN_MAX_SCALER,
    stateSchema.refine((saved) => hasOneEntryPerColumn(saved, ['dataMin', 'dataMax']), PER_COLUMN_MESSAGE),
    state,
  );
  return fittedMinMaxScaler(parsed, {
    columns: saved.columns,
    dataMin: decodeNumbers(saved.dataMin),
    dataMax: decodeNumbers(saved.dataMax),
  });
}

export const minMaxScalerDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: MIN_MAX_SCALER,
  aliases: ['minmax'],
  summary: 'scale numeric columns to feature_range',
  schema: paramsSchema,
  tags: { reshapesColumns: false },
  create: (params) => createMinMaxScaler(params as never),
};
