import type { ChatRequest, ChatResult } from '../provider/chat-types.js';
import type { LlmCallError } from '../provider/llm-call-error.js';
import type { PriceTable } from './price-table.js';
import type { ProgressSink } from './run-progress.js';

export interface ChatJob {
  readonly request: ChatRequest;
  /** Which of n self-consistency samples this is; part of the cache key. */
  readonly sampleIndex: number;
}

export type ChatJobResult =
  | { readonly ok: true; readonly result: ChatResult; readonly cached: boolean }
  | { readonly ok: false; readonly error: LlmCallError };

export interface RunChatJobsOptions {
  /** How many jobs `jobs` yields (for progress and ETA). */
  readonly total: number;
  readonly signal?: AbortSignal;
  readonly prices?: PriceTable;
  /** Stop dispatching once the cost reaches this (US dollars); the run then throws `budget_exceeded`. */
  readonly maxCostUsd?: number;
  readonly onProgress?: ProgressSink;
}
