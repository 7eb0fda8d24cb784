import { z } from 'zod';
import { parseParams } from '../../core/params.js';
import { OPENAI_BASE_URL } from '../../llm/provider/openai-provider.js';
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
  model: z.string().min(1).default('text-embedding-3-small'),
  base_url: z.string().url().default(OPENAI_BASE_URL),
  api_key_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')
    .default('OPENAI_API_KEY'),
  columns: z.array(z.string()).nullable().default(null),
  dimensions: z.number().int().positive().nullable().default(null),
  batch_size: z.number().int().positive().max(2048).default(64),
  concurrency: z.number().int().positive().max(256).default(4),
  timeout_ms: z.number().int().positive().default(60_000),
  max_attempts: z.number().int().positive().max(20).default(6),
  cache: z.string().min(1).nullable().default('memory'),
});

export type EmbeddingParams = z.infer<typeof embeddingParamsSchema>;

export function parseEmbeddingParams(input: unknown): EmbeddingParams {
  rejectKeyParams('embed', input);
  return parseParams(EMBEDDING_TRANSFORMER_KIND, embeddingParamsSchema, input);
}
