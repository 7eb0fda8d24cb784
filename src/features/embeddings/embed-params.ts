import { z } from 'zod';
import { parseParams } from '../../core/params.js';
import { ENDPOINT_PARAMS } from '../../llm/provider/endpoint-params.js';
import { rejectKeyParams } from '../../llm/provider/reject-key-params.js';

export const EMBEDDING_TRANSFORMER_KIND = 'embedding';

/**
 * Text columns to vectors from an OpenAI-compatible `/v1/embeddings` endpoint. The key is not a param:
 * it is read from the environment variable `api_key_env` names, when the transformer calls.
 *
 * - `columns`: the text columns to embed (default: every text column); other columns pass through.
 * - `dimensions`: ask the model for shorter vectors (text-embedding-3-*); null for its native size.
 * - `cache`: `memory`, a SQLite file path (shared across runs and folds), or null for none.
 */
export const embeddingParamsSchema = z.strictObject({
  model: z
    .string()
    .min(1)
    .default('text-embedding-3-small')
    .describe('the embedding model the endpoint serves'),
  base_url: ENDPOINT_PARAMS.base_url,
  api_key_env: ENDPOINT_PARAMS.api_key_env,
  columns: z
    .array(z.string())
    .nullable()
    .default(null)
    .describe('the text columns to embed; null embeds every text column'),
  dimensions: z
    .number()
    .int()
    .positive()
    .nullable()
    .default(null)
    .describe("the vector length to ask for (models that can shorten theirs); null: the model's own"),
  batch_size: z.number().int().positive().max(2048).default(64).describe('texts per request (1 to 2048)'),
  concurrency: z.number().int().positive().max(256).default(4).describe('the most requests in flight'),
  timeout_ms: ENDPOINT_PARAMS.timeout_ms,
  max_attempts: ENDPOINT_PARAMS.max_attempts,
  cache: ENDPOINT_PARAMS.cache,
});

export type EmbeddingParams = z.infer<typeof embeddingParamsSchema>;

export function parseEmbeddingParams(input: unknown): EmbeddingParams {
  rejectKeyParams('embed', input);
  return parseParams(EMBEDDING_TRANSFORMER_KIND, embeddingParamsSchema, input);
}
