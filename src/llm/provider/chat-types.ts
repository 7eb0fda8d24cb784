/** One message of a chat prompt. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Structured output: the endpoint is asked to answer with JSON matching `schema` (where it supports it). */
export interface JsonSchemaFormat {
  readonly name: string;
  readonly schema: Readonly<Record<string, unknown>>;
}

/**
 * A provider-neutral chat completion request. Every field that changes the answer is here, so the cache
 * key (see cache-key.ts) can be computed from it alone.
 */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly temperature?: number;
  readonly topP?: number;
  readonly maxTokens?: number;
  readonly seed?: number;
  /** Ask for log-probabilities of the first tokens, with this many alternatives per token (0 = none). */
  readonly topLogprobs?: number;
  readonly jsonSchema?: JsonSchemaFormat;
}

export interface TokenAlternative {
  readonly token: string;
  readonly logprob: number;
}

export interface TokenLogprob extends TokenAlternative {
  /** The most likely tokens at this position (the endpoint's `top_logprobs`), the chosen one included. */
  readonly top: readonly TokenAlternative[];
}

export interface ChatChoice {
  readonly text: string;
  /** `stop`, `length`, `content_filter`, … as the endpoint reports it. */
  readonly finishReason: string;
  /** Set when the endpoint flags the answer as a refusal (OpenAI's `message.refusal`). */
  readonly refusal?: string;
  readonly logprobs?: readonly TokenLogprob[];
}

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** The normalised answer: what the cache stores and the classifier reads. */
export interface ChatResult {
  readonly choices: readonly ChatChoice[];
  readonly usage: TokenUsage;
  /**
   * Milliseconds from sending the request to reading the answer, measured by the client that made the
   * call (a remote worker's, under --redis). Kept with the cached answer, so a rerun from the cache
   * reports — and the front races on — the latency the answer really had.
   */
  readonly latencyMs?: number;
}
