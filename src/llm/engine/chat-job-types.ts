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
  /** Asked before every call the run would make (a cache miss), wherever the call is made. */
  readonly callGate?: CallGate;
}

/**
 * A caller's say over each call a scheduler makes — locally or on remote workers, where the caller
 * never sees the HTTP request: a spend cap reserves the call's worst case in `admit`, and `settle`
 * brings its real usage and latency. runChatJobs admits each attempt once it holds a request slot; the
 * remote runner admits each job as it dispatches it (the workers' retries are one admission: an
 * endpoint bills only the attempt that answers), so queued jobs hold reservations there too.
 */
export interface CallGate {
  /** False: the call is not made, nothing more is dispatched and the run ends `aborted`. */
  admit(request: ChatRequest): boolean;
  /** Once per admitted call: its answer, or undefined when it failed (unbilled). */
  settle(request: ChatRequest, result: ChatResult | undefined): void;
}
