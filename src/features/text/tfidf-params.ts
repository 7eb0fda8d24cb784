import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';

/**
 * `ngram_range` as sklearn's pair, or `"1-2"` / `"1,2"` as a model spec writes it
 * (`tfidf(ngram_range=1-2)`).
 */
const ngramRange = z
  .union([
    z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    z.string().regex(/^\s*\d+\s*[-,]\s*\d+\s*$/, 'write it as min-max, e.g. 1-2'),
  ])
  .transform((value) =>
    typeof value === 'string' ? (value.split(/[-,]/).map(Number) as [number, number]) : value,
  )
  .refine(([low, high]) => low >= 1 && low <= high, 'needs 1 <= min <= max');

/**
 * sklearn's TfidfVectorizer params (word analyzer, default token pattern). JS has one number type, so
 * `min_df` / `max_df` are a proportion of the documents when fractional (or max_df = 1, sklearn's 1.0
 * default: all documents) and a document count when whole (min_df = 1 is one document, as sklearn's int 1).
 */
export const tfidfParamsSchema = z.strictObject({
  /** Which text column to vectorise; null picks the only text column. */
  column: z.string().nullable().default(null),
  lowercase: z.boolean().default(true),
  ngram_range: ngramRange.default([1, 1]),
  min_df: z.number().min(0).default(1),
  max_df: z.number().min(0).default(1),
  max_features: z.number().int().min(1).nullable().default(null),
  binary: z.boolean().default(false),
  norm: z.enum(['l1', 'l2']).nullable().default('l2'),
  use_idf: z.boolean().default(true),
  smooth_idf: z.boolean().default(true),
  sublinear_tf: z.boolean().default(false),
});
export type TfidfParams = z.output<typeof tfidfParamsSchema>;

/** min_df / max_df as document counts for n documents (sklearn's max_doc_count / min_doc_count). */
export function documentCountLimits(params: TfidfParams, n: number): { min: number; max: number } {
  const min = Number.isInteger(params.min_df) ? params.min_df : params.min_df * n;
  const max = params.max_df <= 1 ? params.max_df * n : params.max_df;
  if (!Number.isInteger(params.max_df) && params.max_df > 1) {
    throw new ModeldebugError(
      'invalid_param',
      `max_df ${params.max_df} is neither a proportion nor a count`,
      {
        where: 'param max_df',
        hint: 'give a proportion in [0, 1] or a whole number of documents',
      },
    );
  }
  if (max < min) {
    throw new ModeldebugError('invalid_param', 'max_df corresponds to fewer documents than min_df', {
      where: 'param max_df',
      hint: 'raise max_df or lower min_df',
    });
  }
  return { min, max };
}
