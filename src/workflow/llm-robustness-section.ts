import type { LlmRobustness } from '../analysis/llm/robustness/index.js';

/**
 * report.json's robustness of the tuned model: prompt variants and repeated sampling for an LLM, input
 * text perturbations for any model with a text column, on a stratified sample of the training rows.
 * Every row (`flippedRows[].row`, the sampling's unstable rows, the findings') is a row of the user's
 * file; `usage` counts the step's LLM calls (a rerun on the same run store answers all from its cache).
 */
export interface LlmRobustnessSection extends LlmRobustness {
  readonly model: string;
  /** The sampled training rows the check ran on. */
  readonly rows: number;
  readonly folds: number;
}
