import type { FoldOutcome, FoldTask } from '../selection/fold-task.js';

/** Messages between the pool and its workers. */
export interface TaskMessage {
  readonly id: number;
  readonly task: FoldTask;
}

export type ResultMessage =
  | { readonly id: number; readonly outcome: FoldOutcome }
  /** A bug (not a failed fit): the pool rejects the whole run with it. */
  | { readonly id: number; readonly crash: string };
