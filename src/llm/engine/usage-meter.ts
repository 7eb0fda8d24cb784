import type { RunProgress, RunSummary } from './run-progress.js';

interface Recorded {
  readonly ok: boolean;
  readonly cached?: boolean;
  readonly result?: { readonly usage: { readonly promptTokens: number; readonly completionTokens: number } };
}

/** Counts jobs, tokens and cost of one run, and turns them into progress snapshots. */
export function createUsageMeter(total: number, now: () => number = Date.now) {
  const started = now();
  let done = 0;
  let errors = 0;
  let cacheHits = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  let costUsd: number | undefined;
  let unpricedCalls = 0;
  return {
    record(outcome: Recorded, cost: number | undefined): void {
      done++;
      if (!outcome.ok) errors++;
      else if (outcome.cached) cacheHits++;
      else if (outcome.result) {
        promptTokens += outcome.result.usage.promptTokens;
        completionTokens += outcome.result.usage.completionTokens;
        if (cost === undefined) unpricedCalls++;
        else costUsd = (costUsd ?? 0) + cost;
      }
    },
    costUsd: () => (unpricedCalls > 0 && costUsd === undefined ? undefined : costUsd),
    progress(): RunProgress {
      const elapsedMs = now() - started;
      const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
      return {
        done,
        total,
        errors,
        cacheHits,
        elapsedMs,
        rate,
        etaSeconds: done > 0 && rate > 0 ? (total - done) / rate : undefined,
        promptTokens,
        completionTokens,
        costUsd,
      };
    },
    summary(): RunSummary {
      return { calls: done - cacheHits - errors, cacheHits, errors, promptTokens, completionTokens, costUsd };
    },
  };
}
