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
  column: z
    .string()
    .nullable()
    .default(null)
    .describe('which text column to vectorise; null picks the only text column'),
  lowercase: z.boolean().default(true).describe('lowercase the text before tokenizing'),
  ngram_range: ngramRange
    .default([1, 1])
    .describe('the shortest and longest word n-grams, e.g. [1, 2] for words and word pairs'),
  min_df: z
    .number()
    .min(0)
    .default(1)
    .describe('drop terms in fewer documents than this: a count (>= 1) or a fraction of the documents'),
  max_df: z
    .number()
    .min(0)
    .default(1)
    .describe('drop terms in more documents than this: a fraction (<= 1) or a count'),
  max_features: z
    .number()
    .int()
    .min(1)
    .nullable()
    .default(null)
    .describe('keep only the most frequent terms, this many; null keeps all'),
  binary: z.boolean().default(false).describe('count a term once per document (presence, not frequency)'),
  norm: z
    .enum(['l1', 'l2'])
    .nullable()
    .default('l2')
    .describe('scale each row to unit l2 or l1 norm; null leaves it'),
  use_idf: z.boolean().default(true).describe('weight terms by inverse document frequency'),
  smooth_idf: z
    .boolean()
    .default(true)
    .describe('add 1 to document frequencies, as if one document held every term (no division by zero)'),
  sublinear_tf: z.boolean().default(false).describe('use 1 + log(tf) instead of the term count'),
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
