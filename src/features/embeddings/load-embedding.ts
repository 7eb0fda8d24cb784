import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { ColumnInfo } from '../../core/features.js';
import { parseEmbeddingParams } from './embed-params.js';
import { type FittedEmbedding, fittedEmbedding } from './embedding-transformer.js';

const stateSchema = z.object({
  columns: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['numeric', 'categorical', 'text']),
      levels: z.array(z.string()).optional(),
    }),
  ),
  embedded: z.array(z.string()),
  dimensions: z.number().int().nonnegative(),
  vectors: z.record(z.string(), z.array(z.number())),
});

/** Restores a fitted `embed` step from its `toJSON()`: the vectors travel with it, so no call is made. */
export function loadEmbedding(params: unknown, state: unknown): FittedEmbedding {
  const parsed = stateSchema.safeParse(state);
  if (!parsed.success) {
    throw new ModeldebugError('parse_error', 'not a saved embed transformer state', {
      where: parsed.error.issues[0].path.join('.') || undefined,
      hint: 'pass the JSON a fitted embed step’s toJSON() produced',
    });
  }
  const { columns, embedded, dimensions, vectors } = parsed.data;
  const byText = new Map(Object.entries(vectors).map(([text, vector]) => [text, Float64Array.from(vector)]));
  const indices = embedded.map((name) => columns.findIndex((column) => column.name === name));
  return fittedEmbedding(parseEmbeddingParams(params), columns as ColumnInfo[], indices, byText, dimensions, {
    requests: 0,
    cacheHits: 0,
    promptTokens: 0,
  });
}
