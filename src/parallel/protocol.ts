import type { CacheFileRuntime } from '../llm/cache/cache-file.js';
import type { FoldOutcome, FoldTask } from '../selection/fold-task.js';
import type { SharedDataset } from './shared-dataset.js';

/** What a worker starts with (its workerData): the shared dataset and its own runtime. */
export interface WorkerStart {
  readonly dataset: SharedDataset;
  readonly runtime: CacheFileRuntime;
}

/** Messages between the pool and its workers. */
export interface TaskMessage {
  readonly id: number;
  readonly task: FoldTask;
}

export type ResultMessage =
  | { readonly id: number; readonly outcome: FoldOutcome }
  /** A bug (not a failed fit): the pool rejects the whole run with it. */
  | { readonly id: number; readonly crash: string };
