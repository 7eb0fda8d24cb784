import { z } from 'zod';
import { ModeldebugError } from '../core/errors.js';
import type { FitWarning } from '../core/estimator.js';
import type { ColumnInfo, Features } from '../core/features.js';
import { parseParams } from '../core/params.js';
import { binEdges, binOf } from './bin-edges.js';
import { assertColumnsMatch, type ColumnSignature, columnSignature, numericMask } from './columns.js';
import { columnSignatures, parseState } from './serialized-values.js';
import { type FittedTransformer, serializeTransformer, type Transformer } from './transformer.js';
import type { TransformerDescriptor } from './transformer-descriptor.js';

export const K_BINS_DISCRETIZER = 'k-bins-discretizer';

const paramsSchema = z.strictObject({
  n_bins: z.number().int().min(2).default(5).describe('bins per feature (at least 2)'),
  // sklearn's 'onehot' is sparse; ours is dense either way, so both names give the same columns.
  encode: z
    .enum(['onehot', 'onehot-dense', 'ordinal'])
    .default('onehot')
    .describe('onehot or onehot-dense (a column per bin; both dense here), or ordinal (the bin index)'),
  strategy: z
    .enum(['uniform', 'quantile'])
    .default('quantile')
    .describe('bin edges: uniform (equal widths) or quantile (equal counts)'),
});
export type KBinsDiscretizerParams = z.infer<typeof paramsSchema>;

export interface FittedKBinsDiscretizer extends FittedTransformer {
  readonly params: Readonly<KBinsDiscretizerParams>;
  /** Per input column: its edges (sklearn's `bin_edges_`), or null for a passed-through column. */
  readonly binEdges: readonly (Float64Array | null)[];
  /** Per input column: bins after dropping too-narrow ones (sklearn's `n_bins_`), 0 when passed through. */
  readonly nBins: Int32Array;
  readonly featureNamesOut: readonly string[];
}

/**
 * sklearn's KBinsDiscretizer ('uniform' and 'quantile'; 'kmeans' is not implemented): each numeric
 * column becomes its bin index (ordinal) or one 0/1 column per bin (`x_0.0`, `x_1.0`, … in place);
 * categorical and text columns pass through. Missing values are rejected, as sklearn does.
 */
