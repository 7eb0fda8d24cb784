import { z } from 'zod';
import { assertNumericComplete, type ColumnInfo, type Features } from '../core/features.js';
import { parseParams } from '../core/params.js';
import { assertColumnsMatch, type ColumnSignature, columnSignature } from './columns.js';
import { columnSignatures, parseState } from './serialized-values.js';
import { type FittedTransformer, serializeTransformer, type Transformer } from './transformer.js';
import type { TransformerDescriptor } from './transformer-descriptor.js';

export const POLYNOMIAL_FEATURES = 'polynomial-features';

const paramsSchema = z.strictObject({
  degree: z.number().int().min(0).default(2).describe('the highest total degree of the products'),
  interaction_only: z.boolean().default(false).describe('only products of distinct features (no x^2)'),
  include_bias: z.boolean().default(true).describe('add a column of ones (the degree-0 term)'),
});
export type PolynomialFeaturesParams = z.infer<typeof paramsSchema>;

export interface FittedPolynomialFeatures extends FittedTransformer {
  readonly params: Readonly<PolynomialFeaturesParams>;
  /** One row per output column, the power of each input feature (sklearn's `powers_`). */
  readonly powers: readonly Int32Array[];
  /** sklearn's `get_feature_names_out`: "1", "a", "a^2", "a b". */
  readonly featureNamesOut: readonly string[];
}

/**
 * sklearn's PolynomialFeatures: every product of input features up to `degree`, in sklearn's column
 * order (bias, then degree 1, 2, … as `combinations_with_replacement`, or `combinations` for
 * interaction_only) and with its names.
 */
export function createPolynomialFeatures(
  params: Partial<PolynomialFeaturesParams> = {},
): Transformer<PolynomialFeaturesParams> {
  const parsed = Object.freeze(parseParams(POLYNOMIAL_FEATURES, paramsSchema, params));
  return {
    kind: POLYNOMIAL_FEATURES,
    params: parsed,
    withParams: (patch) => createPolynomialFeatures({ ...parsed, ...patch }),
    fit: async (X) => {
      assertNumericComplete(X, POLYNOMIAL_FEATURES);
      return fittedPolynomialFeatures(parsed, columnSignature(X));
    },
  };
}

/** The index tuples (non-decreasing; strictly increasing for interactions only), by degree. */
export function polynomialCombinations(nFeatures: number, params: PolynomialFeaturesParams): number[][] {
  const combos: number[][] = params.include_bias ? [[]] : [];
  const extend = (prefix: number[], from: number, left: number): void => {
    if (left === 0) {
      combos.push(prefix);
      return;
    }
    for (let j = from; j < nFeatures; j++)
      extend([...prefix, j], params.interaction_only ? j + 1 : j, left - 1);
  };
  for (let d = 1; d <= params.degree; d++) extend([], 0, d);
  return combos;
}

function fittedPolynomialFeatures(
  params: PolynomialFeaturesParams,
  columns: readonly ColumnSignature[],
): FittedPolynomialFeatures {
  const combos = polynomialCombinations(columns.length, params);
  const powers = combos.map((combo) => {
    const power = new Int32Array(columns.length);
    for (const j of combo) power[j]++;
    return power;
  });
  const featureNamesOut = powers.map((power) => nameOf(power, columns));
  const columnsOut: ColumnInfo[] = featureNamesOut.map((name) => ({ name, kind: 'numeric' }));
  // Flattened for the kernel: combination c reads factors[offsets[c] .. offsets[c + 1]).
  const offsets = new Int32Array(combos.length + 1);
  combos.forEach((combo, c) => {
    offsets[c + 1] = offsets[c] + combo.length;
  });
  const factors = Int32Array.from(combos.flat());
  return {
    kind: POLYNOMIAL_FEATURES,
    params,
    warnings: [],
    powers,
    featureNamesOut,
    transform(X) {
      assertColumnsMatch(POLYNOMIAL_FEATURES, columns, X);
      assertNumericComplete(X, POLYNOMIAL_FEATURES);
      return { rows: X.rows, cols: combos.length, data: products(X, offsets, factors), columns: columnsOut };
    },
    toJSON: () => serializeTransformer(POLYNOMIAL_FEATURES, params, { columns }),
  };
}

/**
 * Each output is a product of its factors, multiplied from the last factor back, x_a·(x_b·x_c) in
 * sklearn's order of operations (it multiplies the previous degree's column by the new first factor),
 * so results agree to the last bit.
 */
function products(X: Features, offsets: Int32Array, factors: Int32Array): Float64Array {
  const width = offsets.length - 1;
  const out = new Float64Array(X.rows * width);
  for (let i = 0; i < X.rows; i++) {
    const row = i * X.cols;
    for (let c = 0; c < width; c++) {
      let value = 1;
      const first = offsets[c];
      const last = offsets[c + 1] - 1;
      if (last >= first) {
        value = X.data[row + factors[last]];
        for (let f = last - 1; f >= first; f--) value *= X.data[row + factors[f]];
      }
      out[i * width + c] = value;
    }
  }
  return out;
}

function nameOf(power: Int32Array, columns: readonly ColumnSignature[]): string {
  const parts: string[] = [];
  power.forEach((exponent, j) => {
    if (exponent > 0) parts.push(exponent === 1 ? columns[j].name : `${columns[j].name}^${exponent}`);
  });
  return parts.length === 0 ? '1' : parts.join(' ');
}

export function loadPolynomialFeatures(params: unknown, state: unknown): FittedPolynomialFeatures {
  const parsed = Object.freeze(parseParams(POLYNOMIAL_FEATURES, paramsSchema, params));
  const saved = parseState(POLYNOMIAL_FEATURES, z.strictObject({ columns: columnSignatures }), state);
  return fittedPolynomialFeatures(parsed, saved.columns);
}

export const polynomialFeaturesDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: POLYNOMIAL_FEATURES,
  aliases: ['poly', 'polynomial'],
  summary: 'products of features up to degree (interaction_only, include_bias), as sklearn names them',
  schema: paramsSchema,
  tags: { reshapesColumns: true },
  create: (params) => createPolynomialFeatures(params as never),
};
