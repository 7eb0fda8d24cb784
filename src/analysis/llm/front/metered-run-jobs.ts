import { costOf, type PriceTable } from '../../../llm/engine/price-table.js';
import { type CallGate, runChatJobs } from '../../../llm/engine/run-chat-jobs.js';
import type { ChatRequest } from '../../../llm/provider/chat-types.js';
import { type SpendGate, worstCaseCost } from './spend-gate.js';

/** What one arm's calls did: answered calls, what they cost, and the latency of every answer it got. */
export interface ArmCallMeter {
  calls: number;
  failedCalls: number;
  spent: number;
  /** Of every answer the arm received, cached ones included (they keep the latency they were made with). */
  readonly latenciesMs: number[];
}

export function createArmCallMeter(): ArmCallMeter {
  return { calls: 0, failedCalls: 0, spent: 0, latenciesMs: [] };
}

export interface MeterContext {
  readonly meter: ArmCallMeter;
  readonly prices: PriceTable;
  readonly gate?: SpendGate;
  /** Called once the gate refuses a call: the race stops every arm. */
  readonly onRefused: () => void;
  /** Who runs the calls underneath (the runtime's own runner, e.g. remote workers; else runChatJobs). */
  readonly inner?: typeof runChatJobs;
}

/**
 * A runner with runChatJobs' signature that counts and prices every call of one arm and asks the spend
 * gate before each — through the runner's call gate, so it holds for calls remote workers make too.
 */
export function meteredRunJobs(context: MeterContext): typeof runChatJobs {
  const { meter } = context;
  return (engine, provider, jobs, onResult, options) =>
    (context.inner ?? runChatJobs)(
      engine,
      provider,
      jobs,
      (index, outcome) => {
        if (outcome.ok && outcome.result.latencyMs !== undefined)
          meter.latenciesMs.push(outcome.result.latencyMs);
        onResult(index, outcome);
      },
      { ...options, callGate: armCallGate(context) },
    );
}

function armCallGate(context: MeterContext): CallGate {
  const { meter, gate, prices } = context;
  // A request's worst case is a function of the request: settle releases exactly what admit reserved.
  const boundOf = (request: ChatRequest) => (gate ? worstCaseCost(request, prices) : 0);
  return {
    admit(request) {
      if (gate && !gate.reserve(boundOf(request))) {
        context.onRefused();
        return false;
      }
      return true;
    },
    settle(request, result) {
      const bound = boundOf(request);
      // A failed call returns no usage; endpoints do not bill it.
      const cost = result ? (costOf(prices, request.model, result.usage) ?? 0) : 0;
      if (result) {
        meter.calls++;
        meter.spent += cost;
      } else meter.failedCalls++;
      gate?.settle(bound, cost);
    },
  };
}
