import type { LlmOutcome } from './llm-outcome.js';

/**
 * One finished call of a prediction run (a row, or one of its samples), handed over as it completes so a
 * store can keep it: memory stays flat and a killed run leaves every finished item behind.
 */
export interface LlmItemRecord {
  /** The row's index among the rows of that prediction (a hold-out's test rows, or one fold's). */
  readonly row: number;
  readonly sample: number;
  readonly outcome: LlmOutcome;
  /** The class the answer named; null unless `outcome` is `label`. */
  readonly label: string | null;
  /** The answer (or the error), cut to 200 characters: untrusted text, display it, never run it. */
  readonly answer: string;
  /** Answered from the response cache, so no HTTP call and no cost in this run. */
  readonly cached: boolean;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** US dollars this run paid for it; undefined when the model has no price. */
  readonly costUsd: number | undefined;
}

export type LlmItemSink = (item: LlmItemRecord) => void;
