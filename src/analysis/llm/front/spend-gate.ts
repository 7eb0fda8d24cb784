import { costOf, type PriceTable } from '../../../llm/engine/price-table.js';
import type { ChatRequest } from '../../../llm/provider/chat-types.js';

/**
 * The race's total spend cap. Before each HTTP attempt the gate reserves the most that call could cost;
 * it refuses the call when what was spent plus what is reserved would pass the cap, and settles the
 * reservation to the call's real cost when it returns. So the spend never exceeds the cap, whatever the
 * concurrency.
 */
export interface SpendGate {
  readonly cap: number;
  /** False (and nothing reserved) when the call could take the spend over the cap. */
  reserve(bound: number): boolean;
  settle(bound: number, cost: number): void;
  spent(): number;
  /** Whether a call was refused. */
  refused(): boolean;
}

export function createSpendGate(cap: number): SpendGate {
  let spent = 0;
  let reserved = 0;
  let refused = false;
  return {
    cap,
    reserve(bound) {
      if (spent + reserved + bound > cap) {
        refused = true;
        return false;
      }
      reserved += bound;
      return true;
    },
    settle(bound, cost) {
      reserved -= bound;
      spent += cost;
    },
    spent: () => spent,
    refused: () => refused,
  };
}

/** Chat formats add a few tokens per message (role, separators) and a few to prime the answer. */
const TOKENS_PER_MESSAGE = 8;

/**
 * The most one request can cost: a token is at least one byte in the byte-level tokenizers chat models
 * use, so the prompt holds at most its UTF-8 bytes (plus the format's tokens per message), and the
 * endpoint stops the answer at `maxTokens`.
 */
export function worstCaseCost(request: ChatRequest, prices: PriceTable): number {
  const promptTokens = request.messages.reduce(
    (sum, message) => sum + Buffer.byteLength(message.content, 'utf8') + TOKENS_PER_MESSAGE,
    TOKENS_PER_MESSAGE,
  );
  return costOf(prices, request.model, { promptTokens, completionTokens: request.maxTokens ?? 4096 }) ?? 0;
}
