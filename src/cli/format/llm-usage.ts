import type { LlmResultTotals } from '../../store/index.js';

export interface LlmRunInfo {
  readonly runId: string;
  readonly storePath: string;
  readonly totals: LlmResultTotals;
}

/** Calls, tokens and cost of an LLM run (tokens only when the model has no price), and where it is kept. */
export function formatLlmUsage({ runId, storePath, totals }: LlmRunInfo): string {
  const paid = totals.items - totals.cached - totals.outcomes.error;
  const cost =
    totals.costUsd === null ? 'cost unknown (no price for the model)' : `cost $${totals.costUsd.toFixed(4)}`;
  return [
    'LLM usage',
    `${totals.items} calls: ${paid} answered by the endpoint, ${totals.cached} from the cache, ${totals.outcomes.error} failed`,
    `tokens ${totals.promptTokens} prompt + ${totals.completionTokens} completion; ${cost}`,
    `run ${runId} in ${storePath} (rerun the same command to resume; --no-cache to call again)`,
  ].join('\n');
}

export function llmUsageToJson({ runId, storePath, totals }: LlmRunInfo): unknown {
  return {
    runId: runId,
    store: storePath,
    calls: totals.items,
    cacheHits: totals.cached,
    failed: totals.outcomes.error,
    promptTokens: totals.promptTokens,
    completionTokens: totals.completionTokens,
    costUsd: totals.costUsd,
  };
}
