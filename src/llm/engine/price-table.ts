import type { TokenUsage } from '../provider/chat-types.js';

/** US dollars per million tokens. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
}

/** Prices by model name, from the config; a model not in it shows tokens only. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

export function costOf(prices: PriceTable, model: string, usage: TokenUsage): number | undefined {
  const price = prices[model];
  if (!price) return undefined;
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1e6;
}

/** A rough prompt size before any call: about four characters per token, as OpenAI's rule of thumb. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
