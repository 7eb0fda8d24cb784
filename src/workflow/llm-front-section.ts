import type { LlmFront } from '../analysis/llm/front/index.js';

/** The `run` report's cost–accuracy front: the race's result on the training rows, and its folds. */
export interface LlmFrontSection extends LlmFront {
  readonly folds: number;
}
