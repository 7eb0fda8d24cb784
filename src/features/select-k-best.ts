import { z } from 'zod';
import { ModeldebugError } from '../core/errors.js';
import { assertNumericComplete, type Features, takeFeatureColumns } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { parseParams } from '../core/params.js';
import { assertColumnsMatch, type ColumnSignature, columnSignature } from './columns.js';
import { mutualInfoClassif } from './mutual-info.js';
import {
  columnSignatures,
  decodeNumbers,
  encodeNumbers,
  nullableNumbers,
  parseState,
} from './serialized-values.js';
import { type FittedTransformer, serializeTransformer, type Transformer } from './transformer.js';
import type { TransformerDescriptor } from './transformer-descriptor.js';
import { chi2, fClassif, type UnivariateScores } from './univariate-scores.js';

export const SELECT_K_BEST = 'select-k-best';

const paramsSchema = z.strictObject({
  k: z
    .union([z.number().int().nonnegative(), z.literal('all')])
    .default(10)
    .describe('how many features to keep, or all'),
  score_func: z
    .enum(['f_classif', 'chi2', 'mutual_info_classif'])
    .default('f_classif')
    .describe(
      'the univariate score: f_classif (ANOVA F), chi2 (non-negative features), or mutual_info_classif',
    ),
  random_state: z.number().int().default(0).describe("seeds mutual_info_classif's tie-breaking jitter"),
});
export type SelectKBestParams = z.infer<typeof paramsSchema>;

export interface FittedSelectKBest extends FittedTransformer {
  readonly params: Readonly<SelectKBestParams>;
  /** sklearn's `scores_` and `pvalues_` (null for mutual information, which has none). */
  readonly scores: Float64Array;
  readonly pValues: Float64Array | null;
  readonly support: readonly boolean[];
  readonly featureNamesOut: readonly string[];
}

/** Keeps the k features with the highest univariate score against the label (sklearn's SelectKBest). */
export function createSelectKBest(params: Partial<SelectKBestParams> = {}): Transformer<SelectKBestParams> {
  const parsed = Object.freeze(parseParams(SELECT_K_BEST, paramsSchema, params));
  return {
    kind: SELECT_K_BEST,
    params: parsed,
    withParams: (patch) => createSelectKBest({ ...parsed, ...patch }),
    fit: async (X, y) => {
      if (y === undefined) {
        throw new ModeldebugError(
          'invalid_argument',
          'select-k-best scores features against the label: fit it with y',
        );
      }
      assertNumericComplete(X, SELECT_K_BEST);
      if (parsed.k !== 'all' && parsed.k > X.cols) {
        throw new ModeldebugError('invalid_param', `k should be <= n_features = ${X.cols}; got ${parsed.k}`, {
          where: 'param k',
          hint: "use k='all' to keep every feature",
        });
      }
      const { scores, pValues } = univariateScores(parsed, X, y);
      return fittedSelectKBest(parsed, columnSignature(X), scores, pValues);
    },
  };
}

export function univariateScores(params: SelectKBestParams, X: Features, y: Labels): UnivariateScores {
  if (params.score_func === 'chi2') return chi2(X, y);
  if (params.score_func === 'mutual_info_classif')
    return mutualInfoClassif(X, y, { seed: params.random_state });
  return fClassif(X, y);
}

/**
 * sklearn's mask: NaN scores count as the smallest double, then a stable ascending sort keeps the last
 * k, so among equal scores the later columns win.
 */
export function topKSupport(scores: Float64Array, k: number | 'all'): boolean[] {
  const support = new Array<boolean>(scores.length).fill(k === 'all');
  if (k === 'all' || k === 0) return support;
  const clean = scores.map((score) => (Number.isNaN(score) ? -Number.MAX_VALUE : score));
  const order = Array.from(clean.keys()).sort((a, b) => clean[a] - clean[b] || a - b);
  for (const j of order.slice(-k)) support[j] = true;
  return support;
}

function fittedSelectKBest(
  params: SelectKBestParams,
  columns: readonly ColumnSignature[],
  scores: Float64Array,
  pValues: Float64Array | null,
): FittedSelectKBest {
  const support = topKSupport(scores, params.k);
  const kept = Int32Array.from(support.flatMap((flag, j) => (flag ? [j] : [])));
  return {
    kind: SELECT_K_BEST,
    params,
    warnings: [],
    scores,
    pValues,
    support,
    featureNamesOut: Array.from(kept, (j) => columns[j].name),
    transform(X) {
      assertColumnsMatch(SELECT_K_BEST, columns, X);
      return takeFeatureColumns(X, kept);
    },
    toJSON: () =>
      serializeTransformer(SELECT_K_BEST, params, {
        columns,
        scores: encodeNumbers(scores),
        pValues: pValues === null ? null : encodeNumbers(pValues),
      }),
  };
}

const stateSchema = z.strictObject({
  columns: columnSignatures,
  scores: nullableNumbers,
  pValues: nullableNumbers.nullable(),
});

export function loadSelectKBest(params: unknown, state: unknown): FittedSelectKBest {
  const parsed = Object.freeze(parseParams(SELECT_K_BEST, paramsSchema, params));
  const saved = parseState(SELECT_K_BEST, stateSchema, state);
  return fittedSelectKBest(
    parsed,
    saved.columns,
    decodeNumbers(saved.scores),
    saved.pValues === null ? null : decodeNumbers(saved.pValues),
  );
}

export const selectKBestDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: SELECT_K_BEST,
  aliases: ['kbest'],
  summary: 'keep the k features scoring highest: score_func f_classif|chi2|mutual_info_classif',
  schema: paramsSchema,
  tags: { reshapesColumns: true },
  create: (params) => createSelectKBest(params as never),
};
