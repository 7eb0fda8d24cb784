import { z } from 'zod';
import { type ColumnInfo, type Features, ModeldebugError, parseParams } from '../core/index.js';
import { assertColumnsMatch, type ColumnSignature, columnSignature } from './columns.js';
import {
  type Category,
  categoryName,
  observedCategories,
  slotOf,
  slotsForLevels,
} from './one-hot-categories.js';
import {
  columnSignatures,
  hasOneEntryPerColumn,
  PER_COLUMN_MESSAGE,
  parseState,
} from './serialized-values.js';
import { type FittedTransformer, serializeTransformer, type Transformer } from './transformer.js';
import type { TransformerDescriptor } from './transformer-descriptor.js';

export const ONE_HOT_ENCODER = 'one-hot-encoder';

const paramsSchema = z.strictObject({
  categories: z.literal('auto').default('auto').describe('auto: the categories seen at fit'),
  drop: z
    .enum(['first', 'if_binary'])
    .nullable()
    .default(null)
    .describe(
      "null keeps every category's column; first drops each feature's first; if_binary drops one of two",
    ),
  // sklearn's default is 'error'; ours is 'ignore' so that a category met only in a test fold encodes as
  // all zeros instead of failing the whole cross-validation.
  handle_unknown: z
    .enum(['error', 'ignore'])
    .default('ignore')
    .describe(
      'a category unseen at fit: ignore encodes it as all zeros (the default here, unlike scikit-learn, so a test fold cannot fail), error refuses it',
    ),
});
export type OneHotEncoderParams = z.infer<typeof paramsSchema>;

export interface FittedOneHotEncoder extends FittedTransformer {
  readonly params: Readonly<OneHotEncoderParams>;
  /** Per input column: its sorted categories (null = missing, last) if categorical, else null. */
  readonly categories: readonly (readonly Category[] | null)[];
  /** Per input column: the index of the dropped category, or -1 (sklearn's `drop_idx_`). */
  readonly dropIndex: Int32Array;
  /** sklearn's `get_feature_names_out`, with numeric and text columns passed through under their names. */
  readonly featureNamesOut: readonly string[];
}

/**
 * One 0/1 column per category of each categorical column (`color` → `color_blue`, `color_red`,
 * `color_nan`), in place of that column; numeric and text columns pass through unchanged, so a mixed
 * dataset keeps its column order. Categories are those seen in the training rows, sorted.
 */
export function createOneHotEncoder(
  params: Partial<OneHotEncoderParams> = {},
): Transformer<OneHotEncoderParams> {
  const parsed = Object.freeze(parseParams(ONE_HOT_ENCODER, paramsSchema, params));
  return {
    kind: ONE_HOT_ENCODER,
    params: parsed,
    withParams: (patch) => createOneHotEncoder({ ...parsed, ...patch }),
    fit: async (X) =>
      fittedOneHotEncoder(
        parsed,
        columnSignature(X),
        X.columns.map((column, j) =>
          column.kind === 'categorical' ? observedCategories(X, j, column) : null,
        ),
      ),
  };
}

function dropIndexOf(drop: OneHotEncoderParams['drop'], categories: readonly Category[] | null): number {
  if (categories === null || drop === null || categories.length === 0) return -1;
  return drop === 'first' || categories.length === 2 ? 0 : -1;
}

function fittedOneHotEncoder(
  params: OneHotEncoderParams,
  columns: readonly ColumnSignature[],
  categories: readonly (readonly Category[] | null)[],
): FittedOneHotEncoder {
  const dropIndex = Int32Array.from(categories, (found) => dropIndexOf(params.drop, found));
  const outputColumns: ColumnInfo[] = [];
  const firstOutput = new Int32Array(columns.length);
  columns.forEach((column, j) => {
    firstOutput[j] = outputColumns.length;
    const found = categories[j];
    if (found === null) {
      outputColumns.push(column);
      return;
    }
    found.forEach((category, k) => {
      if (k !== dropIndex[j])
        outputColumns.push({ name: categoryName(column.name, category), kind: 'numeric' });
    });
  });
  return {
    kind: ONE_HOT_ENCODER,
    params,
    warnings: [],
    categories,
    dropIndex,
    featureNamesOut: outputColumns.map((column) => column.name),
    transform(X) {
      assertColumnsMatch(ONE_HOT_ENCODER, columns, X);
      // Per column, not per row: where each level code of this X (and a missing value) lands.
      const slots = X.columns.map((column, j) => {
        const found = categories[j];
        return found === null ? null : slotsForLevels(column, found, dropIndex[j]);
      });
      if (params.handle_unknown === 'error') assertNoUnknown(X, slots);
      // Passed-through columns keep this X's description (a text column's levels are its own).
      const columnsOut = X.columns.reduce(
        (out, column, j) => {
          if (slots[j] === null) out[firstOutput[j]] = column;
          return out;
        },
        [...outputColumns],
      );
      const width = outputColumns.length;
      const out = new Float64Array(X.rows * width);
      for (let i = 0; i < X.rows; i++) {
        for (let j = 0; j < X.cols; j++) {
          const x = X.data[i * X.cols + j];
          const slot = slots[j];
          if (slot === null) {
            out[i * width + firstOutput[j]] = x;
            continue;
          }
          // Unknown (-1, when ignored) and dropped (-2) categories leave the block all zeros.
          const k = slotOf(slot, x);
          if (k >= 0) out[i * width + firstOutput[j] + k] = 1;
        }
      }
      return { rows: X.rows, cols: width, data: out, columns: columnsOut };
    },
    toJSON: () => serializeTransformer(ONE_HOT_ENCODER, params, { columns, categories }),
  };
}

/** sklearn's handle_unknown='error': name the categories of the first column that has any. */
function assertNoUnknown(X: Features, slots: readonly (Int32Array | null)[]): void {
  slots.forEach((slot, j) => {
    if (slot === null) return;
    const unknown = new Set<string>();
    for (let i = 0; i < X.rows; i++) {
      const x = X.data[i * X.cols + j];
      if (slotOf(slot, x) === -1)
        unknown.add(Number.isNaN(x) ? 'nan' : (X.columns[j].levels?.[x] ?? String(x)));
    }
    if (unknown.size > 0) {
      const name = X.columns[j].name;
      throw new ModeldebugError(
        'invalid_argument',
        `found unknown categories [${[...unknown].map((level) => `'${level}'`).join(', ')}] in column "${name}" during transform`,
        { where: `column "${name}"`, hint: "set handle_unknown to 'ignore' to encode them as all zeros" },
      );
    }
  });
}

const stateSchema = z.strictObject({
  columns: columnSignatures,
  categories: z.array(z.array(z.string().nullable()).nullable()),
});

export function loadOneHotEncoder(params: unknown, state: unknown): FittedOneHotEncoder {
  const parsed = Object.freeze(parseParams(ONE_HOT_ENCODER, paramsSchema, params));
  const saved = parseState(
    ONE_HOT_ENCODER,
    stateSchema.refine((saved) => hasOneEntryPerColumn(saved, ['categories']), PER_COLUMN_MESSAGE),
    state,
  );
  return fittedOneHotEncoder(parsed, saved.columns, saved.categories);
}

export const oneHotEncoderDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: ONE_HOT_ENCODER,
  aliases: ['onehot'],
  summary: 'one column per category of each categorical column',
  schema: paramsSchema,
  tags: { handles: 'categorical-columns', reshapesColumns: true },
  create: (params) => createOneHotEncoder(params as never),
};