export function createKBinsDiscretizer(
  params: Partial<KBinsDiscretizerParams> = {},
): Transformer<KBinsDiscretizerParams> {
  const parsed = Object.freeze(parseParams(K_BINS_DISCRETIZER, paramsSchema, params));
  return {
    kind: K_BINS_DISCRETIZER,
    params: parsed,
    withParams: (patch) => createKBinsDiscretizer({ ...parsed, ...patch }),
    fit: async (X) => {
      assertNoMissing(X);
      const columns = columnSignature(X);
      const numeric = numericMask(columns);
      const column = new Float64Array(X.rows);
      const edges = columns.map((_, j) => {
        if (numeric[j] === 0) return null;
        for (let i = 0; i < X.rows; i++) column[i] = X.data[i * X.cols + j];
        column.sort();
        // sklearn: a constant column gets one bin, edges (−inf, inf), and transforms to 0.
        if (column[0] === column[X.rows - 1])
          return Float64Array.of(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
        return binEdges(column, parsed.n_bins, parsed.strategy);
      });
      return fittedKBinsDiscretizer(parsed, columns, edges);
    },
  };
}

function fittedKBinsDiscretizer(
  params: KBinsDiscretizerParams,
  columns: readonly ColumnSignature[],
  edges: readonly (Float64Array | null)[],
): FittedKBinsDiscretizer {
  const nBins = Int32Array.from(edges, (found) => (found === null ? 0 : found.length - 1));
  const warnings = binWarnings(params, columns, edges, nBins);
  const onehot = params.encode !== 'ordinal';
  const outputColumns: ColumnInfo[] = [];
  const firstOutput = new Int32Array(columns.length);
  columns.forEach((column, j) => {
    firstOutput[j] = outputColumns.length;
    if (edges[j] === null || !onehot)
      outputColumns.push(edges[j] === null ? column : { name: column.name, kind: 'numeric' });
    else {
      // sklearn 1.2 names one-hot bins after float categories: `x_0.0`, `x_1.0`.
      for (let b = 0; b < nBins[j]; b++)
        outputColumns.push({ name: `${column.name}_${b}.0`, kind: 'numeric' });
    }
  });
  return {
    kind: K_BINS_DISCRETIZER,
    params,
    warnings,
    binEdges: edges,
    nBins,
    featureNamesOut: outputColumns.map((column) => column.name),
    transform(X) {
      assertColumnsMatch(K_BINS_DISCRETIZER, columns, X);
      assertNoMissing(X);
      const width = outputColumns.length;
      const out = new Float64Array(X.rows * width);
      const columnsOut = [...outputColumns];
      for (let j = 0; j < X.cols; j++) {
        const found = edges[j];
        if (found === null) columnsOut[firstOutput[j]] = X.columns[j];
        for (let i = 0; i < X.rows; i++) {
          const x = X.data[i * X.cols + j];
          if (found === null) {
            out[i * width + firstOutput[j]] = x;
            continue;
          }
          // The inner edges found[1 .. n − 1]: x below the first bin lands in 0, above the last in n − 1.
          const bin = binOf(found, 1, found.length - 1, x);
          if (onehot) out[i * width + firstOutput[j] + bin] = 1;
          else out[i * width + firstOutput[j]] = bin;
        }
      }
      return { rows: X.rows, cols: width, data: out, columns: columnsOut };
    },
    toJSON: () =>
      serializeTransformer(K_BINS_DISCRETIZER, params, {
        columns,
        binEdges: edges.map((found) => (found === null ? null : Array.from(found, encodeEdge))),
      }),
  };
}

function binWarnings(
  params: KBinsDiscretizerParams,
  columns: readonly ColumnSignature[],
  edges: readonly (Float64Array | null)[],
  nBins: Int32Array,
): FitWarning[] {
  return columns.flatMap((column, j) => {
    const found = edges[j];
    if (found === null) return [];
    if (found[0] === Number.NEGATIVE_INFINITY) {
      return [
        {
          code: 'constant_feature',
          message: `feature "${column.name}" is constant and will be replaced with 0`,
        },
      ];
    }
    if (nBins[j] !== params.n_bins) {
      return [
        {
          code: 'narrow_bins_removed',
          message: `bins narrower than 1e-8 in feature "${column.name}" were removed (${nBins[j]} of ${params.n_bins} left); consider fewer bins`,
        },
      ];
    }
    return [];
  });
}

function assertNoMissing(X: Features): void {
  for (let k = 0; k < X.data.length; k++) {
    if (Number.isNaN(X.data[k])) {
      const name = X.columns[k % X.cols].name;
      throw new ModeldebugError(
        'missing_values',
        `${K_BINS_DISCRETIZER} cannot bin missing values in "${name}"`,
        {
          where: `column "${name}"`,
          hint: 'add an imputer before binning, e.g. impute | bins',
        },
      );
    }
  }
}

/** JSON has no infinity: the constant-column edges travel as strings. */
function encodeEdge(edge: number): number | string {
  return Number.isFinite(edge) ? edge : String(edge);
}

const stateSchema = z.strictObject({
  columns: columnSignatures,
  binEdges: z.array(z.array(z.union([z.number(), z.enum(['Infinity', '-Infinity'])])).nullable()),
});

export function loadKBinsDiscretizer(params: unknown, state: unknown): FittedKBinsDiscretizer {
  const parsed = Object.freeze(parseParams(K_BINS_DISCRETIZER, paramsSchema, params));
  const saved = parseState(K_BINS_DISCRETIZER, stateSchema, state);
  return fittedKBinsDiscretizer(
    parsed,
    saved.columns,
    saved.binEdges.map((found) => (found === null ? null : Float64Array.from(found, Number))),
  );
}

export const kBinsDiscretizerDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: K_BINS_DISCRETIZER,
  aliases: ['bins', 'kbins'],
  summary: 'bin numeric columns: n_bins, strategy quantile|uniform, encode onehot|ordinal',
  schema: paramsSchema,
  tags: { reshapesColumns: true },
  create: (params) => createKBinsDiscretizer(params as never),
};
