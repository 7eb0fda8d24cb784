import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** sklearn's `n_jobs` param: null or 1 runs in this thread, k > 1 uses k threads, −1 every core (−2 all but one). */
export const nJobsSchema = z
  .number()
  .int()
  .refine((value) => value !== 0, { message: 'n_jobs must be positive or -1' })
  .nullable()
  .default(null);

/** Threads for `nJobs` (null → 1, −k → cores + 1 − k), never more than `units` of work to share. */
export function threadCount(nJobs: number | null, units: number): number {
  const asked = nJobs === null ? 1 : nJobs < 0 ? availableParallelism() + 1 + nJobs : nJobs;
  return Math.max(1, Math.min(asked, units));
}
