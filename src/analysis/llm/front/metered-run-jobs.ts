import { costOf, type PriceTable } from '../../../llm/engine/price-table.js';
import { runChatJobs } from '../../../llm/engine/run-chat-jobs.js';
import type { ChatProvider } from '../../../llm/provider/chat-provider.js';
import { LlmCallError } from '../../../llm/provider/llm-call-error.js';
import { type SpendGate, worstCaseCost } from './spend-gate.js';

/** What one arm's HTTP calls did: answered calls, their latencies and what they cost. */
export interface ArmCallMeter {
  calls: number;
  failedAttempts: number;
  spent: number;
  readonly latenciesMs: number[];
}

export function createArmCallMeter(): ArmCallMeter {
  return { calls: 0, failedAttempts: 0, spent: 0, latenciesMs: [] };
}

export interface MeterContext {
  readonly meter: ArmCallMeter;
  readonly prices: PriceTable;
  readonly gate?: SpendGate;
  /** Called once the gate refuses a call: the race stops every arm. */
  readonly onRefused: () => void;
  /** Who runs the calls underneath (the runtime's own runner, else runChatJobs). */
  readonly inner?: typeof runChatJobs;
}

/**
 * A runner with runChatJobs' signature that times, counts and prices every HTTP attempt of one arm and
 * asks the spend gate before each. Cache hits never reach the provider, so they are free and untimed.
 */
export function meteredRunJobs(context: MeterContext): typeof runChatJobs {
  return (engine, provider, jobs, onResult, options) =>
    (context.inner ?? runChatJobs)(engine, meteredProvider(provider, context), jobs, onResult, options);
}

function meteredProvider(provider: ChatProvider, context: MeterContext): ChatProvider {
  const { meter, gate, prices } = context;
  return {
    specificationVersion: provider.specificationVersion,
    baseURL: provider.baseURL,
    async complete(request, options) {
      const bound = gate ? worstCaseCost(request, prices) : 0;
      if (gate && !gate.reserve(bound)) {
        context.onRefused();
        // Not retryable: the scheduler stops this run at once.
        throw new LlmCallError('aborted', `the next call could take the spend over max cost $${gate.cap}`);
      }
      const started = performance.now();
      try {
        const result = await provider.complete(request, options);
        const cost = costOf(prices, request.model, result.usage) ?? 0;
        meter.latenciesMs.push(performance.now() - started);
        meter.calls++;
        meter.spent += cost;
        gate?.settle(bound, cost);
        return result;
      } catch (error) {
        // A failed attempt returns no usage; endpoints do not bill it.
        meter.failedAttempts++;
        gate?.settle(bound, 0);
        throw error;
      }
    },
  };
}
