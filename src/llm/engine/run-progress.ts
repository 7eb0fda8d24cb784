/** What a progress bar shows; sent after every finished job (warnings and progress are data). */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  /** Jobs that failed after every retry (counted apart from wrong or unparseable answers). */
  readonly errors: number;
  readonly cacheHits: number;
  readonly elapsedMs: number;
  /** Jobs per second so far. */
  readonly rate: number;
  /** Seconds left at the current rate; `undefined` before the first job. */
  readonly etaSeconds: number | undefined;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** `undefined` when the model is not in the price table. */
  readonly costUsd: number | undefined;
}

/** The totals of one run. */
export interface RunSummary {
  readonly calls: number;
  readonly cacheHits: number;
  readonly errors: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly costUsd: number | undefined;
}

export type ProgressSink = (progress: RunProgress) => void;
