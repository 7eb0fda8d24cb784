import { ModeldebugError } from '../../core/errors.js';
import { LlmCallError } from '../provider/llm-call-error.js';
import type { ChatJob, ChatJobResult, RunChatJobsOptions } from './chat-job-types.js';
import { costOf } from './price-table.js';
import type { RunSummary } from './run-progress.js';
import { createUsageMeter } from './usage-meter.js';

/**
 * The bookkeeping every chat scheduler shares (the local runChatJobs and the remote BullMQ runner):
 * usage and cost per answered job, progress, the cost limit, and how the run ends.
 */
export interface ChatRunTally {
  /** Counts one answered job, hands it to `onResult` and the progress sink, and checks the cost limit. */
  record(index: number, job: ChatJob, outcome: ChatJobResult): void;
  budgetExceeded(): boolean;
  /** Throws the run's first fatal error, the caller's abort or `budget_exceeded`; else the run's totals. */
  finish(fatal: unknown): RunSummary;
}

export function createChatRunTally(
  options: RunChatJobsOptions,
  onResult: (index: number, result: ChatJobResult) => void,
): ChatRunTally {
  const meter = createUsageMeter(options.total);
  let budgetExceeded = false;
  return {
    record(index, job, outcome) {
      const cost =
        outcome.ok && !outcome.cached
          ? costOf(options.prices ?? {}, job.request.model, outcome.result.usage)
          : undefined;
      meter.record(outcome, cost);
      onResult(index, outcome);
      options.onProgress?.(meter.progress());
      if (options.maxCostUsd !== undefined && (meter.costUsd() ?? 0) >= options.maxCostUsd)
        budgetExceeded = true;
    },
    budgetExceeded: () => budgetExceeded,
    finish(fatal) {
      if (fatal !== undefined) throw fatal;
      if (options.signal?.aborted)
        throw options.signal.reason ?? new LlmCallError('aborted', 'the run was aborted');
      if (budgetExceeded) {
        throw new ModeldebugError(
          'budget_exceeded',
          `the run reached its cost limit of $${options.maxCostUsd} after ${meter.progress().done} of ${options.total} calls`,
          { hint: 'raise max_cost to finish; answers so far are cached, so a rerun pays only for the rest' },
        );
      }
      return meter.summary();
    },
  };
}
