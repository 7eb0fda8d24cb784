import type { CalibrationMethod, MethodResult } from '../analysis/llm/calibration/index.js';
import type { FindingRecord } from '../core/finding-record.js';

/** report.json's calibration of an LLM's answers: present when the tuned model is an LLM classifier. */
export interface LlmCalibrationSection {
  readonly model: string;
  readonly rows: number;
  readonly folds: number;
  readonly basis: 'logprob' | 'samples';
  /** Each method out of fold on the training rows; `changedRows` are rows of the user's file. */
  readonly methods: readonly MethodResult[];
  readonly skipped: readonly { readonly method: CalibrationMethod; readonly reason: string }[];
  readonly contentFree: readonly { readonly label: string; readonly probability: number }[] | null;
  readonly labelBias: readonly { readonly label: string; readonly bias: number }[] | null;
  readonly findings: readonly FindingRecord[];
}
