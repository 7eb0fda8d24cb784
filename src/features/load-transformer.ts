import { z } from 'zod';
import { ModeldebugError } from '../core/index.js';
import { EMBEDDING_TRANSFORMER_KIND } from './embeddings/embed-params.js';
import { loadEmbedding } from './embeddings/load-embedding.js';
import { K_BINS_DISCRETIZER, loadKBinsDiscretizer } from './k-bins-discretizer.js';
import { loadMinMaxScaler, MIN_MAX_SCALER } from './min-max-scaler.js';
import { loadOneHotEncoder, ONE_HOT_ENCODER } from './one-hot-encoder.js';
import { loadPolynomialFeatures, POLYNOMIAL_FEATURES } from './polynomial-features.js';
import { loadSelectKBest, SELECT_K_BEST } from './select-k-best.js';
import { loadSimpleImputer, SIMPLE_IMPUTER } from './simple-imputer.js';
import { loadStandardScaler, STANDARD_SCALER } from './standard-scaler.js';
import { loadTfidfVectorizer, TFIDF_VECTORIZER } from './text/tfidf-vectorizer.js';
import type { FittedTransformer, SerializedTransformer } from './transformer.js';

type TransformerLoader = (params: unknown, state: unknown) => FittedTransformer;

// A Map, not an object literal, so that a kind such as "constructor" cannot reach Object.prototype.
const LOADERS: ReadonlyMap<string, TransformerLoader> = new Map<string, TransformerLoader>([
  [EMBEDDING_TRANSFORMER_KIND, loadEmbedding],
  [MIN_MAX_SCALER, loadMinMaxScaler],
  [K_BINS_DISCRETIZER, loadKBinsDiscretizer],
  [ONE_HOT_ENCODER, loadOneHotEncoder],
  [POLYNOMIAL_FEATURES, loadPolynomialFeatures],
  [SELECT_K_BEST, loadSelectKBest],
  [SIMPLE_IMPUTER, loadSimpleImputer],
  [STANDARD_SCALER, loadStandardScaler],
  [TFIDF_VECTORIZER, loadTfidfVectorizer],
]);

export const serializedTransformerSchema = z.strictObject({
  format: z.literal('modeldebug-transformer'),
  version: z.literal(1),
  kind: z.string(),
  params: z.unknown(),
  state: z.unknown(),
});

/** Restores what a fitted transformer's `toJSON` gave (after a JSON round trip or not). */
export function loadTransformer(json: unknown): FittedTransformer {
  const result = serializedTransformerSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModeldebugError('parse_error', `not a saved modeldebug transformer: ${issue.message}`, {
      where: issue.path.join('.') || undefined,
      hint: 'pass the JSON that a fitted transformer’s toJSON() produced',
    });
  }
  const saved: SerializedTransformer = result.data;
  const load = LOADERS.get(saved.kind);
  if (load === undefined) {
    throw new ModeldebugError('unsupported', `unknown transformer kind "${saved.kind}"`, {
      hint: `known kinds: ${[...LOADERS.keys()].sort().join(', ')}`,
    });
  }
  return load(saved.params, saved.state);
}
