import { z } from 'zod';
import {
  type ColumnInfo,
  type Features,
  type FitWarning,
  ModeldebugError,
  parseParams,
} from '../core/index.js';
import { assertColumnsMatch, type ColumnSignature, columnSignature, levelsOf } from './columns.js';
import { meanOf, medianOf, mostFrequentLevel, mostFrequentOf, presentValues } from './impute-statistics.js';
import { columnSignatures, parseState } from './serialized-values.js';
import { type FittedTransformer, serializeTransformer, type Transformer } from './transformer.js';
import type { TransformerDescriptor } from './transformer-descriptor.js';

export const SIMPLE_IMPUTER = 'simple-imputer';

const paramsSchema = z.strictObject({
  strategy: z
    .enum(['mean', 'median', 'most_frequent', 'constant'])
    .default('mean')
    .describe(
      "what fills a missing cell: the column's mean, median, most_frequent value, or a constant (fill_value)",
    ),
  fill_value: z
    .union([z.number(), z.string()])
    .nullable()
    .default(null)
    .describe(
      'for constant: the value; null means 0 on numeric columns and "missing_value" on categorical ones',
    ),
  keep_empty_features: z
    .boolean()
    .default(false)
    .describe('keep a column with no observed value (filled with 0 or fill_value) instead of dropping it'),
  categorical_strategy: z
    .enum(['most_frequent', 'constant'])
    .nullable()
    .default(null)
    .describe(
      'the strategy for categorical and text columns when it should differ from strategy (not in scikit-learn); null uses strategy',
    ),
});
export type SimpleImputerParams = z.infer<typeof paramsSchema>;

/**
 * What replaces a missing cell of one column: a number (numeric columns), a level (categorical and text
 * columns; added to the column's levels when absent) or null when the column is dropped.
 */
type ColumnFill = number | string | null;

export interface FittedSimpleImputer extends FittedTransformer {
  readonly params: Readonly<SimpleImputerParams>;
  /** Per input column: sklearn's `statistics_` (NaN for a column dropped because it was all missing). */
  readonly statistics: readonly (number | string)[];
}

/**
 * Fills missing values column by column. As sklearn 1.2.1 does, a column with no value at all is dropped
 * (unless strategy is `constant` or `keep_empty_features`, which fill it with the constant or 0); unlike
 * sklearn, which drops it silently, the fit reports it as a warning.
 */
export function createSimpleImputer(
  params: Partial<SimpleImputerParams> = {},
): Transformer<SimpleImputerParams> {
  const parsed = Object.freeze(parseParams(SIMPLE_IMPUTER, paramsSchema, params));
  return {
    kind: SIMPLE_IMPUTER,
    params: parsed,
    withParams: (patch) => createSimpleImputer({ ...parsed, ...patch }),
    fit: async (X) => {
      const columns = columnSignature(X);
      const fills = X.columns.map((column, j) => columnFill(parsed, X, j, column));
      return fittedSimpleImputer(parsed, columns, fills);
    },
  };
}

function columnFill(params: SimpleImputerParams, X: Features, j: number, column: ColumnInfo): ColumnFill {
  const { strategy, fill_value: fillValue, keep_empty_features: keepEmpty } = params;
  if (column.kind === 'numeric') {
    if (strategy === 'constant') {
      if (typeof fillValue === 'string') {
        throw new ModeldebugError(
          'invalid_param',
          `fill_value "${fillValue}" is not a number, but column "${column.name}" is numeric`,
          {
            where: 'param fill_value',
            hint: 'give a numeric fill_value, or impute numeric columns separately',
          },
        );
      }
      return fillValue ?? 0;
    }
    const values = presentValues(X, j);
    if (values.length === 0) return keepEmpty ? 0 : null;
    return strategy === 'mean'
      ? meanOf(values)
      : strategy === 'median'
        ? medianOf(values)
        : mostFrequentOf(values);
  }
  const categoricalStrategy = params.categorical_strategy ?? strategy;
  if (categoricalStrategy === 'constant') return String(fillValue ?? 'missing_value');
  if (categoricalStrategy === 'most_frequent') {
    // sklearn fills a kept empty object column with the integer 0, which reads as the level "0".
    return mostFrequentLevel(X, j, levelsOf(column)) ?? (keepEmpty ? '0' : null);
  }
  throw new ModeldebugError(
    'non_numeric_feature',
    `strategy "${strategy}" needs numeric values; column "${column.name}" is ${column.kind}`,
    {
      where: `column "${column.name}"`,
      hint: 'use strategy most_frequent or constant, or set categorical_strategy=most_frequent',
    },
  );
}

