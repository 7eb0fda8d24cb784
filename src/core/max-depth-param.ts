import { z } from 'zod';

/** scikit-learn's tree `max_depth`: a positive depth, or null (the default) for no limit. */
export function maxDepthParam(description: string) {
  return z.number().int().positive().nullable().default(null).describe(description);
}
