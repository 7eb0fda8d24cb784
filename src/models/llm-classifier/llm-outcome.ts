/**
 * What became of one row: a `label` among the classes, an `unparseable` answer, a `refusal`, or an
 * infrastructure `error` (every retry failed). Only `label` rows have a real prediction; the others are
 * errors in outcome-aware metrics and get their own confusion-matrix columns.
 */
export const LLM_OUTCOMES = ['label', 'unparseable', 'refusal', 'error'] as const;

export type LlmOutcome = (typeof LLM_OUTCOMES)[number];

/** Codes stored per row in a Uint8Array: index into LLM_OUTCOMES. */
export const OUTCOME_CODE: Readonly<Record<LlmOutcome, number>> = {
  label: 0,
  unparseable: 1,
  refusal: 2,
  error: 3,
};

export type ParsedAnswer =
  | { readonly outcome: 'label'; readonly label: number }
  | { readonly outcome: 'unparseable' | 'refusal' | 'error' };