function fittedSimpleImputer(
  params: SimpleImputerParams,
  columns: readonly ColumnSignature[],
  fills: readonly ColumnFill[],
): FittedSimpleImputer {
  const kept = Int32Array.from(fills.flatMap((fill, j) => (fill === null ? [] : [j])));
  const warnings: FitWarning[] = columns.flatMap((column, j) =>
    fills[j] === null
      ? [
          {
            code: 'dropped_empty_column',
            message: `column "${column.name}" has no values to compute the ${params.strategy} from; it was dropped`,
          },
        ]
      : [],
  );
  return {
    kind: SIMPLE_IMPUTER,
    params,
    warnings,
    statistics: fills.map((fill) => fill ?? Number.NaN),
    transform(X) {
      assertColumnsMatch(SIMPLE_IMPUTER, columns, X);
      const outputColumns: ColumnInfo[] = [];
      const fillCodes = new Float64Array(kept.length);
      kept.forEach((j, c) => {
        const column = X.columns[j];
        const fill = fills[j] as number | string;
        if (typeof fill === 'number') {
          outputColumns.push(column);
          fillCodes[c] = fill;
          return;
        }
        const levels = levelsOf(column);
        const code = levels.indexOf(fill);
        outputColumns.push(code === -1 ? { ...column, levels: [...levels, fill] } : column);
        fillCodes[c] = code === -1 ? levels.length : code;
      });
      const data = fillMissing(X.data, X.rows, X.cols, kept, fillCodes);
      return { rows: X.rows, cols: kept.length, data, columns: outputColumns };
    },
    toJSON: () => serializeTransformer(SIMPLE_IMPUTER, params, { columns, fills }),
  };
}

/** out[i, c] = X[i, kept[c]], or fill[c] where that is NaN. */
function fillMissing(
  data: Float64Array,
  rows: number,
  cols: number,
  kept: Int32Array,
  fill: Float64Array,
): Float64Array {
  const width = kept.length;
  const out = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < width; c++) {
      const x = data[i * cols + kept[c]];
      out[i * width + c] = Number.isNaN(x) ? fill[c] : x;
    }
  }
  return out;
}

const stateSchema = z.strictObject({
  columns: columnSignatures,
  fills: z.array(z.union([z.number(), z.string()]).nullable()),
});

export function loadSimpleImputer(params: unknown, state: unknown): FittedSimpleImputer {
  const parsed = Object.freeze(parseParams(SIMPLE_IMPUTER, paramsSchema, params));
  const saved = parseState(
    SIMPLE_IMPUTER,
    stateSchema.refine(
      ({ columns, fills }) =>
        fills.length === columns.length &&
        fills.every(
          (fill, j) => fill === null || typeof fill === (columns[j].kind === 'numeric' ? 'number' : 'string'),
        ),
      'fills must give a number for each numeric column and a level for each other column',
    ),
    state,
  );
  return fittedSimpleImputer(parsed, saved.columns, saved.fills);
}

export const simpleImputerDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: SIMPLE_IMPUTER,
  aliases: ['impute', 'imputer'],
  summary: 'fill missing values: strategy mean|median|most_frequent|constant',
  schema: paramsSchema,
  tags: { handles: 'missing-values', reshapesColumns: false },
  create: (params) => createSimpleImputer(params as never),
};
