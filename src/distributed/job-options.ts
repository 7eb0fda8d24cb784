/**
 * How the coordinators queue their BullMQ jobs (fold fits and LLM batches alike): a job that throws (a
 * bug or a lost worker, not a failed fit or a failed LLM item, which are outcomes) is tried this often
 * before the run fails.
 */
export const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'fixed', delay: 1000 },
  // Jobs of a finished run are removed by close(); these catch those of runs that never finished.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
